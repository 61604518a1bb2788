package eu.complaintdesk.problem;

import org.springframework.http.HttpStatus;

/** A client error with the field it is about, answered as application/problem+json. */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String field;

  public ApiProblem(HttpStatus status, String field, String detail) {
    super(detail);
    this.status = status;
    this.field = field;
  }

  public static ApiProblem notFound() {
    return new ApiProblem(
        HttpStatus.NOT_FOUND, null, "No complaint with this registration number and access code.");
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }
}
