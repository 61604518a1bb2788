package eu.complaintdesk.intake;

import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.system.ApiProblem;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff register what came by phone, post, visit, e-address and the other channels, with the time
 * it was actually received (never in the future).
 */
@RestController
class StaffComplaintController {

  private final IntakeService intake;
  private final Clock clock;

  StaffComplaintController(IntakeService intake, Clock clock) {
    this.intake = intake;
    this.clock = clock;
  }

  @PostMapping(path = "/api/staff/complaints", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ComplaintController.ReceiptView> register(
      @Valid @RequestBody Submission submission,
      @RequestHeader(name = IntakeService.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Principal staff) {
    return register(submission, List.of(), idempotencyKey, staff);
  }

  /** The same with files: a JSON part {@code complaint} and file parts {@code attachments}. */
  @PostMapping(path = "/api/staff/complaints", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ComplaintController.ReceiptView> registerWithAttachments(
      @Valid @RequestPart(ComplaintController.COMPLAINT_PART) Submission submission,
      @RequestPart(name = AttachmentService.FIELD, required = false) List<MultipartFile> files,
      @RequestHeader(name = IntakeService.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Principal staff) {
    return register(submission, ComplaintController.uploaded(files), idempotencyKey, staff);
  }

  private ResponseEntity<ComplaintController.ReceiptView> register(
      Submission submission, List<UploadedFile> files, String idempotencyKey, Principal staff) {
    if (submission.channel() == null) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "channel", "channel: is required");
    }
    Instant now = clock.instant();
    Instant receivedAt =
        submission.receivedAt() == null ? now : submission.receivedAt().toInstant();
    if (receivedAt.isAfter(now)) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "receivedAt", "receivedAt: must not be in the future");
    }
    String key = ComplaintController.checkedKey(idempotencyKey);
    String user = staff == null ? null : staff.getName();
    return ComplaintController.created(
        ComplaintController.onceEvenIfRaced(
            () -> intake.submit(submission, files, submission.channel(), receivedAt, user, key)));
  }
}
