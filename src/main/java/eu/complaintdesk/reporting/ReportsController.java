package eu.complaintdesk.reporting;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.security.GroupMembership;
import eu.complaintdesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' reports: key figures and the case export for a period of receipt. For managers,
 * supervisors, process owners and administrators ({@link Groups#REPORT_READERS}); the staff filter
 * has signed them in ({@code /api/reports/*}).
 */
@Tag(
    name = "Reports",
    description =
        "Key figures and the case export for managers, supervisors, process owners and"
            + " administrators (HTTP Basic or a Tasklist/Cockpit session). The period is the"
            + " days of receipt `from`..`to`, both inclusive, in the calendar's time zone"
            + " (complaints.calendar.*); without `to` it ends today, without `from` it covers"
            + " 30 days up to `to`; at most 366 days, never in the future.")
@RestController
class ReportsController {

  static final String CSV_TYPE = "text/csv;charset=UTF-8";

  private final ComplaintReports reports;
  private final GroupMembership groups;

  ReportsController(ComplaintReports reports, GroupMembership groups) {
    this.reports = reports;
    this.groups = groups;
  }

  @Operation(
      summary = "Key figures of the cases received in a period",
      description =
          "Volumes by feedback type, channel and category; timeliness and response time in"
              + " working days; extension and appeal-notice rates; satisfaction; backlog and"
              + " overdue cases now; repeat complaints; outcomes. Each figure's definition is in"
              + " the schema `Kpis`.")
  @ApiResponse(responseCode = "200", description = "The figures")
  @GetMapping("/api/reports/kpis")
  ResponseEntity<Kpis> kpis(
      @Parameter(description = "First day of receipt (yyyy-MM-dd), inclusive")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day of receipt (yyyy-MM-dd), inclusive")
          @RequestParam(required = false)
          String to,
      Principal user) {
    requireReportReader(user);
    ReportPeriod period = ReportPeriod.of(from, to, reports.today());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reports.kpis(period));
  }

  @Operation(
      summary = "The cases received in a period as CSV",
      description =
          "One row per case received in the period, oldest first: registrationNumber,"
              + " receivedAt, channel, feedbackType, category, priority, status, responseDueDate,"
              + " extended, answeredAt, outcome, workingDaysToAnswer, onTime, appealNotice,"
              + " repeatComplaint, surveyScore. RFC 4180 with a header row, UTF-8 with a byte"
              + " order mark (Excel), as a download. Dates and times in the calendar's time"
              + " zone (ISO 8601 with offset). No personal data and no free text; a cell"
              + " starting with = + - @ would get a leading apostrophe. Figures as in `Kpis`.")
  @ApiResponse(
      responseCode = "200",
      description = "The CSV file",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/api/reports/complaints.csv")
  void complaintsCsv(
      @Parameter(description = "First day of receipt (yyyy-MM-dd), inclusive")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "Last day of receipt (yyyy-MM-dd), inclusive")
          @RequestParam(required = false)
          String to,
      Principal user,
      HttpServletResponse response)
      throws IOException {
    requireReportReader(user);
    ReportPeriod period = ReportPeriod.of(from, to, reports.today());
    response.setStatus(HttpStatus.OK.value());
    response.setContentType(CSV_TYPE);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("complaints-" + period.from() + "-" + period.to() + ".csv")
            .build()
            .toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    response.setHeader("X-Content-Type-Options", "nosniff");
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    out.write(ComplaintsCsv.BYTE_ORDER_MARK);
    reports.exportCsv(period, out);
    out.flush();
  }

  private void requireReportReader(Principal user) {
    if (!groups.inAny(user, Groups.REPORT_READERS)) {
      throw new ApiProblem(
          HttpStatus.FORBIDDEN,
          null,
          "Reports are for managers, supervisors, process owners and administrators.");
    }
  }
}
