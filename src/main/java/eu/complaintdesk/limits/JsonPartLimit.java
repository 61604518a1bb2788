package eu.complaintdesk.limits;

import eu.complaintdesk.problem.ApiProblem;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The JSON part of a multipart request to our API (the submission's {@code complaint}) is held to
 * the same {@code complaints.limits.max-json-body} as a JSON body: 413 naming the part before
 * Jackson reads it. The parts are read (within the upload limits) but not parsed.
 */
class JsonPartLimit implements HandlerInterceptor {

  private final long max;

  JsonPartLimit(long max) {
    this.max = max;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException, ServletException {
    if (!(request instanceof MultipartHttpServletRequest multipart)) {
      return true;
    }
    Collection<Part> parts;
    try {
      parts = multipart.getParts();
    } catch (IOException | ServletException | IllegalStateException e) {
      // beyond the upload limits or malformed: the container keeps the failure, and the handler's
      // reading of the parts meets it again and answers it as always
      return true;
    }
    for (Part part : parts) {
      if (isJson(part.getContentType()) && part.getSize() > max) {
        throw new ApiProblem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            part.getName(),
            part.getName() + ": the JSON part is larger than " + max / 1024 + " KB");
      }
    }
    return true;
  }

  private static boolean isJson(String type) {
    if (type == null) {
      return false;
    }
    try {
      MediaType media = MediaType.parseMediaType(type);
      return media.isCompatibleWith(MediaType.APPLICATION_JSON)
          || media.getSubtype().endsWith("+json");
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
