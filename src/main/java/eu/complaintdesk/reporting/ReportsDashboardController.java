package eu.complaintdesk.reporting;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.security.GroupMembership;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.stafflanguage.StaffLanguage;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffPages;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The managers' KPI dashboard: {@code GET /staff/reports?from=&to=}, the figures of {@code GET
 * /api/reports/kpis} as a page ({@code templates/staff/reports.html}), for the same readers ({@link
 * Groups#REPORT_READERS}) and with the same period rules ({@link ReportPeriod}). The staff filter
 * has signed the user in ({@code /staff/*}).
 */
@Controller
class ReportsDashboardController {

  static final String TEMPLATE = "staff/reports";

  private final ComplaintReports reports;
  private final GroupMembership groups;
  private final StaffTexts texts;

  ReportsDashboardController(
      ComplaintReports reports, GroupMembership groups, StaffLanguage staff) {
    this.reports = reports;
    this.groups = groups;
    this.texts = staff.texts();
  }

  @GetMapping(path = "/staff/reports", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView dashboard(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Principal user,
      HttpServletResponse response) {
    if (!groups.inAny(user, Groups.REPORT_READERS)) {
      return page(response, HttpStatus.FORBIDDEN, ReportsDashboard.refused(texts));
    }
    LocalDate today = reports.today();
    ReportPeriod period;
    try {
      period = ReportPeriod.of(from, to, today);
    } catch (ApiProblem problem) {
      return page(
          response,
          HttpStatus.BAD_REQUEST,
          ReportsDashboard.invalidPeriod(
              from, to, problem.field(), problem.getMessage(), today, texts));
    }
    return page(response, HttpStatus.OK, ReportsDashboard.of(reports.kpis(period), today, texts));
  }

  private ModelAndView page(
      HttpServletResponse response, HttpStatus status, ReportsDashboard dashboard) {
    return StaffPages.page(
        response,
        status,
        true,
        TEMPLATE,
        Map.of("reports", dashboard, StaffTexts.ATTRIBUTE, texts));
  }
}
