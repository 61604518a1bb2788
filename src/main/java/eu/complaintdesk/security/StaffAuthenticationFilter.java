package eu.complaintdesk.security;

import eu.complaintdesk.http.BrowserOrigin;
import eu.complaintdesk.http.RequestPaths;
import eu.complaintdesk.problem.ProblemAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one gate of every staff request: our staff and report API ({@code /api/staff/*}, {@code
 * /api/reports/*}, answered as application/problem+json) and the staff pages ({@code /staff/*},
 * answered as plain text). In this order:
 *
 * <ol>
 *   <li>a changing request (not GET, HEAD, OPTIONS; and the subject access export, which notes
 *       itself on the cases' timelines) sent by a browser from another site → 403: a {@code
 *       Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or an {@code Origin} whose
 *       host and port are not this request's (a browser that once answered the Basic challenge
 *       sends it on cross-site requests too; curl and servers send neither header);
 *   <li>not signed in ({@link StaffSignIn}) → 401 with a Basic challenge. HTTP Basic counts for
 *       every request; the Tasklist session for reading, and for a changing request only when the
 *       browser proves that a page of this site sent it ({@code Origin} of this host or {@code
 *       Sec-Fetch-Site: same-origin}, see {@link BrowserOrigin}) — a session POST with neither
 *       header gets this 401;
 *   <li>signed in but in no staff group → 403;
 *   <li>a case ({@code /staff/complaints/{n}}, {@code /api/staff/complaints/{n}/**}) the user may
 *       not read ({@link CaseAccess}) → 404, the same answer as for an unknown number.
 * </ol>
 *
 * The signed-in user is the request's principal.
 */
class StaffAuthenticationFilter extends OncePerRequestFilter {

  private static final Pattern CASE_PATH =
      Pattern.compile("^/(?:api/)?staff/complaints/([^/]+)(?:/.*)?$");
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** Reads that also write (see {@link #changesData}). */
  private static final Set<String> WRITING_READS = Set.of("/api/staff/subject-access");

  private final StaffSignIn signIn;
  private final CaseAccess cases;

  StaffAuthenticationFilter(StaffSignIn signIn, CaseAccess cases) {
    this.signIn = signIn;
    this.cases = cases;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (changesData(request) && BrowserOrigin.isCrossSite(request)) {
      refuse(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "Staff calls that change data must come from this site.");
      return;
    }
    String user = signIn.user(request);
    if (user == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Complaint Desk staff\"");
      refuse(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "Sign in with your staff user name and password (or to Tasklist first).");
      return;
    }
    if (!signIn.isStaff(user)) {
      refuse(
          request, response, HttpStatus.FORBIDDEN, "Only members of a staff group may use this.");
      return;
    }
    String registrationNumber = registrationNumber(request);
    if (registrationNumber != null && !cases.mayRead(user, registrationNumber)) {
      refuse(
          request, response, HttpStatus.NOT_FOUND, "No complaint with this registration number.");
      return;
    }
    chain.doFilter(StaffSignIn.asSignedIn(request, user, Set.of()), response);
  }

  /**
   * Whether the request changes data: every method but GET, HEAD and OPTIONS, and the one GET that
   * writes (the subject access export notes itself on each case's timeline), so that a link on
   * another site cannot make a signed-in privacy officer's browser run it.
   */
  private static boolean changesData(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod())
        || WRITING_READS.contains(RequestPaths.of(request));
  }

  /** The registration number of a per-case path, or {@code null}. */
  static String registrationNumber(HttpServletRequest request) {
    // the decoded path the controllers see: /api/staff/complaint%73/{n} is the same case
    Matcher matcher = CASE_PATH.matcher(RequestPaths.of(request));
    return matcher.matches() ? matcher.group(1) : null;
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    if (RequestPaths.of(request).startsWith("/staff/")) {
      response.setStatus(status.value());
      response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write(detail);
      return;
    }
    ProblemAnswer.write(request, response, status, detail);
  }
}
