package eu.complaintdesk.system;

import eu.complaintdesk.problem.ProblemResponse;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of our API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html},
 * both public): what every call takes and answers, its errors as problem+json, and which calls need
 * a signed-in staff user.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

  static final String STAFF = "staff";
  static final String PROBLEM = ProblemResponse.NAME;
  static final String COMPLAINT_PART = "complaint";

  @Bean
  OpenAPI complaintDeskApi() {
    Components components =
        new Components()
            .addSecuritySchemes(
                STAFF,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("basic")
                    .description("A staff user's Camunda user name and password."));
    ModelConverters.getInstance().read(ProblemResponse.class).forEach(components::addSchemas);
    return new OpenAPI()
        .info(
            new Info()
                .title("Complaint Desk API")
                .version("1")
                .description(
                    "Submit a complaint, proposal, praise or question; follow it with its"
                        + " registration number and access code; send more information and"
                        + " files; withdraw; rate the handling. Staff register what came by"
                        + " other channels and download attachments; managers read key figures"
                        + " and export the cases (Reports). Every error is"
                        + " application/problem+json naming the wrong field in `field` (all"
                        + " of them in `errors`)."))
        .components(components);
  }

  /**
   * Adds to every operation the errors it can answer, as problem+json: bad input (400) where a body
   * or parameters are read, unknown case (404) where a registration number is in the path, and a
   * sign-in (401) on staff and report calls, which also get the staff security requirement.
   */
  @Bean
  OpenApiCustomizer complaintDeskErrors() {
    return api ->
        api.getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach(
                            (method, operation) -> {
                              boolean staff =
                                  path.startsWith("/api/staff/")
                                      || path.startsWith("/api/reports/");
                              describeJsonPart(operation);
                              if (staff) {
                                operation.addSecurityItem(new SecurityRequirement().addList(STAFF));
                                add(operation, "401", "Not signed in as staff.");
                              }
                              if (path.startsWith("/api/reports/")) {
                                add(
                                    operation,
                                    "403",
                                    "Signed in, but not a manager, supervisor, process owner or"
                                        + " administrator.");
                              }
                              if (accepts(operation, "multipart/form-data")) {
                                add(
                                    operation,
                                    "413",
                                    "A file is larger than allowed (`field` attachments, the"
                                        + " file named in `detail`).");
                                add(
                                    operation,
                                    "422",
                                    "A file is not a PDF, JPEG or PNG by its content (`field`"
                                        + " attachments[i]).");
                              }
                              if (operation.getRequestBody() != null) {
                                add(
                                    operation,
                                    "415",
                                    "Neither application/json nor multipart/form-data.");
                              }
                              if (operation.getRequestBody() != null
                                  || operation.getParameters() != null) {
                                add(
                                    operation,
                                    "400",
                                    "Bad input: `field` names the first wrong field.");
                              }
                              if (path.contains("{registrationNumber}")) {
                                add(
                                    operation,
                                    "404",
                                    staff
                                        ? "No such case."
                                        : "No case with this number and access code (the"
                                            + " same answer for an unknown number and a wrong"
                                            + " code).");
                              }
                            }));
  }

  static boolean accepts(Operation operation, String mediaType) {
    return operation.getRequestBody() != null
        && operation.getRequestBody().getContent() != null
        && operation.getRequestBody().getContent().containsKey(mediaType);
  }

  /** The JSON part of a multipart submission is sent as application/json. */
  static void describeJsonPart(Operation operation) {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      return;
    }
    MediaType multipart = operation.getRequestBody().getContent().get("multipart/form-data");
    if (multipart != null
        && multipart.getSchema() != null
        && multipart.getSchema().getProperties() != null
        && multipart.getSchema().getProperties().containsKey(COMPLAINT_PART)) {
      multipart.addEncoding(COMPLAINT_PART, new Encoding().contentType("application/json"));
    }
  }

  /** Adds a problem+json response unless the operation documents that status itself. */
  static void add(Operation operation, String status, String description) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    if (operation.getResponses().containsKey(status)) {
      return;
    }
    operation
        .getResponses()
        .addApiResponse(
            status,
            new ApiResponse()
                .description(description)
                .content(
                    new Content()
                        .addMediaType(
                            "application/problem+json",
                            new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
  }
}
