package eu.complaintdesk.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.security.StaffSignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may see what of {@code /actuator}, without Spring Security (docs/adr/0008): staff sign in as
 * everywhere else ({@link StaffSignIn}: HTTP Basic against Camunda's users, or the Tasklist session
 * for reading).
 *
 * <ul>
 *   <li>{@code /actuator/prometheus}: administrators ({@value Groups#ADMINISTRATORS}) only — 401
 *       with a Basic challenge without (valid) credentials, 403 for anyone else;
 *   <li>{@code /actuator/health/**}: everyone, for load balancers and orchestrators; an
 *       administrator who signs in is the request's principal in role {@value
 *       Groups#ADMINISTRATORS}, for which Spring Boot shows the details ({@code
 *       management.endpoint.health.show-details: when-authorized}). Nobody is asked to sign in, and
 *       a sign-in that cannot be checked (the database is down) counts as anonymous, so that health
 *       always answers.
 * </ul>
 */
final class ActuatorAccessFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StaffSignIn signIn;
  private final IdentityService identity;

  ActuatorAccessFilter(StaffSignIn signIn, IdentityService identity) {
    this.signIn = signIn;
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/actuator/health")) {
      chain.doFilter(asAdministratorIfSignedIn(request), response);
      return;
    }
    String user = signIn.user(request);
    if (user == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Complaint Desk metrics\"");
      refuse(request, response, 401, "Unauthorized", "Sign in as an administrator.");
      return;
    }
    if (!isAdministrator(user)) {
      refuse(request, response, 403, "Forbidden", "Only administrators may read the metrics.");
      return;
    }
    chain.doFilter(as(request, user), response);
  }

  private HttpServletRequest asAdministratorIfSignedIn(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && request.getSession(false) == null) {
      return request;
    }
    try {
      String user = signIn.user(request);
      return user != null && isAdministrator(user) ? as(request, user) : request;
    } catch (RuntimeException databaseDown) {
      return request;
    }
  }

  private boolean isAdministrator(String user) {
    return identity.createGroupQuery().groupMember(user).groupId(Groups.ADMINISTRATORS).count() > 0;
  }

  /** The administrator as principal, in role {@value Groups#ADMINISTRATORS} only. */
  private static HttpServletRequest as(HttpServletRequest request, String user) {
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
        return Groups.ADMINISTRATORS.equals(role);
      }
    };
  }

  private static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem); // UTF-8
  }
}
