package eu.complaintdesk.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.problem.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.Iterator;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in staff member's own digest setting ({@code /api/staff/me/digest}): whether they get
 * the morning digest. Only for themselves; the staff filter lets in signed-in staff only.
 */
@Tag(name = "Staff", description = "Signed-in staff (HTTP Basic, Camunda users).")
@RestController
class DigestController {

  /** The setting as the API shows and takes it. */
  record DigestSetting(boolean enabled) {}

  private final DigestSettings settings;
  private final ObjectMapper json;

  DigestController(DigestSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
  }

  @Operation(
      summary = "Whether I get the morning digest",
      description =
          "The signed-in staff member's setting: on unless they switched it off. The digest"
              + " lists their tasks and their groups' unclaimed tasks due today or overdue, on"
              + " working days.")
  @ApiResponse(responseCode = "200", description = "The setting")
  @GetMapping(path = "/api/staff/me/digest", produces = MediaType.APPLICATION_JSON_VALUE)
  DigestSetting get(Principal user) {
    return new DigestSetting(settings.isEnabled(user.getName()));
  }

  @Operation(
      summary = "Switch my morning digest on or off",
      description = "Body {\"enabled\": false} switches it off, {\"enabled\": true} on again.")
  @ApiResponse(responseCode = "200", description = "The setting as stored")
  @ApiResponse(
      responseCode = "400",
      description = "No JSON object, enabled missing or not true/false, or another field")
  @PutMapping(
      path = "/api/staff/me/digest",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  DigestSetting put(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = DigestSetting.class)))
          @RequestBody(required = false)
          String body,
      Principal user) {
    boolean enabled = enabled(body);
    settings.setEnabled(user.getName(), enabled);
    return new DigestSetting(enabled);
  }

  private boolean enabled(String body) {
    JsonNode node;
    try {
      node = body == null || body.isBlank() ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "enabled", "The request body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST, "enabled", "Send a JSON object: {\"enabled\": true|false}.");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!"enabled".equals(name)) {
        throw new ApiProblem(
            HttpStatus.BAD_REQUEST, name, "'" + name + "' is not a field of the digest setting.");
      }
    }
    JsonNode enabled = node.get("enabled");
    if (enabled == null || !enabled.isBoolean()) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "enabled", "'enabled' must be true or false.");
    }
    return enabled.booleanValue();
  }
}
