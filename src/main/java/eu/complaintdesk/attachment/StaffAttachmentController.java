package eu.complaintdesk.attachment;

import eu.complaintdesk.http.Downloads;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff list and download the files of a case (signed in: {@code /api/staff/*} requires a Camunda
 * user). Downloads are always offered as a file to save, never shown inline, and never sniffed;
 * each is recorded as a read of the case ({@link CaseReads}) before the file is answered.
 */
@Tag(name = "Staff")
@RestController
@RequestMapping("/api/staff/complaints/{registrationNumber}/attachments")
class StaffAttachmentController {

  /** A stored file as staff see it in a list. */
  record AttachmentView(
      long id,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      Long customerMessageId,
      Instant receivedAt,
      String href) {}

  private final AttachmentService attachments;
  private final ComplaintRegister register;
  private final CaseReads reads;

  StaffAttachmentController(
      AttachmentService attachments, ComplaintRegister register, CaseReads reads) {
    this.attachments = attachments;
    this.register = register;
    this.reads = reads;
  }

  @Operation(summary = "The files of a case")
  @GetMapping
  List<AttachmentView> list(@PathVariable String registrationNumber) {
    Complaint complaint = complaint(registrationNumber);
    return attachments.list(complaint.id()).stream()
        .map(
            a ->
                new AttachmentView(
                    a.id(),
                    a.fileName(),
                    a.mediaType(),
                    a.size(),
                    a.sha256(),
                    a.customerMessageId(),
                    a.receivedAt(),
                    AttachmentService.downloadPath(complaint.registrationNumber(), a.id())))
        .toList();
  }

  @Operation(
      summary = "Download a file of a case",
      description = "Always as a download (Content-Disposition: attachment), never sniffed.")
  @ApiResponse(
      responseCode = "200",
      description = "The file",
      content = {
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))
      })
  @GetMapping("/{attachmentId}")
  ResponseEntity<byte[]> download(
      @PathVariable String registrationNumber, @PathVariable long attachmentId, Principal user) {
    Complaint complaint = complaint(registrationNumber);
    StoredFile file =
        attachments
            .find(complaint.id(), attachmentId)
            .orElseThrow(
                () ->
                    new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "attachmentId",
                        "attachmentId: this case has no attachment " + attachmentId));
    reads.record(complaint.id(), user.getName(), CaseReads.Kind.ATTACHMENT, attachmentId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.info().mediaType()))
        .contentLength(file.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.info().fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore())
        .body(file.content());
  }

  private Complaint complaint(String registrationNumber) {
    return register
        .findByRegistrationNumber(registrationNumber)
        .orElseThrow(
            () ->
                new ApiProblem(
                    HttpStatus.NOT_FOUND,
                    "registrationNumber",
                    "registrationNumber: no complaint " + registrationNumber));
  }
}
