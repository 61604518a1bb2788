package eu.complaintdesk.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private final Map<String, Object> properties = new LinkedHashMap<>();

  /** Adds a member to the problem+json answer, next to {@code detail} and {@code field}. */
  public ApiProblem with(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  /** The members added by {@link #with}, in the order they were added. */
  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }
}
