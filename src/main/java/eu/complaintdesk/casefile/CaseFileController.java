package eu.complaintdesk.casefile;

import eu.complaintdesk.calendar.WorkingCalendar;
import java.security.SecureRandom;
import java.util.Base64;
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

  private static final SecureRandom RANDOM = new SecureRandom();

  private final CaseFiles caseFiles;
  private final WorkingCalendar calendar;

  CaseFileController(CaseFiles caseFiles, WorkingCalendar calendar) {
    this.caseFiles = caseFiles;
    this.calendar = calendar;
  }

  @GetMapping(path = "/staff/complaints/{registrationNumber}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> caseFile(@PathVariable String registrationNumber) {
    String nonce = nonce();
    ResponseEntity.BodyBuilder response =
        ResponseEntity.ok()
            .cacheControl(CacheControl.noStore())
            // Personal data: Tasklist (same origin) may frame it, nobody else; no scripts at all.
            .header("X-Frame-Options", "SAMEORIGIN")
            .header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'nonce-"
                    + nonce
                    + "'; img-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
            .header("Referrer-Policy", "no-referrer")
            .header("X-Content-Type-Options", "nosniff")
            .contentType(
                new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
    return caseFiles
        .find(registrationNumber)
        .map(file -> response.body(CaseFilePage.render(file, calendar.zone(), nonce)))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .cacheControl(CacheControl.noStore())
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("No complaint with this registration number."));
  }

  private static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
