package eu.complaintdesk.system;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How our server-rendered staff pages (case file, reports dashboard, post room) answer: never
 * cached, framed only by this origin (Tasklist, Cockpit), no scripts at all, styles only with the
 * page's nonce.
 */
public final class StaffPages {

  private static final SecureRandom RANDOM = new SecureRandom();

  private StaffPages() {}

  /** A fresh nonce for the page's one style element. */
  public static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The page as the answer.
   *
   * @param withForms the page has forms: they may go to this origin, and the page sends its address
   *     to it (with no referrer at all a browser would send {@code Origin: null} on a form's POST,
   *     which the staff filter must take for another site)
   */
  public static ResponseEntity<String> page(
      HttpStatusCode status, String nonce, boolean withForms, String html) {
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .header("X-Frame-Options", "SAMEORIGIN")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'nonce-"
                + nonce
                + "'; img-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action "
                + (withForms ? "'self'" : "'none'"))
        .header("Referrer-Policy", withForms ? "same-origin" : "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(html);
  }
}
