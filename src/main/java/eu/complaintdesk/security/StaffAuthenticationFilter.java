package eu.complaintdesk.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our staff and report API is for staff only (see {@link StaffSignIn}): not signed in → 401, signed
 * in but in no staff group → 403. The signed-in user is the request's principal.
 */
class StaffAuthenticationFilter extends OncePerRequestFilter {

  private final StaffSignIn signIn;

  StaffAuthenticationFilter(StaffSignIn signIn) {
    this.signIn = signIn;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = signIn.user(request);
    if (user == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Complaint Desk staff\"");
      problem(response, 401, "Unauthorized", "Sign in with your staff user name and password.");
      return;
    }
    if (!signIn.isStaff(user)) {
      problem(response, 403, "Forbidden", "Only members of a staff group may use this.");
      return;
    }
    Principal principal = () -> user;
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public String getRemoteUser() {
            return user;
          }
        },
        response);
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
