package eu.complaintdesk.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;

/**
 * Who a staff request comes from: the user signed in to the Camunda webapps (Tasklist's session),
 * or HTTP Basic against Camunda's users. The session counts only for reading, so that another site
 * cannot make a signed-in browser change anything (no CSRF through our staff calls).
 */
public final class StaffSignIn {

  private final ProcessEngine engine;

  public StaffSignIn(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The signed-in user, or {@code null}. */
  public String user(HttpServletRequest request) {
    String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (user == null && isReading(request)) {
      user = sessionUser(request.getSession(false));
    }
    return user;
  }

  /** Whether the user belongs to one of {@link Groups#STAFF}. */
  public boolean isStaff(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId)
        .anyMatch(Groups.STAFF::contains);
  }

  private static boolean isReading(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
  }

  private String sessionUser(HttpSession session) {
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(engine.getName());
    return authentication == null ? null : authentication.getIdentityId();
  }

  private String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return engine.getIdentityService().checkPassword(user, decoded.substring(colon + 1))
        ? user
        : null;
  }
}
