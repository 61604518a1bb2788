package eu.complaintdesk.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * An application/problem+json answer written by a servlet filter, where Spring MVC's {@link
 * ProblemHandler} does not reach (sign-in, limits, cross-site refusals, a database outage): the
 * same fields as every other error of ours ({@code type}, {@code title}, {@code status}, {@code
 * detail}, {@code instance}, and what the caller adds, such as {@code field}), never cached.
 */
public final class ProblemAnswer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemAnswer() {}

  /** The problem's fields: {@code extra} after the standard ones. */
  public static Map<String, Object> of(
      HttpServletRequest request, HttpStatus status, String detail, Map<String, ?> extra) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    problem.putAll(extra);
    return problem;
  }

  /** Answers with the problem; nothing of the response may have been written yet. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    write(request, response, status, detail, Map.of());
  }

  /** Answers with the problem and the caller's extra fields. */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String detail,
      Map<String, ?> extra)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(of(request, status, detail, extra)); // UTF-8
    response.setStatus(status.value());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE); // JSON is UTF-8
    try {
      response.getOutputStream().write(body);
    } catch (IllegalStateException writerInUse) {
      // a handler had begun to write text and its buffer was dropped: the writer remains
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(new String(body, StandardCharsets.UTF_8));
    }
  }
}
