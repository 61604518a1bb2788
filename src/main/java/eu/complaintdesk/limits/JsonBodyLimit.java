package eu.complaintdesk.limits;

import eu.complaintdesk.problem.ProblemAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A JSON body of our API larger than {@code complaints.limits.max-json-body} (256 KB) is refused
 * with 413 before anything parses it: by its {@code Content-Length}, or — sent in chunks, without
 * one — after reading at most one byte more than the limit, which is then held and handed on as the
 * body. So an oversized body costs neither a parser's work nor more memory than the limit (the
 * container discards the unread rest, up to {@code server.tomcat.max-swallow-size}, then closes the
 * connection).
 */
class JsonBodyLimit extends OncePerRequestFilter {

  private final long max;

  JsonBodyLimit(long max) {
    this.max = max;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String type = request.getContentType();
    if (type == null) {
      return true;
    }
    try {
      MediaType media = MediaType.parseMediaType(type);
      return !(media.isCompatibleWith(MediaType.APPLICATION_JSON)
          || media.getSubtype().endsWith("+json"));
    } catch (IllegalArgumentException e) {
      return true; // the controller answers an unreadable type as it always did
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > max) {
      refuse(request, response);
      return;
    }
    if (declared >= 0) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE, max + 1));
    if (body.length > max) {
      refuse(request, response);
      return;
    }
    chain.doFilter(new HeldBody(request, body), response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String detail = "The JSON body is larger than " + max / 1024 + " KB.";
    ProblemAnswer.write(
        request,
        response,
        HttpStatus.PAYLOAD_TOO_LARGE,
        detail,
        Map.of("field", "body", "errors", List.of(Map.of("field", "body", "message", detail))));
  }

  /** The request with the body already read, within the limit. */
  private static final class HeldBody extends HttpServletRequestWrapper {

    private final byte[] body;

    HeldBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
