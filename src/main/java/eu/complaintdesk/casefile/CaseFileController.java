package eu.complaintdesk.casefile;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.staffweb.StaffPages;
import eu.complaintdesk.staffweb.StaffTimes;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The staff case file: {@code GET /staff/complaints/{registrationNumber}}, linked from every task
 * form in Tasklist, rendered by {@code templates/staff/case-file.html}. Only staff who may read the
 * case reach it ({@code security/StaffAuthenticationFilter}, {@code security/CaseAccess}).
 */
@Controller
class CaseFileController {

  static final String TEMPLATE = "staff/case-file";

  private final CaseFiles caseFiles;
  private final WorkingCalendar calendar;

  CaseFileController(CaseFiles caseFiles, WorkingCalendar calendar) {
    this.caseFiles = caseFiles;
    this.calendar = calendar;
  }

  @GetMapping(path = "/staff/complaints/{registrationNumber}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView caseFile(@PathVariable String registrationNumber, HttpServletResponse response) {
    return caseFiles
        .find(registrationNumber)
        .map(
            file ->
                StaffPages.page(
                    response, HttpStatus.OK, false, TEMPLATE, model(file, calendar.zone())))
        .orElseGet(
            () ->
                StaffPages.text(
                    HttpStatus.NOT_FOUND, "No complaint with this registration number."));
  }

  /** What the template reads: the file, its complaint as {@code c}, the rules' suggestion. */
  static Map<String, Object> model(CaseFile file, ZoneId zone) {
    return Map.of(
        "file",
        file,
        "c",
        file.complaint(),
        "suggestion",
        file.suggestion(),
        StaffTimes.ATTRIBUTE,
        new StaffTimes(zone));
  }
}
