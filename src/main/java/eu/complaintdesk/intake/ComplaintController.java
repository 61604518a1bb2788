package eu.complaintdesk.intake;

import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.system.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The public API: submit, check status, send more information, withdraw. */
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

  static final String ACCESS_CODE = "X-Access-Code";
  static final int MAX_KEY = 200;
  static final String COMPLAINT_PART = "complaint";
  static final String MESSAGE_PART = "message";

  record ReceiptView(
      String registrationNumber, String accessCode, Instant receivedAt, LocalDate responseDueDate) {
    static ReceiptView of(IntakeService.Receipt receipt) {
      return new ReceiptView(
          receipt.registrationNumber(),
          receipt.accessCode(),
          receipt.receivedAt(),
          receipt.responseDueDate());
    }
  }

  record TimelineView(Instant at, String event, String detail) {}

  record AttachmentView(String fileName, String mediaType, long size, Instant receivedAt) {}

  record StatusView(
      String registrationNumber,
      String status,
      String feedbackType,
      Instant receivedAt,
      LocalDate responseDueDate,
      boolean extended,
      List<TimelineView> timeline,
      List<AttachmentView> attachments) {}

  record Information(@NotBlank @Size(max = Submission.Limits.MESSAGE) String message) {}

  private final IntakeService intake;
  private final CustomerRequests requests;
  private final ComplaintRegister register;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final AttachmentService attachments;

  ComplaintController(
      IntakeService intake,
      CustomerRequests requests,
      ComplaintRegister register,
      WorkingCalendar calendar,
      Clock clock,
      AttachmentService attachments) {
    this.intake = intake;
    this.requests = requests;
    this.register = register;
    this.calendar = calendar;
    this.clock = clock;
    this.attachments = attachments;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ReceiptView> submit(
      @Valid @RequestBody Submission submission,
      @RequestHeader(name = IntakeService.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey) {
    return submit(submission, List.of(), idempotencyKey);
  }

  /** The same with files: a JSON part {@code complaint} and file parts {@code attachments}. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ReceiptView> submitWithAttachments(
      @Valid @RequestPart(COMPLAINT_PART) Submission submission,
      @RequestPart(name = AttachmentService.FIELD, required = false) List<MultipartFile> files,
      @RequestHeader(name = IntakeService.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey) {
    return submit(submission, uploaded(files), idempotencyKey);
  }

  private ResponseEntity<ReceiptView> submit(
      Submission submission, List<UploadedFile> files, String idempotencyKey) {
    if (submission.channel() != null) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "channel", "channel: may be given only by staff");
    }
    if (submission.receivedAt() != null) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "receivedAt", "receivedAt: may be given only by staff");
    }
    String key = checkedKey(idempotencyKey);
    return created(
        onceEvenIfRaced(
            () -> intake.submit(submission, files, Channel.API, clock.instant(), null, key)));
  }

  @GetMapping("/{registrationNumber}")
  StatusView status(
      @PathVariable String registrationNumber,
      @RequestHeader(name = ACCESS_CODE, required = false) String accessCode) {
    Complaint complaint = accessible(registrationNumber, accessCode);
    List<TimelineView> timeline =
        register.timeline(complaint.id()).stream()
            .filter(TimelineEntry::visibleToCustomer)
            .map(e -> new TimelineView(e.occurredAt(), e.type(), e.detail()))
            .toList();
    List<AttachmentView> files =
        attachments.list(complaint.id()).stream()
            .map(a -> new AttachmentView(a.fileName(), a.mediaType(), a.size(), a.receivedAt()))
            .toList();
    return new StatusView(
        complaint.registrationNumber(),
        complaint.status().name(),
        complaint.feedbackType(),
        complaint.receivedAt(),
        calendar.localDate(complaint.responseDueAt()),
        complaint.extended(),
        timeline,
        files);
  }

  @PostMapping(
      path = "/{registrationNumber}/information",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> information(
      @PathVariable String registrationNumber,
      @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
      @Valid @RequestBody Information information) {
    requests.supplyInformation(accessible(registrationNumber, accessCode), information.message());
    return ResponseEntity.accepted().build();
  }

  /** The same with files: a text part {@code message} and file parts {@code attachments}. */
  @PostMapping(
      path = "/{registrationNumber}/information",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Void> informationWithAttachments(
      @PathVariable String registrationNumber,
      @RequestHeader(name = ACCESS_CODE, required = false) String accessCode,
      @RequestParam(name = MESSAGE_PART, required = false) String message,
      @RequestPart(name = AttachmentService.FIELD, required = false) List<MultipartFile> files) {
    Complaint complaint = accessible(registrationNumber, accessCode);
    if (message == null || message.isBlank()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, MESSAGE_PART, MESSAGE_PART + ": is required");
    }
    if (message.length() > Submission.Limits.MESSAGE) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          MESSAGE_PART,
          MESSAGE_PART + ": at most " + Submission.Limits.MESSAGE + " characters");
    }
    requests.supplyInformation(complaint, message, uploaded(files));
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{registrationNumber}/withdrawal")
  ResponseEntity<Void> withdrawal(
      @PathVariable String registrationNumber,
      @RequestHeader(name = ACCESS_CODE, required = false) String accessCode) {
    requests.withdraw(accessible(registrationNumber, accessCode));
    return ResponseEntity.accepted().build();
  }

  /** Files of a multipart request as the intake takes them. */
  static List<UploadedFile> uploaded(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream().map(ComplaintController::uploaded).toList();
  }

  private static UploadedFile uploaded(MultipartFile file) {
    try {
      return new UploadedFile(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("An uploaded file could not be read", e);
    }
  }

  /** An idempotency key is optional; if given, it must be usable as one. */
  static String checkedKey(String key) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          IntakeService.IDEMPOTENCY_KEY,
          IntakeService.IDEMPOTENCY_KEY
              + ": must be 1 to "
              + MAX_KEY
              + " visible ASCII characters");
    }
    return key;
  }

  /**
   * Two requests with the same idempotency key at the same moment: the second fails to record the
   * key and rolls back entirely; asked again, it finds the first one's result.
   */
  static IntakeService.Receipt onceEvenIfRaced(Supplier<IntakeService.Receipt> submit) {
    try {
      return submit.get();
    } catch (DuplicateKeyException e) {
      return submit.get();
    }
  }

  static ResponseEntity<ReceiptView> created(IntakeService.Receipt receipt) {
    return ResponseEntity.created(URI.create("/api/complaints/" + receipt.registrationNumber()))
        .body(ReceiptView.of(receipt));
  }

  /** Unknown number and wrong code get the same answer. */
  private Complaint accessible(String registrationNumber, String accessCode) {
    if (accessCode == null || accessCode.isBlank()) {
      throw ApiProblem.notFound();
    }
    return register
        .findAccessible(registrationNumber, accessCode)
        .orElseThrow(ApiProblem::notFound);
  }
}
