package eu.complaintdesk.casefile;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.system.StaffPages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff case file: {@code GET /staff/complaints/{registrationNumber}}, linked from every task
 * form in Tasklist. Only staff who may read the case reach it ({@code
 * security/StaffAuthenticationFilter}, {@code security/CaseAccess}).
 */
@RestController
class CaseFileController {

  private final CaseFiles caseFiles;
  private final WorkingCalendar calendar;

  CaseFileController(CaseFiles caseFiles, WorkingCalendar calendar) {
    this.caseFiles = caseFiles;
    this.calendar = calendar;
  }

  @GetMapping(path = "/staff/complaints/{registrationNumber}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> caseFile(@PathVariable String registrationNumber) {
    String nonce = StaffPages.nonce();
    return caseFiles
        .find(registrationNumber)
        .map(
            file ->
                StaffPages.page(
                    HttpStatus.OK, nonce, false, CaseFilePage.render(file, calendar.zone(), nonce)))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("No complaint with this registration number."));
  }
}
