package eu.complaintdesk.privacy;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.http.Downloads;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.security.GroupMembership;
import eu.complaintdesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subject access on request (GDPR art. 15): {@code GET /api/staff/subject-access?email=…} or {@code
 * ?phone=…} answers everything the register holds about that customer as one ZIP ({@link
 * SubjectAccessExport}). For privacy officers and administrators ({@link Groups#PRIVACY}; others
 * 403); exactly one parameter (400 naming it otherwise); 404 when the customer has no case. The
 * export is noted on each case's timeline before the ZIP is streamed.
 */
@Tag(name = "Staff")
@RestController
class SubjectAccessController {

  private static final Logger log = LoggerFactory.getLogger(SubjectAccessController.class);

  private final GroupMembership groups;
  private final SubjectAccessExport export;
  private final Clock clock;
  private final WorkingCalendar calendar;

  SubjectAccessController(
      GroupMembership groups, SubjectAccessExport export, Clock clock, WorkingCalendar calendar) {
    this.groups = groups;
    this.export = export;
    this.clock = clock;
    this.calendar = calendar;
  }

  @Operation(
      summary = "Everything held about a customer (privacy officers, administrators)",
      description =
          "Exactly one of email or phone (any separators). A ZIP: cases.json and, per case, the"
              + " customer's attachments and our answer letters.")
  @ApiResponse(
      responseCode = "200",
      description = "The ZIP",
      content =
          @Content(
              mediaType = "application/zip",
              schema = @Schema(type = "string", format = "binary")))
  @GetMapping("/api/staff/subject-access")
  void subjectAccess(
      @RequestParam(name = SubjectAccessRequest.EMAIL, required = false) String email,
      @RequestParam(name = SubjectAccessRequest.PHONE, required = false) String phone,
      Principal user,
      HttpServletResponse response)
      throws IOException {
    if (!groups.inAny(user, Groups.PRIVACY)) {
      throw new ApiProblem(
          HttpStatus.FORBIDDEN,
          null,
          "Only privacy officers and administrators answer subject access requests.");
    }
    SubjectAccessRequest request = SubjectAccessRequest.of(email, phone);
    List<Long> cases = export.casesOf(request);
    if (cases.isEmpty()) {
      throw new ApiProblem(
          HttpStatus.NOT_FOUND,
          request.parameter(),
          request.parameter() + ": no case of this customer");
    }
    export.recordExport(cases, user.getName());
    log.info("Subject access export of {} case(s) by {}", cases.size(), user.getName());
    response.setStatus(HttpStatus.OK.value());
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        Downloads.attachment(
            "subject-access-" + LocalDate.ofInstant(clock.instant(), calendar.zone()) + ".zip"));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    OutputStream out = response.getOutputStream();
    export.write(cases, out);
    out.flush();
  }
}
