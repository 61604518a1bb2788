package eu.complaintdesk.casefile;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.security.GroupMembership;
import eu.complaintdesk.stafflanguage.StaffLanguage;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffPages;
import eu.complaintdesk.staffweb.StaffTimes;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.ZoneId;
import java.util.HashMap;
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
 * case reach it ({@code security/StaffAuthenticationFilter}, {@code security/CaseAccess}). Every
 * page served is recorded as a read ({@link CaseReads}); administrators also see the case's reads.
 */
@Controller
class CaseFileController {

  static final String TEMPLATE = "staff/case-file";

  /** The most reads the case file lists (latest first); the page says how many there are. */
  static final int READS_SHOWN = 50;

  private final CaseFiles caseFiles;
  private final WorkingCalendar calendar;
  private final CaseReads reads;
  private final GroupMembership groups;
  private final CaseInquiryReplies inquiryReplies;
  private final StaffTexts texts;

  CaseFileController(
      CaseFiles caseFiles,
      WorkingCalendar calendar,
      CaseReads reads,
      GroupMembership groups,
      CaseInquiryReplies inquiryReplies,
      StaffLanguage staff) {
    this.caseFiles = caseFiles;
    this.calendar = calendar;
    this.reads = reads;
    this.groups = groups;
    this.inquiryReplies = inquiryReplies;
    this.texts = staff.texts();
  }

  @GetMapping(path = "/staff/complaints/{registrationNumber}", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView caseFile(
      @PathVariable String registrationNumber, Principal user, HttpServletResponse response) {
    return caseFiles
        .find(registrationNumber)
        .map(file -> page(file, user, response))
        .orElseGet(() -> StaffPages.text(HttpStatus.NOT_FOUND, texts.get("caseFile.notFound")));
  }

  private ModelAndView page(CaseFile file, Principal user, HttpServletResponse response) {
    long id = file.complaint().id();
    reads.record(id, user.getName(), CaseReads.Kind.CASE_FILE, null);
    Map<String, Object> model = new HashMap<>(model(file, calendar.zone(), texts));
    // issue 12 (engineer D): other organisations' replies by e-mail and their files
    model.putAll(inquiryReplies.model(file.complaint(), file.inquiries()));
    if (groups.isAdministrator(user)) {
      model.put("reads", reads.latest(id, READS_SHOWN));
    }
    return StaffPages.page(response, HttpStatus.OK, false, TEMPLATE, model);
  }

  /** The model in English. */
  static Map<String, Object> model(CaseFile file, ZoneId zone) {
    return model(file, zone, StaffTexts.of(Language.en));
  }

  /**
   * What the template reads: the file, its complaint as {@code c}, the rules' suggestion, the words
   * and times in the staff language; {@code reads} ({@link CaseReads.Latest}) only for
   * administrators.
   */
  static Map<String, Object> model(CaseFile file, ZoneId zone, StaffTexts texts) {
    Language language = Language.valueOf(texts.language());
    return Map.of(
        "file",
        file,
        "c",
        file.complaint(),
        "suggestion",
        file.suggestion(),
        StaffTimes.ATTRIBUTE,
        new StaffTimes(zone, language),
        StaffTexts.ATTRIBUTE,
        texts);
  }
}
