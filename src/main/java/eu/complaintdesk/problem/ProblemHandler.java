package eu.complaintdesk.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every client error of our API as application/problem+json naming the field that is wrong: {@code
 * field} for the first, {@code errors} for all of them.
 */
@RestControllerAdvice(basePackages = "eu.complaintdesk")
class ProblemHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    if (problem.field() != null) {
      body.setProperty("field", problem.field());
      body.setProperty(
          "errors", List.of(Map.of("field", problem.field(), "message", problem.getMessage())));
    }
    problem.properties().forEach(body::setProperty);
    return ResponseEntity.status(problem.status()).body(body);
  }

  /**
   * The case changed at the same moment (a timer fired, a job ran, another request came): the
   * request did nothing and may be repeated.
   */
  @ExceptionHandler({
    OptimisticLockingException.class,
    MismatchingMessageCorrelationException.class
  })
  ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "The case changed at the same time. Please look at its status and try again."));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(
                e ->
                    Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
            .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
            .collect(Collectors.toList());
    ex.getBindingResult().getGlobalErrors().stream()
        .map(
            e ->
                Map.of(
                    "field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage())))
        .forEach(errors::add);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            errors.isEmpty()
                ? "The request is not valid."
                : errors.get(0).get("field") + ": " + errors.get(0).get("message"));
    if (!errors.isEmpty()) {
      body.setProperty("field", errors.get(0).get("field"));
    }
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "The request body is not valid JSON.");
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      body.setDetail(field + ": has a value of the wrong type or an unknown code");
      body.setProperty("field", field);
      body.setProperty(
          "errors", List.of(Map.of("field", field, "message", "wrong type or unknown code")));
    }
    return ResponseEntity.badRequest().body(body);
  }

  // --- multipart requests and content types ---------------------------------------------

  /**
   * A file or the whole request above the multipart limits (derived from {@code
   * complaints.intake.*}): 413 naming the file's form field and name when the container says which.
   */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return unreadableMultipart(ex);
  }

  /** A multipart request the container refused: too large, too many parts, malformed. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> unreadableMultipart(MultipartException ex) {
    for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
      if (cause instanceof FileSizeLimitExceededException tooLarge) {
        String field = tooLarge.getFieldName() == null ? "attachments" : tooLarge.getFieldName();
        return problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            field,
            field
                + " ("
                + tooLarge.getFileName()
                + "): the file is larger than "
                + DataSize.ofBytes(tooLarge.getPermittedSize()).toMegabytes()
                + " MB");
      }
      if (cause instanceof FileCountLimitExceededException) {
        return problem(
            HttpStatus.BAD_REQUEST, "attachments", "attachments: the request has too many parts");
      }
      if (cause instanceof SizeLimitExceededException
          || cause instanceof MaxUploadSizeExceededException) {
        return problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "attachments",
            "attachments: the files together are larger than allowed");
      }
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        HttpHeaders.CONTENT_TYPE,
        "The request is not a readable multipart/form-data request.");
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST, ex.getRequestPartName(), ex.getRequestPartName() + ": is required");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String requestType =
        request instanceof ServletWebRequest servlet ? servlet.getRequest().getContentType() : null;
    ResponseEntity<Object> answer =
        requestType != null && requestType.toLowerCase(Locale.ROOT).startsWith("multipart/")
            ? problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "complaint",
                "complaint: send this part as application/json"
                    + " (curl: -F 'complaint={...};type=application/json')")
            : problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                HttpHeaders.CONTENT_TYPE,
                HttpHeaders.CONTENT_TYPE
                    + ": send application/json, or multipart/form-data where files may be sent");
    HttpHeaders withAccept = new HttpHeaders();
    withAccept.putAll(answer.getHeaders());
    withAccept.putAll(headers);
    return new ResponseEntity<>(answer.getBody(), withAccept, answer.getStatusCode());
  }

  private static ResponseEntity<Object> problem(HttpStatus status, String field, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setProperty("field", field);
    body.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
