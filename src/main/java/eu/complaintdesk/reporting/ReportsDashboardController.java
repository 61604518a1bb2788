package eu.complaintdesk.reporting;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.system.StaffPages;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' KPI dashboard: {@code GET /staff/reports?from=&to=}, the figures of {@code GET
 * /api/reports/kpis} as a page, for the same readers ({@link ReportReaders}) and with the same
 * period rules ({@link ReportPeriod}). The staff filter has signed the user in ({@code /staff/*}).
 */
@RestController
class ReportsDashboardController {

  private final ComplaintReports reports;
  private final ReportReaders readers;

  ReportsDashboardController(ComplaintReports reports, ReportReaders readers) {
    this.reports = reports;
    this.readers = readers;
  }

  @GetMapping(path = "/staff/reports", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> dashboard(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Principal user) {
    String nonce = StaffPages.nonce();
    if (!readers.mayRead(user)) {
      return page(HttpStatus.FORBIDDEN, nonce, ReportsDashboardPage.refused(nonce));
    }
    LocalDate today = reports.today();
    ReportPeriod period;
    try {
      period = ReportPeriod.of(from, to, today);
    } catch (ApiProblem problem) {
      return page(
          HttpStatus.BAD_REQUEST,
          nonce,
          ReportsDashboardPage.invalidPeriod(
              from, to, problem.field(), problem.getMessage(), today, nonce));
    }
    return page(
        HttpStatus.OK, nonce, ReportsDashboardPage.render(reports.kpis(period), today, nonce));
  }

  private static ResponseEntity<String> page(HttpStatus status, String nonce, String html) {
    return StaffPages.page(status, nonce, true, html);
  }
}
