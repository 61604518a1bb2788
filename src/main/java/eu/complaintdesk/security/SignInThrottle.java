package eu.complaintdesk.security;

import eu.complaintdesk.http.RequestPaths;
import eu.complaintdesk.limits.ClientAddress;
import eu.complaintdesk.limits.LimitsProperties;
import eu.complaintdesk.limits.RequestLimit;
import eu.complaintdesk.problem.ProblemAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed sign-ins are throttled per client address ({@link ClientAddress}), on every way in with a
 * password: HTTP Basic on {@code /engine-rest} (Modeler, scripts), the webapps' sign-in {@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}} (Tasklist, Cockpit, Admin) and HTTP Basic on
 * the staff pages and API ({@code /staff/*}, {@code /api/staff/*}, {@code /api/reports/*}).
 *
 * <p>A sign-in attempt is a request that carries a password; it failed when it is answered 401.
 * Each client has {@code complaints.limits.sign-in-failures-per-minute} (10) failures, and one more
 * every sixth of a minute; while none is left, every attempt from that client is answered 429 with
 * {@code Retry-After} without its password being checked (the right one too: otherwise guessing
 * would go on, only the answers would differ). So one address guesses at most 10 passwords a
 * minute, and whoever mistyped gets a new try within six seconds. The engine adds its own delay per
 * user, for all addresses together (README "Who may do what"), and never locks anyone for good.
 */
class SignInThrottle extends OncePerRequestFilter {

  private static final String WEBAPP_SIGN_IN = "/camunda/api/admin/auth/user/";

  private final ClientAddress clients;
  private final RequestLimit failures;

  SignInThrottle(ClientAddress clients, int failuresPerMinute) {
    this.clients = clients;
    this.failures = new RequestLimit("failed sign-ins", failuresPerMinute, Duration.ofMinutes(1));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isSignIn(request) || clients.isUnlimited(request)) {
      chain.doFilter(request, response);
      return;
    }
    String client = clients.of(request);
    // Taken before the password is checked and given back unless the answer is 401: concurrent
    // guesses cannot all pass before any is counted, and the next guess, sent the moment this
    // answer arrives, already sees this one counted.
    Optional<Duration> wait = failures.take(client);
    if (wait.isPresent()) {
      refuse(request, response, wait.get());
      return;
    }
    boolean failed = false;
    try {
      chain.doFilter(request, response);
      failed = response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
    } finally {
      if (!failed) {
        failures.refund(client);
      }
    }
  }

  /** A request that carries a password: HTTP Basic, or the webapps' sign-in form. */
  private static boolean isSignIn(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return true;
    }
    // any POST there: the sign-in is .../{engine}/login/{app}, in whatever spelling JAX-RS accepts
    return "POST".equalsIgnoreCase(request.getMethod())
        && RequestPaths.of(request).startsWith(WEBAPP_SIGN_IN);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    String detail =
        "Too many failed sign-ins from your address. Please try again in "
            + wait.toSeconds()
            + " seconds.";
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
    if (RequestPaths.of(request).startsWith("/staff/")) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(detail);
      return;
    }
    ProblemAnswer.write(
        request,
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        detail,
        Map.of("retryAfter", wait.toSeconds()));
  }

  /** Registered before every filter that checks a password. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 30;

    @Bean
    FilterRegistrationBean<SignInThrottle> signInThrottle(
        ClientAddress clients, LimitsProperties limits) {
      FilterRegistrationBean<SignInThrottle> registration =
          new FilterRegistrationBean<>(
              new SignInThrottle(clients, limits.signInFailuresPerMinute()));
      registration.setName("sign-in-throttle");
      registration.addUrlPatterns(
          "/engine-rest/*",
          "/camunda/api/admin/auth/user/*",
          "/staff/*",
          "/api/staff/*",
          "/api/reports/*",
          "/actuator/*");
      registration.setOrder(ORDER);
      return registration;
    }
  }
}
