package eu.complaintdesk.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.complaintdesk.security.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Error answers of the engine REST API ({@code /engine-rest/*}) and of the webapps' API ({@code
 * /camunda/api/*}) name the exception class ({@code "type": "ProcessEngineException"}) and echo
 * what went wrong inside, expression texts included ("Unable to resolve expression ${…}"). To
 * callers who are not administrators this rewrites them, keeping the status and the engine's error
 * code:
 *
 * <ul>
 *   <li>{@code type} becomes a neutral word for the status ({@code BadRequest}, {@code NotFound},
 *       {@code ServerError}…) — except {@code AuthorizationException}, which Camunda's webapps read
 *       to explain a refusal;
 *   <li>a server error's message becomes a generic one; a client error's message too when it quotes
 *       an expression or a Java class, otherwise it stays (our rules' 400 messages, the four-eyes
 *       rule, "not a variable of this task", stay word for word).
 * </ul>
 *
 * <p>For everyone, an answer to a request that a rule of ours forbade ({@link CaseNotesGuard}) is
 * the 403 with our message, whatever the resource made of it. A 500 that the engine REST API gives
 * a refusal of ours ({@link EngineRefusals}, e.g. a process start with a variable that names who
 * did it) becomes the 400 it is, with our message; and a 500 for an {@code
 * OptimisticLockingException} (a task completed at the moment a timer of its case fired: the engine
 * rolled the completion back) becomes the 409 it is, saying that nothing was saved and the request
 * may be repeated. Only error answers are held in memory; others stream through untouched.
 */
@Configuration(proxyBeanMethods = false)
class EngineErrorBodies {

  /** What may not reach a non-administrator: expressions and Java class names. */
  static final Pattern INTERNALS =
      Pattern.compile(
          "\\$\\{|#\\{|(?i:resolve expression|used in expression|evaluating expression"
              + "|resolve identifier|PropertyNotFound|MethodNotFound|ELException)"
              + "|\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

  static final String OPTIMISTIC_LOCKING = "OptimisticLockingException";

  /** What a caller is told when the case changed under its request: nothing was saved. */
  static final String CONCURRENT_CHANGE =
      "The case changed at the same time (a timer fired or someone else acted), so nothing was"
          + " saved. Please look at the task again and repeat.";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineErrorBodiesFilter(
      ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new Rewriting(() -> administrator(engine.getIdentityService()), json));
    registration.setName("engine-error-bodies");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Whether the signed-in caller (set by the engine's or the webapps' sign-in) administers. */
  static boolean administrator(IdentityService identity) {
    return SignedIn.current(identity)
        .filter(signedIn -> signedIn.inAnyOf(Groups.ADMINISTRATORS))
        .isPresent();
  }

  static final class Rewriting extends OncePerRequestFilter {

    private final BooleanSupplier administrator;
    private final ObjectMapper json;

    Rewriting(BooleanSupplier administrator, ObjectMapper json) {
      this.administrator = administrator;
      this.json = json;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ErrorCapture capture = new ErrorCapture(response, administrator);
      try {
        chain.doFilter(request, capture);
      } finally {
        capture.finish(body -> rewrite(request, capture, body));
      }
    }

    private byte[] rewrite(HttpServletRequest request, ErrorCapture capture, byte[] body) {
      String type = capture.getContentType();
      if (type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
        return body; // our own answer (sign-in throttle, cross-site refusal, outage): keep it
      }
      JsonNode parsed;
      try {
        parsed = json.readTree(body);
      } catch (IOException e) {
        parsed = null;
      }
      if (!(parsed instanceof ObjectNode error)) {
        return capture.administrator() || capture.getStatus() < 500 ? body : generic(capture);
      }
      Object forbidden = request.getAttribute(EngineRefusals.FORBIDDEN);
      if (forbidden != null) {
        capture.setStatus(403);
        error.put("type", "AuthorizationException");
        error.put("message", forbidden.toString());
        return bytes(error);
      }
      Object refusal = request.getAttribute(EngineRefusals.ATTRIBUTE);
      if (capture.getStatus() >= 500 && refusal != null) {
        capture.setStatus(400);
        error.put("message", refusal.toString());
        if (!capture.administrator()) {
          error.put("type", neutralType(400));
        }
        return bytes(error);
      }
      if (capture.getStatus() >= 500
          && (request.getAttribute(EngineRefusals.CONCURRENT_CHANGE) != null
              || OPTIMISTIC_LOCKING.equals(error.path("type").asText()))) {
        capture.setStatus(409);
        error.put("message", CONCURRENT_CHANGE);
        if (!capture.administrator()) {
          error.put("type", neutralType(409));
        }
        return bytes(error);
      }
      if (capture.administrator()) {
        return body;
      }
      int status = capture.getStatus();
      if (!"AuthorizationException".equals(error.path("type").asText())) {
        error.put("type", neutralType(status));
      }
      String message = error.path("message").asText("");
      if (status >= 500 || INTERNALS.matcher(message).find()) {
        error.put("message", genericMessage(status));
      }
      return bytes(error);
    }

    private byte[] generic(ErrorCapture capture) {
      ObjectNode error = json.createObjectNode();
      error.put("type", neutralType(capture.getStatus()));
      error.put("message", genericMessage(capture.getStatus()));
      capture.setContentType("application/json");
      return bytes(error);
    }

    private byte[] bytes(JsonNode node) {
      try {
        return json.writeValueAsBytes(node);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    static String neutralType(int status) {
      return switch (status) {
        case 400 -> "BadRequest";
        case 401 -> "Unauthorized";
        case 403 -> "Forbidden";
        case 404 -> "NotFound";
        case 409 -> "Conflict";
        default -> status >= 500 ? "ServerError" : "Error";
      };
    }

    static String genericMessage(int status) {
      return switch (status) {
        case 400 -> "The request is not valid.";
        case 403 -> "The request is not allowed.";
        case 404 -> "Not found.";
        default ->
            status >= 500
                ? "The engine could not complete the request; an administrator finds the cause in"
                    + " the server's log."
                : "The request was refused.";
      };
    }
  }

  /**
   * Holds the body back once an error status is set before the body is written; any other answer
   * (status, headers, body, length) passes straight through.
   */
  static final class ErrorCapture extends HttpServletResponseWrapper {

    interface Rewriter {
      byte[] rewrite(byte[] body) throws IOException;
    }

    private final BooleanSupplier administrator;
    private boolean decided;
    private ByteArrayOutputStream buffer;
    private boolean callerAdministers;
    private Long contentLength;
    private ServletOutputStream stream;
    private PrintWriter writer;

    ErrorCapture(HttpServletResponse response, BooleanSupplier administrator) {
      super(response);
      this.administrator = administrator;
    }

    boolean administrator() {
      return callerAdministers;
    }

    private boolean capturing() {
      if (!decided) {
        decided = true;
        if (getStatus() >= 400) {
          buffer = new ByteArrayOutputStream();
          callerAdministers = administrator.getAsBoolean();
        } else if (contentLength != null) {
          super.setContentLengthLong(contentLength);
        }
      }
      return buffer != null;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        stream = capturing() ? new BufferStream(buffer) : super.getOutputStream();
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer =
            capturing()
                ? new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8))
                : super.getWriter();
      }
      return writer;
    }

    @Override
    public void setContentLength(int length) {
      setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
      if (decided && buffer == null) {
        super.setContentLengthLong(length);
      } else if (!decided) {
        contentLength = length;
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        setContentLengthLong(Long.parseLong(value));
      } else {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        setContentLengthLong(Long.parseLong(value));
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!capturing()) {
        super.flushBuffer();
      }
    }

    @Override
    public void resetBuffer() {
      if (buffer != null) {
        buffer.reset();
      }
      super.resetBuffer();
    }

    /** Writes a held error body, rewritten; or the length of an answer that had no body. */
    void finish(Rewriter rewriter) throws IOException {
      if (!decided) {
        if (contentLength != null) {
          super.setContentLengthLong(contentLength);
        }
        return;
      }
      if (buffer == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body =
          buffer.size() == 0 ? buffer.toByteArray() : rewriter.rewrite(buffer.toByteArray());
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }

  private static final class BufferStream extends ServletOutputStream {

    private final ByteArrayOutputStream buffer;

    BufferStream(ByteArrayOutputStream buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) {
      buffer.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      buffer.write(b, off, len);
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      throw new UnsupportedOperationException("not asynchronous");
    }
  }
}
