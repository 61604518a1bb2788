package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.Multipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner deploys as Camunda Modeler does ({@code POST /engine-rest/deployment/create},
 * multipart, HTTP Basic, no {@code Origin}): anything that could run code is answered 400 naming
 * the element (or the resource), and nothing is deployed; models, tables and forms that keep to the
 * rules still deploy.
 */
class DeploymentGuardIT extends ApplicationIntegrationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  static List<Object[]> forbidden() {
    return List.of(
        new Object[] {"Forbidden.bpmn", ForbiddenModels.TIMER_STARTS_SCRIPT_TASK, "ScriptTask_Run"},
        new Object[] {"Forbidden.bpmn", ForbiddenModels.SCRIPT_LISTENER, "UserTask_ScriptListener"},
        new Object[] {"Forbidden.bpmn", ForbiddenModels.JAVA_CLASS, "ServiceTask_Class"},
        new Object[] {
          "Forbidden.bpmn", ForbiddenModels.METHOD_CALL_EXPRESSION, "ServiceTask_MethodCall"
        },
        new Object[] {"Forbidden.bpmn", ForbiddenModels.SCRIPT_CONDITION, "SequenceFlow_Script"},
        new Object[] {"Forbidden.bpmn", ForbiddenModels.IO_SCRIPT, "UserTask_IoScript"},
        new Object[] {
          "Forbidden.dmn", ForbiddenModels.dmnWithInputEntryLanguage("juel"), "InputEntry_Juel"
        },
        new Object[] {
          "Forbidden.dmn",
          ForbiddenModels.dmnWithInputEntryLanguage("javascript"),
          "InputEntry_Juel"
        },
        new Object[] {"Forbidden.bpmn", ForbiddenModels.EMBEDDED_FORM_KEY, "UserTask_EmbeddedForm"},
        new Object[] {"Forbidden.bpmn", ForbiddenModels.APP_FORM_KEY, "UserTask_AppForm"},
        new Object[] {"Forbidden.bpmn", ForbiddenModels.FORM_REF_LATEST, "UserTask_Allowed"},
        new Object[] {
          "Forbidden.bpmn", ForbiddenModels.CAMUNDA_FORMS_APP_KEY, "UserTask_AppCamundaForm"
        },
        new Object[] {"form.html", "<script>alert(document.cookie)</script>", "form.html"});
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("forbidden")
  void whatCouldRunCodeIsRefusedWith400NamingTheElement(
      String fileName, String content, String named) throws Exception {
    EngineRest owner = EngineRest.as(port, "owner");
    long before = owner.get("/deployment/count").json().get("count").asLong();

    Answer answer = deploy(Map.of(fileName, content));

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("'" + named + "'");
    assertThat(owner.get("/deployment/count").json().get("count").asLong()).isEqualTo(before);
    assertThat(owner.get("/process-definition/count?key=Forbidden").json().get("count").asLong())
        .isZero();
    assertThat(owner.get("/decision-definition/count?key=Forbidden").json().get("count").asLong())
        .isZero();
  }

  @Test
  void aModelTableAndFormThatKeepToTheRulesDeploy() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("Forbidden.bpmn", ForbiddenModels.ALLOWED_BPMN);
    files.put("Forbidden.dmn", ForbiddenModels.dmnWithInputEntryLanguage("feel"));
    files.put("Form_Allowed.form", ForbiddenModels.FORM);

    Answer answer = deploy(files);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode deployment = JSON.readTree(answer.body());
    assertThat(deployment.get("deployedProcessDefinitions").size()).isOne();
    assertThat(deployment.get("deployedDecisionDefinitions").size()).isOne();
    EngineRest owner = EngineRest.as(port, "owner");
    assertThat(
            owner.delete("/deployment/" + deployment.get("id").asText() + "?cascade=true").status())
        .isEqualTo(204);
  }

  @Test
  void aCamundaFormNamedByFormKeyDeploys() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("Forbidden.bpmn", ForbiddenModels.CAMUNDA_FORM_KEY);
    files.put("Form_Allowed.form", ForbiddenModels.FORM);

    Answer answer = deploy(files);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    JsonNode deployment = JSON.readTree(answer.body());
    assertThat(deployment.get("deployedProcessDefinitions").size()).isOne();
    EngineRest owner = EngineRest.as(port, "owner");
    assertThat(
            owner.delete("/deployment/" + deployment.get("id").asText() + "?cascade=true").status())
        .isEqualTo(204);
  }

  /**
   * The complaint process with a draft form that also asks for the type and the answer (which would
   * let the drafter send an unreviewed text): 400 naming the fields and the task.
   */
  @Test
  void aFormFieldItsTaskMayNotTakeIsRefusedWith400NamingFieldAndTask() throws Exception {
    EngineRest owner = EngineRest.as(port, "owner");
    long before = owner.get("/deployment/count").json().get("count").asLong();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("ComplaintHandlingProcess.bpmn", file("bpmn/ComplaintHandlingProcess.bpmn"));
    files.put(
        "Form_DraftAnswer.form",
        file("forms/Form_DraftAnswer.form")
            .replace(
                "\"components\": [",
                "\"components\": [{\"label\": \"Type\", \"key\": \"feedbackType\","
                    + " \"type\": \"textfield\", \"id\": \"Field_Type\"},"
                    + " {\"label\": \"Answer\", \"key\": \"answer\", \"type\": \"textarea\","
                    + " \"id\": \"Field_Answer\"},"));

    Answer answer = deploy(files);

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body())
        .contains("Form field 'feedbackType'", "Form field 'answer'", "'UserTask_DraftAnswer'");
    assertThat(owner.get("/deployment/count").json().get("count").asLong()).isEqualTo(before);
  }

  /**
   * The complaint process deployed from Modeler without its tables (the BPMN alone): 400 naming the
   * missing decisions, nothing stored, so new cases keep starting on a definition with its tables.
   */
  @Test
  void theComplaintProcessWithoutItsDecisionsIsRefusedWith400NamingThem() throws Exception {
    EngineRest owner = EngineRest.as(port, "owner");
    long before = owner.get("/deployment/count").json().get("count").asLong();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("ComplaintHandlingProcess.bpmn", file("bpmn/ComplaintHandlingProcess.bpmn"));
    for (String form :
        List.of("forms/Form_CheckCompleteness.form", "forms/Form_DraftAnswer.form")) {
      files.put(form.substring("forms/".length()), file(form));
    }

    Answer answer = deploy(files);

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body())
        .contains(
            "names decision 'RouteComplaint'",
            "needs decision 'DeadlinePolicy'",
            "deploy the BPMN together with its decisions and forms");
    assertThat(owner.get("/deployment/count").json().get("count").asLong()).isEqualTo(before);
  }

  private static String file(String path) throws IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of(path), StandardCharsets.UTF_8);
  }

  private record Answer(int status, String body) {}

  /** As Modeler deploys: multipart, HTTP Basic, no Origin header. */
  private Answer deploy(Map<String, String> files) throws IOException, InterruptedException {
    Multipart body =
        new Multipart()
            .text("deployment-name", "guard-check")
            .text("deployment-source", "Camunda Modeler");
    files.forEach(
        (name, content) ->
            body.file(
                name, name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8)));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
            .header("Authorization", EngineRest.basic("owner", "owner"))
            .header("Accept", "application/json")
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }
}
