package eu.complaintdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Protection of the public forms against cross-site request forgery: a random token per session
 * (synchroniser token), put in every form as {@value #PARAMETER} and required on every POST.
 */
final class CsrfTokens {

  static final String PARAMETER = "_csrf";
  private static final String ATTRIBUTE = CsrfTokens.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfTokens() {}

  /** The session's token, created with the session when there is none yet. */
  static String token(HttpServletRequest request) {
    HttpSession session = request.getSession();
    Object token = session.getAttribute(ATTRIBUTE);
    if (token instanceof String existing) {
      return existing;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    session.setAttribute(ATTRIBUTE, created);
    return created;
  }

  /** Whether the request carries its session's token. */
  static boolean matches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    String given = request.getParameter(PARAMETER);
    if (session == null || given == null || !(session.getAttribute(ATTRIBUTE) instanceof String)) {
      return false;
    }
    String expected = (String) session.getAttribute(ATTRIBUTE);
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
