package eu.complaintdesk.web;

import eu.complaintdesk.system.SessionAnonymisation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The case a visitor opened with number and access code. The code stays in the server-side session,
 * never in a URL, a page or a log; it is checked again on every request.
 */
record CaseAccess(String registrationNumber, String accessCode) implements Serializable {

  /** The session attribute, as the anonymisation of a case looks for it. */
  static final String ATTRIBUTE = SessionAnonymisation.CASE_ACCESS_ATTRIBUTE;

  static Optional<CaseAccess> of(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(ATTRIBUTE) instanceof CaseAccess access
        ? Optional.of(access)
        : Optional.empty();
  }

  /** Keeps the access in a new session id, so an id known before the sign-in is worth nothing. */
  void keep(HttpServletRequest request) {
    request.getSession();
    request.changeSessionId();
    request.getSession().setAttribute(ATTRIBUTE, this);
  }

  static void forget(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(ATTRIBUTE);
    }
  }

  @Override
  public String toString() {
    return "CaseAccess[" + registrationNumber + "]";
  }
}
