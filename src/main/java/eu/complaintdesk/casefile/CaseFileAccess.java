package eu.complaintdesk.casefile;

import eu.complaintdesk.security.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
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

  /** The groups whose members work cases. */
  static final Set<String> STAFF_GROUPS = staffGroups();

  @Bean
  FilterRegistrationBean<StaffPageFilter> staffPageFilter(ProcessEngine engine) {
    FilterRegistrationBean<StaffPageFilter> registration =
        new FilterRegistrationBean<>(new StaffPageFilter(engine));
    registration.setName("staff-page-access");
    registration.addUrlPatterns("/staff/*");
    return registration;
  }

  private static Set<String> staffGroups() {
    Set<String> groups =
        new HashSet<>(
            List.of(
                Groups.REGISTRARS,
                Groups.SUPERVISORS,
                Groups.PROCESS_OWNERS,
                Groups.MANAGERS,
                Groups.ADMINISTRATORS));
    groups.addAll(Groups.DEPARTMENTS);
    return Set.copyOf(groups);
  }

  static final class StaffPageFilter extends OncePerRequestFilter {

    private final ProcessEngine engine;

    StaffPageFilter(ProcessEngine engine) {
      this.engine = engine;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = sessionUser(request.getSession(false));
      if (user == null) {
        user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
      }
      if (user == null) {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Complaint Desk staff\"");
        plain(response, HttpServletResponse.SC_UNAUTHORIZED, "Sign in to Tasklist first.");
        return;
      }
      if (!isStaff(user)) {
        plain(response, HttpServletResponse.SC_FORBIDDEN, "Only staff may see case files.");
        return;
      }
      chain.doFilter(request, response);
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

    private boolean isStaff(String user) {
      IdentityService identity = engine.getIdentityService();
      return identity.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId)
          .anyMatch(STAFF_GROUPS::contains);
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
