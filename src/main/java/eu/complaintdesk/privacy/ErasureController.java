package eu.complaintdesk.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.security.GroupMembership;
import eu.complaintdesk.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a customer's personal data on their request (privacy officers, administrators). */
@Tag(name = "Staff", description = "Signed-in staff (HTTP Basic, Camunda users).")
@RestController
class ErasureController {

  private final GroupMembership groups;
  private final Erasures erasures;
  private final ObjectMapper json;

  ErasureController(GroupMembership groups, Erasures erasures, ObjectMapper json) {
    this.groups = groups;
    this.erasures = erasures;
    this.json = json;
  }

  /** The body as JSON, read only once the user may erase: 403 comes before any 400. */
  private JsonNode read(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, null, "The request body is not valid JSON.");
    }
  }

  @Operation(
      summary = "Erase a customer's personal data",
      description =
          "Exactly one of registrationNumber (that case's customer: all cases with its e-mail or"
              + " phone), email or phone. Cases still being handled are first withdrawn (no"
              + " message to the customer). Every case is anonymised; the timeline records"
              + " PERSONAL_DATA_ERASED with the user. Each case is erased in a transaction of its"
              + " own: when one fails the others are still erased and the answer is 409 naming"
              + " the cases erased and not erased (repeat the request). With dryRun=true nothing"
              + " changes: the answer lists the cases that would be erased (dryRun: true, every"
              + " count 0). Privacy officers and administrators only.")
  @ApiResponse(
      responseCode = "200",
      description = "The cases erased and what was removed (or, dry run, would be erased)")
  @ApiResponse(responseCode = "400", description = "None, several, blank or unknown fields")
  @ApiResponse(responseCode = "403", description = "Not a privacy officer or administrator")
  @ApiResponse(responseCode = "404", description = "No case with personal data matches")
  @ApiResponse(
      responseCode = "409",
      description =
          "Some cases were not erased (problem+json: erased, notErased); repeat the request")
  @PostMapping(
      path = "/api/staff/erasures",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Erasures.ErasureResult erase(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = ErasureRequest.class)))
          @RequestBody(required = false)
          String body,
      @Parameter(
              description =
                  "true: only answer the cases that would be erased (and withdrawn), change"
                      + " nothing")
          @RequestParam(name = "dryRun", required = false, defaultValue = "false")
          boolean dryRun,
      Principal user) {
    if (!groups.inAny(user, Groups.PRIVACY)) {
      throw new ApiProblem(
          HttpStatus.FORBIDDEN, null, "Erasures are for privacy officers and administrators.");
    }
    ErasureRequest request = ErasureRequest.of(read(body));
    request
        .problem()
        .ifPresent(
            problem -> {
              throw problem;
            });
    return erasures
        .erase(request, user.getName(), dryRun)
        .orElseThrow(
            () ->
                new ApiProblem(
                    HttpStatus.NOT_FOUND, null, "No case with personal data matches the request."));
  }
}
