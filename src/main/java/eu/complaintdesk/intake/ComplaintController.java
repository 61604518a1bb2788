package eu.complaintdesk.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.text.PlainText;
import eu.complaintdesk.text.TextCharacters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The public API: submit, check status, send more information, withdraw. */
@Tag(
    name = "Customers",
    description =
        "Submit, follow with the registration number and access code, send more information and"
            + " files, withdraw.")
@RestController
@RequestMapping("/api/complaints")
class ComplaintController {

  static final String ACCESS_CODE = "X-Access-Code";
  static final int MAX_KEY = 200;
  static final String COMPLAINT_PART = "complaint";
  static final String MESSAGE_PART = "message";

  @Schema(
      name = "Receipt",
      description = "What the customer is told at once; keep the access code.")
  record ReceiptView(
      @Schema(example = "2026-000042") String registrationNumber,
      @Schema(
              description = "Needed for every later call about this case; shown only here",
              example = "K7PXM3QR9TAB")
          String accessCode,
      @Schema(example = "2026-11-23T10:15:30Z") Instant receivedAt,
      @Schema(description = "Working-day deadline of the answer", example = "2026-12-07")
          LocalDate responseDueDate) {
    static ReceiptView of(IntakeService.Receipt receipt) {
      return new ReceiptView(
          receipt.registrationNumber(),
          receipt.accessCode(),
          receipt.receivedAt(),
          receipt.responseDueDate());
    }
  }

  @Schema(name = "TimelineEntry")
  record TimelineView(
      Instant at,
      @Schema(example = "REGISTERED", description = "What happened") String event,
      String detail) {}

  @Schema(name = "AttachmentName", description = "A file the customer sent (names only)")
  record AttachmentView(
      @Schema(example = "bill.pdf") String fileName,
      @Schema(example = "application/pdf") String mediaType,
      @Schema(example = "48213") long size,
      Instant receivedAt) {}

  @Schema(name = "Status")
  record StatusView(
      String registrationNumber,
      @Schema(
              allowableValues = {
                "REGISTERED",
                "AWAITING_INFORMATION",
                "IN_PROGRESS",
                "ANSWERED",
                "CLOSED",
                "CLOSED_INCOMPLETE",
                "WITHDRAWN"
              })
          String status,
      @Schema(
              description = "null until a registrar has classified the case",
              nullable = true,
              allowableValues = {
                "SERVICE_COMPLAINT",
                "CUSTOMER_SERVICE_COMPLAINT",
                "PROPOSAL",
                "PRAISE",
                "INFORMATION_REQUEST"
              })
          @JsonInclude(JsonInclude.Include.ALWAYS)
          String feedbackType,
      Instant receivedAt,
      LocalDate responseDueDate,
      boolean extended,
      List<TimelineView> timeline,
      List<AttachmentView> attachments) {}

  @Schema(name = "Information")
  record Information(
      @Schema(example = "The meter photo is attached.", maxLength = Submission.Limits.MESSAGE)
          @NotBlank
          @Size(max = Submission.Limits.MESSAGE)
          @PlainText
          String message) {}

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

  @Operation(
      summary = "Submit a complaint, proposal, praise or question",
      description =
          "Registers the submission and starts its case. As JSON, or as multipart/form-data with"
              + " a JSON part `complaint` and up to 5 file parts `attachments` (PDF, JPEG or PNG"
              + " by content, 10 MB each). With an `Idempotency-Key` a retry gets the first"
              + " result; another body (files included) with the same key is refused with 422.")
  @ApiResponse(
      responseCode = "201",
      description = "Registered",
      headers = @Header(name = "Location", description = "The case: /api/complaints/{number}"))
  @ApiResponse(
      responseCode = "422",
      description =
          "A file is not a PDF, JPEG or PNG by its content (`field` attachments[i]), or the Idempotency-Key was used for another submission",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @PostMapping
  ResponseEntity<ReceiptView> submit(
      @Valid @RequestBody Submission submission,
      @Parameter(description = "Makes a retried submission return the first result")
          @RequestHeader(name = IntakeService.IDEMPOTENCY_KEY, required = false)
          String idempotencyKey) {
    return submit(submission, List.of(), idempotencyKey);
  }

  /** The same with files: a JSON part {@code complaint} and file parts {@code attachments}. */
  @Operation(summary = "Submit a complaint, proposal, praise or question")
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

  @Operation(
      summary = "Status and timeline of a case",
      description = "An unknown number and a wrong access code get the same 404.")
  @GetMapping("/{registrationNumber}")
  StatusView status(
      @PathVariable String registrationNumber,
      @Parameter(description = "The access code from the receipt")
          @RequestHeader(name = ACCESS_CODE, required = false)
          String accessCode) {
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

  @Operation(
      summary = "Send more information, optionally with files",
      description =
          "Kept and shown to the handler even when the case is not waiting for information; if"
              + " it is, the case continues. As JSON, or as multipart/form-data with a text part"
              + " `message` and file parts `attachments`.")
  @ApiResponse(responseCode = "202", description = "Kept")
  @PostMapping("/{registrationNumber}/information")
  ResponseEntity<Void> information(
      @PathVariable String registrationNumber,
      @Parameter(description = "The access code from the receipt")
          @RequestHeader(name = ACCESS_CODE, required = false)
          String accessCode,
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
      @Parameter(description = "The access code from the receipt")
          @RequestHeader(name = ACCESS_CODE, required = false)
          String accessCode,
      @RequestPart(name = MESSAGE_PART, required = false) String message,
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
    if (!TextCharacters.allowed(message)) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          MESSAGE_PART,
          MESSAGE_PART + ": must not contain control characters");
    }
    requests.supplyInformation(complaint, message, uploaded(files));
    return ResponseEntity.accepted().build();
  }

  @Operation(summary = "Withdraw the case")
  @ApiResponse(responseCode = "202", description = "Withdrawal under way")
  @ApiResponse(
      responseCode = "409",
      description = "The case is already finished",
      content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
  @PostMapping("/{registrationNumber}/withdrawal")
  ResponseEntity<Void> withdrawal(
      @PathVariable String registrationNumber,
      @Parameter(description = "The access code from the receipt")
          @RequestHeader(name = ACCESS_CODE, required = false)
          String accessCode) {
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
