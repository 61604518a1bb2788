package eu.complaintdesk.casefile;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.security.GroupMembership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who read a case, for administrators: {@code GET /api/staff/complaints/{n}/reads}, every recorded
 * read, newest first. Other staff who may read the case get 403; a case they may not read is the
 * staff filter's 404. Looking at the reads is not itself recorded: it shows staff actions, not the
 * customer's data.
 */
@Tag(name = "Staff")
@RestController
class CaseReadsController {

  /** The reads of a case as the API answers them. */
  record Reads(String registrationNumber, long total, List<CaseReads.CaseRead> reads) {}

  private final ComplaintRegister register;
  private final CaseReads reads;
  private final GroupMembership groups;

  CaseReadsController(ComplaintRegister register, CaseReads reads, GroupMembership groups) {
    this.register = register;
    this.reads = reads;
    this.groups = groups;
  }

  @Operation(summary = "Who read a case (administrators)")
  @GetMapping("/api/staff/complaints/{registrationNumber}/reads")
  ResponseEntity<Reads> reads(@PathVariable String registrationNumber, Principal user) {
    if (!groups.isAdministrator(user)) {
      throw new ApiProblem(HttpStatus.FORBIDDEN, null, "Only administrators see who read a case.");
    }
    Complaint complaint =
        register
            .findByRegistrationNumber(registrationNumber)
            .orElseThrow(
                () ->
                    new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "registrationNumber",
                        "registrationNumber: no complaint " + registrationNumber));
    CaseReads.Latest latest = reads.latest(complaint.id(), Integer.MAX_VALUE);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new Reads(complaint.registrationNumber(), latest.total(), latest.reads()));
  }
}
