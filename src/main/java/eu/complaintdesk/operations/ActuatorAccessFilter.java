package eu.complaintdesk.operations;

import eu.complaintdesk.http.RequestPaths;
import eu.complaintdesk.problem.ProblemAnswer;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.security.StaffSignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
    String path = RequestPaths.of(request);
    if (path.startsWith("/actuator/health")) {
      Optional<HttpServletRequest> caller = healthCaller(request);
      if (caller.isEmpty()) {
        unauthorized(request, response);
        return;
      }
      chain.doFilter(caller.get(), response);
      return;
    }
    String user = signIn.user(request);
    if (user == null) {
      unauthorized(request, response);
      return;
    }
    if (!isAdministrator(user)) {
      ProblemAnswer.write(
          request, response, HttpStatus.FORBIDDEN, "Only administrators may read the metrics.");
      return;
    }
    chain.doFilter(as(request, user), response);
  }

  /**
   * Who asks for health: anonymous, or the administrator it names. A wrong password is answered 401
   * (and so counted by the sign-in throttle), or health would be a way to try passwords: the
   * details show whether one was right.
   */
  private Optional<HttpServletRequest> healthCaller(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null && request.getSession(false) == null) {
      return Optional.of(request);
    }
    String user;
    try {
      user = signIn.user(request);
    } catch (RuntimeException databaseDown) {
      return Optional.of(request);
    }
    if (user == null
        && authorization != null
        && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    return Optional.of(user != null && isAdministrator(user) ? as(request, user) : request);
  }

  private static void unauthorized(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Complaint Desk metrics\"");
    ProblemAnswer.write(request, response, HttpStatus.UNAUTHORIZED, "Sign in as an administrator.");
  }

  private boolean isAdministrator(String user) {
    return identity.createGroupQuery().groupMember(user).groupId(Groups.ADMINISTRATORS).count() > 0;
  }

  /** The administrator as principal, in role {@value Groups#ADMINISTRATORS} only. */
  private static HttpServletRequest as(HttpServletRequest request, String user) {
    return StaffSignIn.asSignedIn(request, user, Set.of(Groups.ADMINISTRATORS));
  }
}
