package eu.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description and its browsable UI are public, describe our API (both request forms,
 * the errors, the staff sign-in) and leave the Camunda webapps working.
 */
class ApiDocumentationIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void apiDescriptionIsPublicAndDescribesBothRequestFormsErrorsAndStaffSignIn() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs");

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode api = json.readTree(docs.body());
    JsonNode submit = api.at("/paths/~1api~1complaints/post");
    assertThat(submit.at("/requestBody/content").fieldNames())
        .toIterable()
        .contains("application/json", "multipart/form-data");
    JsonNode multipart = submit.at("/requestBody/content/multipart~1form-data");
    assertThat(multipart.at("/schema/properties").fieldNames())
        .toIterable()
        .contains("complaint", "attachments");
    assertThat(multipart.at("/schema/properties/attachments/items/format").asText())
        .isEqualTo("binary");
    assertThat(multipart.at("/encoding/complaint/contentType").asText())
        .isEqualTo("application/json");
    assertThat(submit.at("/responses").fieldNames())
        .toIterable()
        .contains("201", "400", "413", "415", "422");
    assertThat(submit.at("/responses/422/content").has("application/problem+json")).isTrue();
    assertThat(submit.at("/responses/201/headers").has("Location")).isTrue();

    assertThat(api.at("/paths/~1api~1complaints~1{registrationNumber}/get/responses").has("404"))
        .isTrue();
    JsonNode information =
        api.at(
            "/paths/~1api~1complaints~1{registrationNumber}~1information/post/requestBody/content");
    assertThat(information.fieldNames())
        .toIterable()
        .contains("application/json", "multipart/form-data");
    assertThat(information.at("/multipart~1form-data/schema/properties").fieldNames())
        .toIterable()
        .contains("message", "attachments");
    assertThat(submit.at("/responses/201/content").has("application/json")).isTrue();
    assertThat(api.at("/paths/~1api~1surveys~1{token}/post/responses").fieldNames())
        .toIterable()
        .contains("204", "404", "409", "410");
    assertThat(
            api.at("/paths/~1api~1complaints~1{registrationNumber}~1withdrawal/post/responses")
                .fieldNames())
        .toIterable()
        .contains("202", "404", "409");

    assertThat(api.at("/components/securitySchemes/staff/scheme").asText()).isEqualTo("basic");
    assertThat(api.at("/paths/~1api~1staff~1complaints/post/security/0").has("staff")).isTrue();
    assertThat(
            api.at(
                    "/paths/~1api~1staff~1complaints~1{registrationNumber}~1attachments~1{attachmentId}/get/responses")
                .fieldNames())
        .toIterable()
        .contains("200", "401", "404");
    assertThat(api.at("/paths/~1api~1complaints/post/security").isMissingNode()).isTrue();

    assertThat(api.at("/components/schemas/Submission/properties/language/example").asText())
        .isEqualTo("lv");
    assertThat(api.at("/components/schemas/Submission/properties/feedbackTypeHint/enum"))
        .extracting(JsonNode::asText)
        .containsExactly("COMPLAINT", "PROPOSAL", "PRAISE", "QUESTION");
    assertThat(api.at("/components/schemas/Problem/properties").has("field")).isTrue();
    assertThat(api.at("/paths").fieldNames())
        .toIterable()
        .allSatisfy(path -> assertThat(path).startsWith("/api/"));
  }

  @Test
  void reportsAreDescribedWithTheirSignInErrorsAndEveryFiguresDefinition() throws Exception {
    JsonNode api = json.readTree(get("/v3/api-docs").body());

    for (String path : new String[] {"~1api~1reports~1kpis", "~1api~1reports~1complaints.csv"}) {
      JsonNode call = api.at("/paths/" + path + "/get");
      assertThat(call.at("/security/0").has("staff")).as(path).isTrue();
      assertThat(call.at("/responses").fieldNames())
          .toIterable()
          .as(path)
          .contains("200", "400", "401", "403");
      assertThat(call.at("/responses/403/content").has("application/problem+json")).isTrue();
      assertThat(call.at("/parameters").findValuesAsText("name")).contains("from", "to");
    }
    assertThat(
            api.at("/paths/~1api~1reports~1complaints.csv/get/responses/200/content")
                .has("text/csv"))
        .isTrue();
    JsonNode kpis = api.at("/components/schemas/Kpis");
    assertThat(kpis.at("/properties").fieldNames())
        .toIterable()
        .contains(
            "byFeedbackType",
            "byChannel",
            "byCategory",
            "timeliness",
            "responseTime",
            "extension",
            "appealNotice",
            "satisfaction",
            "backlog",
            "repeatComplaints",
            "outcomes");
    assertThat(api.at("/components/schemas/Timeliness/properties/onTimeRate/description").asText())
        .contains("onTime / (onTime + late)");
    assertThat(api.at("/components/schemas/ResponseTime/description").asText())
        .contains("working days");
  }

  @Test
  void browsableUiIsPublicAndCamundaWebappsStillAnswer() throws Exception {
    HttpResponse<String> ui = get("/swagger-ui/index.html");
    HttpResponse<String> shortcut = get("/swagger-ui.html");
    HttpResponse<String> cockpit = get("/camunda/app/cockpit/default/");
    HttpResponse<String> engineRest = get("/engine-rest/process-definition");

    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
    assertThat(shortcut.statusCode()).isIn(200, 302);
    assertThat(cockpit.statusCode()).isEqualTo(200);
    assertThat(cockpit.body()).containsIgnoringCase("cockpit");
    assertThat(engineRest.statusCode()).isEqualTo(401);
    // a start page of an engine that does not exist: 404, not Camunda's NullPointerException
    for (String path :
        new String[] {"/camunda/app/tasklist/assets/", "/camunda/app/cockpit/nosuchengine"}) {
      HttpResponse<String> unknown = get(path);
      assertThat(unknown.statusCode()).as(path).isEqualTo(404);
    }
    assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
