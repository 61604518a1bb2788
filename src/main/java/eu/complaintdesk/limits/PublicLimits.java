package eu.complaintdesk.limits;

import eu.complaintdesk.http.RequestPaths;
import eu.complaintdesk.problem.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The per-client limits of the public side, checked before the request's body is read (an
 * interceptor runs before the handler's arguments are resolved):
 *
 * <ul>
 *   <li><b>submissions</b> ({@code POST /api/complaints}, the web form {@code POST /submit}): every
 *       attempt counts;
 *   <li><b>wrong access codes</b>, per client and per registration number: every call that names a
 *       case and an access code ({@code /api/complaints/{number}/**}, the status page's {@code POST
 *       /status}) is refused while either allowance is used up — the right code too, or guessing
 *       would go on — and an answer 404 (unknown number or wrong code) uses one of each (taken
 *       before the call and given back after any other answer: the 404 may reach the client before
 *       the call has finished, and the client's next guess must already see it counted);
 *   <li><b>posts</b> about a case: more information, withdrawal and survey answers, over the API
 *       and the pages; every attempt counts.
 * </ul>
 *
 * Beyond a limit: {@link TooManyRequests}. The e-mail inbox is not limited here: it has no client
 * address, and its sender can be forged, so a limit by sender would let anyone block a real
 * customer's e-mails; the inbox takes at most {@code max-messages-per-poll} per poll, and the
 * acknowledgements are capped per contact (see {@code notification.AcknowledgementCap}).
 */
class PublicLimits implements HandlerInterceptor {

  private static final Pattern CASE_CALL = Pattern.compile("^/api/complaints/([^/]+)(/.*)?$");
  private static final Set<String> SUBMISSIONS = Set.of("/api/complaints", "/submit");
  private static final Pattern POSTS =
      Pattern.compile(
          "^/api/complaints/[^/]+/(information|withdrawal)$|^/status/(information|withdrawal)$"
              + "|^/(api/)?surveys/[^/]+$");
  private static final int MAX_NUMBER = 40;
  private static final String CLIENT = PublicLimits.class.getName() + ".client";
  private static final String CASE = PublicLimits.class.getName() + ".case";

  private final ClientAddress clients;
  private final RequestLimit submissions;
  private final RequestLimit wrongCodesPerClient;
  private final RequestLimit wrongCodesPerCase;
  private final RequestLimit posts;

  PublicLimits(ClientAddress clients, LimitsProperties limits) {
    this.clients = clients;
    Duration hour = Duration.ofHours(1);
    this.submissions = new RequestLimit("submissions", limits.submissionsPerHour(), hour);
    this.wrongCodesPerClient =
        new RequestLimit("wrong access codes", limits.wrongAccessCodesPerClientPerHour(), hour);
    this.wrongCodesPerCase =
        new RequestLimit("wrong access codes", limits.wrongAccessCodesPerCasePerHour(), hour);
    this.posts = new RequestLimit("messages", limits.postsPerHour(), hour);
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (clients.isUnlimited(request)) {
      return true;
    }
    String client = clients.of(request);
    String path = RequestPaths.of(request);
    boolean post = "POST".equalsIgnoreCase(request.getMethod());
    if (post && SUBMISSIONS.contains(path)) {
      refuseIf(submissions.take(client), "Too many submissions from your address.");
    }
    String number = namedCase(request, path, post);
    if (number != null) {
      // taken now and given back unless the answer is 404 (see afterCompletion)
      refuseIf(wrongCodesPerClient.take(client), "Too many wrong access codes from your address.");
      if (!number.isEmpty()) {
        Optional<Duration> wait = wrongCodesPerCase.take(number);
        if (wait.isPresent()) {
          wrongCodesPerClient.refund(client);
        }
        refuseIf(wait, "Too many wrong access codes for this case.");
      }
      request.setAttribute(CLIENT, client);
      request.setAttribute(CASE, number);
    }
    if (post && POSTS.matcher(path).matches()) {
      refuseIf(posts.take(client), "Too many messages from your address.");
    }
    return true;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (request.getAttribute(CASE) instanceof String number
        && request.getAttribute(CLIENT) instanceof String client
        && response.getStatus() != HttpStatus.NOT_FOUND.value()) {
      wrongCodesPerClient.refund(client);
      if (!number.isEmpty()) {
        wrongCodesPerCase.refund(number);
      }
    }
  }

  /**
   * The registration number a call tries with an access code (empty when none was given), or {@code
   * null} for any other call.
   */
  private static String namedCase(HttpServletRequest request, String path, boolean post) {
    String number = null;
    Matcher api = CASE_CALL.matcher(path);
    if (api.matches()) {
      number = api.group(1);
    } else if (post && path.equals("/status")) {
      number = request.getParameter("registrationNumber");
      number = number == null ? "" : number;
    }
    if (number == null) {
      return null;
    }
    number = number.strip().toUpperCase(Locale.ROOT);
    return number.length() > MAX_NUMBER ? number.substring(0, MAX_NUMBER) : number;
  }

  private static void refuseIf(Optional<Duration> wait, String what) {
    if (wait.isPresent()) {
      throw new TooManyRequests(what, wait.get());
    }
  }
}
