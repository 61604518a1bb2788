package eu.complaintdesk.security;

import eu.complaintdesk.http.BrowserOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpHeaders;

/**
 * Who a staff request comes from: HTTP Basic against Camunda's users, or the user signed in to the
 * Camunda webapps (Tasklist's session). The session counts for reading (GET, HEAD), and for a
 * changing request only when the browser proves that a page of this site sent it: an {@code Origin}
 * header of this host, or {@code Sec-Fetch-Site: same-origin} (and nothing that says another site).
 * So a staff page's form (the post room's "Mark as posted") works from a browser signed in to
 * Tasklist, while another site cannot make that browser change anything (no CSRF through our staff
 * calls): its requests carry its own origin or {@code cross-site}, and a changing request with
 * neither header (no browser sends a POST so) gets no session user.
 */
public final class StaffSignIn {

  private final ProcessEngine engine;

  public StaffSignIn(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The signed-in user, or {@code null}. */
  public String user(HttpServletRequest request) {
    String user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (user == null && (isReading(request) || BrowserOrigin.isProvenSameOrigin(request))) {
      user = sessionUser(request.getSession(false));
    }
    return user;
  }

  /**
   * The request as the signed-in user's, for what comes after the gate: the user is its principal
   * and remote user, and it is in these roles only.
   */
  public static HttpServletRequest asSignedIn(
      HttpServletRequest request, String user, Set<String> roles) {
    Principal principal = () -> user;
    return new HttpServletRequestWrapper(request) {
      @Override
      public Principal getUserPrincipal() {
        return principal;
      }

      @Override
      public String getRemoteUser() {
        return user;
      }

      @Override
      public boolean isUserInRole(String role) {
        return roles.contains(role);
      }
    };
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
