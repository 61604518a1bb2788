package eu.complaintdesk.problem;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** The shape of every error answer, for the API description only. */
@Schema(
    name = ProblemResponse.NAME,
    description = "RFC 9457 problem details (application/problem+json) naming the wrong field")
public record ProblemResponse(
    @Schema(example = "about:blank") String type,
    @Schema(example = "Bad Request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "customer.email: must be a well-formed email address") String detail,
    @Schema(example = "/api/complaints") String instance,
    @Schema(
            description =
                "The first wrong field, e.g. `customer.email`, `attachments[1]`, `Idempotency-Key`",
            example = "customer.email")
        String field,
    @Schema(
            description = "Every wrong field: `[{field, message}]`",
            example =
                "[{\"field\":\"customer.email\",\"message\":\"must be a well-formed email address\"}]")
        List<Map<String, String>> errors) {

  /** The name of this schema in the API description. */
  public static final String NAME = "Problem";
}
