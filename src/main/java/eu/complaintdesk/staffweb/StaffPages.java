package eu.complaintdesk.staffweb;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * How our server-rendered staff pages (case file, reports dashboard, post room) answer: Thymeleaf
 * templates under {@code templates/staff/}, each filling {@code staff/layout.html}; never cached,
 * framed only by this origin (Tasklist, Cockpit), no scripts at all, styles only in the layout's
 * one style element, which carries the page's nonce.
 */
public final class StaffPages {

  /** The model attribute the layout's style element takes its nonce from. */
  static final String NONCE = "nonce";

  private static final SecureRandom RANDOM = new SecureRandom();

  private StaffPages() {}

  /**
   * The page as the answer: the template rendered with the model (and the nonce), the headers set.
   *
   * @param template the template's name, e.g. {@code staff/case-file}
   * @param withForms the page has forms: they may go to this origin, and the page sends its address
   *     to it (with no referrer at all a browser would send {@code Origin: null} on a form's POST,
   *     which the staff filter must take for another site)
   */
  public static ModelAndView page(
      HttpServletResponse response,
      HttpStatusCode status,
      boolean withForms,
      String template,
      Map<String, ?> model) {
    String nonce = nonce();
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'nonce-"
            + nonce
            + "'; img-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action "
            + (withForms ? "'self'" : "'none'"));
    response.setHeader("Referrer-Policy", withForms ? "same-origin" : "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    ModelAndView page = new ModelAndView(template, model, status);
    page.addObject(NONCE, nonce);
    return page;
  }

  /** A short refusal as plain text (403, 404), never cached, the same for every staff page. */
  public static ModelAndView text(HttpStatusCode status, String text) {
    View plain =
        (model, request, response) -> {
          response.setHeader("Cache-Control", "no-store");
          response.setContentType(
              new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8).toString());
          response.getWriter().write(text);
        };
    ModelAndView answer = new ModelAndView(plain);
    answer.setStatus(status);
    return answer;
  }

  /** A fresh nonce for the page's one style element. */
  static String nonce() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
