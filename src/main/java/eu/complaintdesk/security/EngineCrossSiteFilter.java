package eu.complaintdesk.security;

import eu.complaintdesk.http.BrowserOrigin;
import eu.complaintdesk.problem.ProblemAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that changes something through {@code /engine-rest} (anything but GET, HEAD, OPTIONS)
 * is refused with 403 when a browser says it comes from another site ({@link
 * BrowserOrigin#isCrossSite}), as on the staff API. Otherwise a page elsewhere could make a staff
 * member's browser, which remembers their HTTP Basic credentials, deploy a model or complete a task
 * — a multipart form POST needs no CORS preflight. Camunda Modeler, curl and servers send no {@code
 * Origin} and no {@code Sec-Fetch-Site}, so a deploy from Modeler keeps working; so does Tasklist,
 * which calls {@code /camunda/api/engine} from this site (with its own CSRF token).
 *
 * <p>It runs before the authentication filter ({@link EngineRestAuthentication}), so another site
 * cannot even try passwords through a visitor's browser.
 */
class EngineCrossSiteFilter extends OncePerRequestFilter {

  /** Early: after forwarded headers are applied, before any authentication. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (SAFE_METHODS.contains(request.getMethod()) || !BrowserOrigin.isCrossSite(request)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemAnswer.write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Engine calls that change data must come from this site.");
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    FilterRegistrationBean<EngineCrossSiteFilter> engineCrossSiteFilter() {
      FilterRegistrationBean<EngineCrossSiteFilter> registration =
          new FilterRegistrationBean<>(new EngineCrossSiteFilter());
      registration.setName("engine-rest-cross-site");
      registration.addUrlPatterns("/engine-rest/*");
      registration.setOrder(ORDER);
      return registration;
    }
  }
}
