package eu.complaintdesk.casefile;

import eu.complaintdesk.answer.ExternalInquiries;
import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inquiries of a case as JSON, for staff who may read it: {@code GET
 * /api/staff/complaints/{n}/inquiries}, as the case file shows them. A read of the case file (the
 * questions and replies are case text). A case the user may not read is the staff filter's 404.
 */
@Tag(name = "Staff")
@RestController
class CaseInquiriesController {

  /**
   * One inquiry.
   *
   * @param organisationName the directory name in the staff language, else the name given
   * @param contact {@code EMAIL} when it was asked by e-mail, {@code BY_HAND} when staff contact it
   *     by phone or post
   * @param emailState the e-mail's delivery state ({@code PENDING}, {@code SENT}, …), or null
   * @param question what it was asked ({@code null}: the default sentence)
   */
  record Inquiry(
      long id,
      String organisation,
      String organisationId,
      String organisationName,
      String contact,
      String emailState,
      String question,
      Instant askedAt,
      String reply,
      Instant repliedAt,
      String recordedBy) {

    static Inquiry of(ExternalInquiry i) {
      return new Inquiry(
          i.id(),
          i.organisation(),
          i.organisationId(),
          i.organisationName(),
          i.emailed() ? "EMAIL" : "BY_HAND",
          i.emailState() == null ? null : i.emailState().name(),
          i.question(),
          i.askedAt(),
          i.reply(),
          i.repliedAt(),
          i.recordedBy());
    }
  }

  record Inquiries(String registrationNumber, List<Inquiry> inquiries) {}

  private final ComplaintRegister register;
  private final ExternalInquiries inquiries;
  private final CaseReads reads;

  CaseInquiriesController(
      ComplaintRegister register, ExternalInquiries inquiries, CaseReads reads) {
    this.register = register;
    this.inquiries = inquiries;
    this.reads = reads;
  }

  @Operation(summary = "The inquiries to other organisations of a case")
  @GetMapping("/api/staff/complaints/{registrationNumber}/inquiries")
  ResponseEntity<Inquiries> inquiries(@PathVariable String registrationNumber, Principal user) {
    Complaint complaint =
        register.findByRegistrationNumber(registrationNumber).orElseThrow(ApiProblem::notFound);
    reads.record(complaint.id(), user.getName(), CaseReads.Kind.CASE_FILE, null);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new Inquiries(
                complaint.registrationNumber(),
                inquiries.inquiries(complaint.id()).stream().map(Inquiry::of).toList()));
  }
}
