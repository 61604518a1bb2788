package eu.complaintdesk.operations;

import eu.complaintdesk.http.RequestPaths;
import eu.complaintdesk.problem.ProblemAnswer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The answer while the database cannot be reached: 503 with {@code Retry-After}. A browser asking
 * for a page gets the error page (web/PageErrors through the container's error dispatch, in the
 * page's layout and language); every other client application/problem+json, like every other error
 * of the API. One warning per minute goes to the log, not one per request (an outage under load
 * would bury everything else); it names neither the address nor the caller.
 */
final class OutageAnswer {

  static final String DETAIL = "The service is temporarily unavailable. Please try again shortly.";

  private static final Logger log = LoggerFactory.getLogger(OutageAnswer.class);
  private static final long LOG_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

  private final Duration retryAfter;
  private final AtomicLong lastWarning = new AtomicLong();

  OutageAnswer(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  /** Answers, unless the response has already been sent in part (then nothing can be said). */
  void send(HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    warnOnce(failure);
    if (response.isCommitted()) {
      return;
    }
    // the body only: headers that filters set for every response (nosniff, …) stay
    response.resetBuffer();
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (wantsPage(request)) {
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
      return;
    }
    ProblemAnswer.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
  }

  long retryAfterSeconds() {
    return Math.max(1, retryAfter.toSeconds());
  }

  /** A browser navigating to a page of ours (not an API, engine REST or webapp call). */
  private static boolean wantsPage(HttpServletRequest request) {
    String path = RequestPaths.of(request);
    if (path.startsWith("/api/")
        || path.startsWith("/engine-rest/")
        || path.startsWith("/camunda/api/")
        || path.startsWith("/actuator/")) {
      return false;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }

  /** Logs the outage, at most once a minute at WARN. */
  void warnOnce(Throwable failure) {
    long now = System.currentTimeMillis();
    long last = lastWarning.get();
    if (now - last >= LOG_INTERVAL_MILLIS && lastWarning.compareAndSet(last, now)) {
      log.warn(
          "The database cannot be reached: requests are answered 503 ({}); next warning in a"
              + " minute at the earliest",
          rootCause(failure).getClass().getName());
    } else {
      log.debug("The database cannot be reached: answered 503");
    }
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
