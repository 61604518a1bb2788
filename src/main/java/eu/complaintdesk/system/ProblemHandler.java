package eu.complaintdesk.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
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
}
