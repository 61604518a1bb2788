package eu.complaintdesk.intake;

import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Staff", description = "Signed-in staff (HTTP Basic, Camunda users).")
@RestController
class StaffComplaintController {

  private final IntakeService intake;
  private final Clock clock;
  private final StaffIntakeRules rules;

  StaffComplaintController(IntakeService intake, Clock clock, StaffIntakeRules rules) {
    this.intake = intake;
    this.clock = clock;
    this.rules = rules;
  }

  @Operation(
      summary = "Register a complaint that came by another channel",
      description =
          "As the public submission plus `channel` (required) and an optional past `receivedAt`."
              + " JSON, or multipart/form-data with a JSON part `complaint` and file parts"
              + " `attachments`.")
  @ApiResponse(responseCode = "201", description = "Registered")
  @PostMapping("/api/staff/complaints")
  ResponseEntity<ComplaintController.ReceiptView> register(
      @Valid @RequestBody Submission submission,
      @RequestHeader(name = IntakeService.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      Principal staff) {
    return register(submission, List.of(), idempotencyKey, staff);
  }

  /** The same with files: a JSON part {@code complaint} and file parts {@code attachments}. */
  @Operation(summary = "Register a complaint that came by another channel")
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
    rules
        .channelProblem(submission.channel())
        .ifPresent(
            problem -> {
              throw new ApiProblem(HttpStatus.BAD_REQUEST, "channel", "channel: " + problem);
            });
    Instant now = clock.instant();
    Instant receivedAt =
        submission.receivedAt() == null ? now : submission.receivedAt().toInstant();
    rules
        .receivedAtProblem(receivedAt, now)
        .ifPresent(
            problem -> {
              throw new ApiProblem(HttpStatus.BAD_REQUEST, "receivedAt", "receivedAt: " + problem);
            });
    String key = ComplaintController.checkedKey(idempotencyKey);
    String user = staff == null ? null : staff.getName();
    return ComplaintController.created(
        ComplaintController.onceEvenIfRaced(
            () -> intake.submit(submission, files, submission.channel(), receivedAt, user, key)));
  }
}
