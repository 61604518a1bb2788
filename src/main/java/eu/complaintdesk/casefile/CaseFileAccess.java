package eu.complaintdesk.casefile;

import eu.complaintdesk.security.StaffSignIn;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Staff pages ({@code /staff/*}) are for staff only: the user signed in to the Camunda webapps
 * (Tasklist's session) or HTTP Basic against Camunda's users; and only members of a staff group.
 * Anyone else gets 401 (not signed in) or 403 (signed in, not staff).
 */
@Configuration(proxyBeanMethods = false)
class CaseFileAccess {

  @Bean
  FilterRegistrationBean<StaffPageFilter> staffPageFilter(ProcessEngine engine) {
    FilterRegistrationBean<StaffPageFilter> registration =
        new FilterRegistrationBean<>(new StaffPageFilter(new StaffSignIn(engine)));
    registration.setName("staff-page-access");
    registration.addUrlPatterns("/staff/*");
    return registration;
  }

  static final class StaffPageFilter extends OncePerRequestFilter {

    private final StaffSignIn signIn;

    StaffPageFilter(StaffSignIn signIn) {
      this.signIn = signIn;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = signIn.user(request);
      if (user == null) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Complaint Desk staff\"");
        plain(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in to Tasklist first.");
        return;
      }
      if (!signIn.isStaff(user)) {
        plain(response, HttpServletResponse.SC_FORBIDDEN, "Only staff may see case files.");
        return;
      }
      chain.doFilter(request, response);
    }

    private static void plain(HttpServletResponse response, int status, String message)
        throws IOException {
      response.setStatus(status);
      response.setContentType("text/plain;charset=UTF-8");
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      response.getWriter().write(message);
    }
  }
}
