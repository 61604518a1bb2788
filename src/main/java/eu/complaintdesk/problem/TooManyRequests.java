package eu.complaintdesk.problem;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A client went beyond one of its limits: 429 with {@code Retry-After}. The API answers it as
 * application/problem+json (Spring's handling of {@link ErrorResponseException}), the public pages
 * as a page in the page's language.
 */
public class TooManyRequests extends ErrorResponseException {

  private final Duration retryAfter;

  /**
   * @param what what there was too much of, a sentence: "Too many submissions from your address."
   */
  public TooManyRequests(String what, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, problem(what, retryAfter), null);
    this.retryAfter = retryAfter;
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
  }

  /** How long the client should wait, in whole seconds (at least one). */
  public Duration retryAfter() {
    return retryAfter;
  }

  private static ProblemDetail problem(String what, Duration retryAfter) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.TOO_MANY_REQUESTS,
            what + " Please try again in " + retryAfter.toSeconds() + " seconds.");
    problem.setProperty("retryAfter", retryAfter.toSeconds());
    return problem;
  }
}
