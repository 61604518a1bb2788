package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.LeftoverJobs;
import eu.complaintdesk.testing.OutboundTestServers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, point 1: the engine keeps no personal data and no free text. One marker is planted in
 * every field a customer and staff can fill; the case is driven to its end through the public API
 * and the engine REST API; then every history and runtime endpoint of the engine is read as an
 * administrator, and the marker is in none of the answers. While the case runs, its variables hold
 * none either: the case facts a task's form shows ({@code caseFile…}) are computed when the form is
 * read, never stored.
 */
class EngineHistoryPrivacyIT extends ApplicationIntegrationTest {

  /** The free-text variables (the tasks' and the decisions' input): none may stay on the case. */
  private static final Set<String> TASK_TEXTS = ComplaintVariables.FREE_TEXT;

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

  @LocalServerPort int port;
  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired ObjectMapper json;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  final HttpClient http = HttpClient.newHttpClient();

  /** The marker, in lower case: every response is compared in lower case. */
  final String marker = "mk" + random(10);

  /** The phone's digits, a marker of their own (long enough never to occur by chance). */
  final String phoneDigits = digits(12);

  @Test
  void aComplaintDrivenToItsEndLeavesNoPersonalDataOrFreeTextInTheEngine() throws Exception {
    CaseDriver cases = new CaseDriver(port);
    EngineRest registrar = EngineRest.as(port, "registrar");
    EngineRest handler = EngineRest.as(port, "handler");
    EngineRest supervisor = EngineRest.as(port, "supervisor");
    EngineRest admin = EngineRest.as(port, "admin");

    JsonNode receipt = submit();
    String number = receipt.get("registrationNumber").asText();
    String code = receipt.get("accessCode").asText();
    long complaintId = register.findByRegistrationNumber(number).orElseThrow().id();
    String instance = processInstanceId(admin, number);
    refusesCommentsAndAttachments(
        registrar, admin, instance, cases.awaitTask(number, "UserTask_CheckCompleteness"));

    cases.work(
        registrar,
        number,
        "UserTask_CheckCompleteness",
        Map.of("complete", false, "missingInformation", text("Missing")));
    awaitStatus(number, code, "AWAITING_INFORMATION");
    assertNoMarkerInRuntime(admin, instance);
    assertThat(
            retriedOnConflict(
                () ->
                    postWithCode(
                        "/api/complaints/" + number + "/information",
                        "{\"message\":\"" + text("Supplied") + "\"}",
                        code)))
        .isEqualTo(202);

    cases.work(registrar, number, "UserTask_CheckCompleteness", Map.of("complete", true));
    cases.work(
        registrar,
        number,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "SERVICE_COMPLAINT", "category", "HEATING_QUALITY"));
    assertThat(
            retriedOnConflict(
                () ->
                    postWithCode(
                        "/api/complaints/" + number + "/information",
                        "{\"message\":\"" + text("Message") + "\"}",
                        code)))
        .isEqualTo(202);

    cases.work(
        handler,
        number,
        "UserTask_DraftAnswer",
        Map.of("needsExternalInformation", true, "externalOrganisations", "Sadales tīkls AS"));
    cases.work(
        handler, number, "UserTask_RecordExternalReply", Map.of("externalReply", text("Reply")));
    assertNoMarkerInRuntime(admin, instance);

    cases.work(handler, number, "UserTask_DraftAnswer", draft("First draft"));
    assertNoMarkerInRuntime(admin, instance);
    cases.work(
        supervisor,
        number,
        "UserTask_ReviewAnswer",
        Map.of("answerApproved", false, "reviewComment", text("Returned")));
    assertNoMarkerInRuntime(admin, instance);
    cases.work(handler, number, "UserTask_DraftAnswer", draft("Second draft"));
    cases.work(
        supervisor,
        number,
        "UserTask_ReviewAnswer",
        Map.of("answerApproved", true, "reviewComment", text("Approved")));

    String token =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> surveys.latestToken(complaintId).orElse(null), t -> t != null);
    assertNoMarkerInRuntime(admin, instance);
    HttpResponse<String> rated =
        post("/api/surveys/" + token, "{\"score\":4,\"comment\":\"" + text("Survey") + "\"}");
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(204);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              LeftoverJobs.runByHand(management, instance);
              return admin
                  .get("/history/process-instance/" + instance)
                  .json()
                  .path("state")
                  .asText();
            },
            "COMPLETED"::equals);

    // the marker did go everywhere it should: the register has it
    assertThat(register.get(complaintId).subject().toLowerCase(Locale.ROOT)).contains(marker);
    assertThat(register.missingInformation(complaintId).toLowerCase(Locale.ROOT)).contains(marker);

    // decision history is kept, without inputs and outputs (complaints.history.decision-values is
    // off; with it on, the inputs computed from the customer's text have no value:
    // HistoryFilterEngineTest)
    JsonNode decisions =
        admin
            .get(
                "/history/decision-instance?includeInputs=true&includeOutputs=true"
                    + "&processInstanceId="
                    + instance)
            .json();
    List<String> decided = new ArrayList<>();
    List<JsonNode> values = new ArrayList<>();
    decisions.forEach(
        decision -> {
          decided.add(decision.get("decisionDefinitionKey").asText());
          decision.get("inputs").forEach(values::add);
          decision.get("outputs").forEach(values::add);
        });
    assertThat(decided)
        .as("the decisions of the case")
        .contains("SuggestClassification", "SuggestCategory", "RecogniseWords");
    assertThat(values).as("inputs and outputs of the case's decisions").isEmpty();

    List<String> paths = new ArrayList<>(everyEngineEndpoint(instance));
    JsonNode historicTasks = admin.get("/history/task?processInstanceId=" + instance).json();
    assertThat(historicTasks.size()).as("the case's tasks").isGreaterThanOrEqualTo(8);
    historicTasks.forEach(
        task -> {
          paths.add("/task/" + task.get("id").asText() + "/comment");
          paths.add("/task/" + task.get("id").asText() + "/attachment");
          paths.add("/history/variable-instance?taskIdIn=" + task.get("id").asText());
        });
    assertNoMarkerInTheStackTraces(admin, instance, 0);
    for (String path : paths) {
      EngineRest.Response answer = admin.get(path);
      assertThat(answer.status()).as(path + ": " + answer).isEqualTo(200);
      assertNoMarker(path, answer.body());
    }
  }

  /**
   * A message that cannot be delivered fails its job, then becomes an incident: neither the job's
   * exception message and stack trace, nor the job log, nor the incident names the recipient (the
   * cause a mail server gives may name it).
   */
  @Test
  void aFailedDeliveryLeavesNoAddressInTheJobLogOrTheIncident() throws Exception {
    EngineRest admin = EngineRest.as(port, "admin");
    OutboundTestServers.stopSmtp();
    String number = submit().get("registrationNumber").asText();
    String instance = processInstanceId(admin, number);
    Job job =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> acknowledgement(instance),
                found -> found != null && found.getExceptionMessage() != null);
    assertThatThrownBy(() -> management.executeJob(job.getId()));
    assertThatThrownBy(() -> management.executeJob(job.getId()));
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);

    assertNoMarker("the job's stack trace", management.getJobExceptionStacktrace(job.getId()));
    assertNoMarkerInTheStackTraces(admin, instance, 3);
    // the runtime holds no customer data either (a form's case facts are computed when read)
    assertNoMarkerInRuntime(admin, instance);
    for (String path : everyEngineEndpoint(instance)) {
      EngineRest.Response answer = admin.get(path);
      assertThat(answer.status()).as(path + ": " + answer).isEqualTo(200);
      assertNoMarker(path, answer.body());
    }

    // the server is back: the job, given a retry as in Cockpit, delivers, and the case goes on
    OutboundTestServers.startSmtp();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  /**
   * The stack traces of the case's failed jobs (REST serves them as text/plain, read here through
   * the engine's API): at least {@code failures} of them.
   */
  private void assertNoMarkerInTheStackTraces(EngineRest admin, String instance, int failures) {
    JsonNode failed =
        admin.get("/history/job-log?failureLog=true&processInstanceId=" + instance).json();
    assertThat(failed.size()).as("failures in the job log").isGreaterThanOrEqualTo(failures);
    failed.forEach(
        failure ->
            assertNoMarker(
                "the stack trace of job log " + failure.get("id").asText(),
                history.getHistoricJobLogExceptionStacktrace(failure.get("id").asText())));
  }

  @AfterEach
  void smtpIsBack() {
    if (!OutboundTestServers.smtp().isRunning()) { // when a test failed half-way
      OutboundTestServers.startSmtp();
    }
  }

  private Job acknowledgement(String instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance)
        .activityId("ServiceTask_SendAcknowledgement")
        .singleResult();
  }

  /** Every engine endpoint that could hold something of the case, read as an administrator. */
  private static List<String> everyEngineEndpoint(String instance) {
    String byInstance = "processInstanceId=" + instance;
    return List.of(
        // history
        "/history/process-instance?" + byInstance,
        "/history/activity-instance?" + byInstance,
        "/history/variable-instance?" + byInstance + "&deserializeValues=false",
        "/history/detail?" + byInstance + "&deserializeValues=false",
        "/history/decision-instance?"
            + byInstance
            + "&includeInputs=true&includeOutputs=true&disableBinaryFetching=false"
            + "&disableCustomObjectDeserialization=true",
        "/history/task?" + byInstance,
        "/history/user-operation?" + byInstance,
        "/history/job-log?" + byInstance,
        "/history/incident?" + byInstance,
        "/history/external-task-log?" + byInstance,
        "/history/identity-link-log?" + byInstance,
        // runtime (the case has ended: all of it should be empty)
        "/process-instance?processInstanceIds=" + instance,
        "/variable-instance?processInstanceIdIn=" + instance + "&deserializeValues=false",
        "/task?" + byInstance,
        "/incident?" + byInstance,
        "/external-task?" + byInstance,
        "/job?" + byInstance);
  }

  /**
   * Staff may not plant a comment or an attachment on a task of the case (Tasklist's "Add comment",
   * the engine REST API): the engine would keep it past an erasure. Refused, saying where notes
   * belong (even to an administrator); the marker is then in no answer at the end. Through the Java
   * API too, as a signed-in user, and for the case's instance.
   */
  private void refusesCommentsAndAttachments(
      EngineRest staff, EngineRest admin, String instance, String task) {
    // a user who may not read the task's history gets the REST API's own 400 first
    EngineRest.Response byStaff =
        staff.post(
            "/task/" + task + "/comment/create", "{\"message\":\"" + text("Comment") + "\"}");
    assertThat(byStaff.status()).as(byStaff.toString()).isIn(400, 403);
    EngineRest.Response comment =
        admin.post(
            "/task/" + task + "/comment/create", "{\"message\":\"" + text("Comment") + "\"}");
    assertThat(comment.status()).as(comment.toString()).isEqualTo(403);
    assertThat(comment.body()).contains("Write notes in the task's form");
    EngineRest.Response attachment =
        admin.postMultipart(
            "/task/" + task + "/attachment/create",
            Map.of(
                "attachment-name",
                text("Name"),
                "attachment-description",
                text("Description"),
                "attachment-type",
                "text/plain"),
            "content",
            text("Content"));
    assertThat(attachment.status()).as(attachment.toString()).isEqualTo(403);
    assertThat(attachment.body()).contains("Files belong to the case's attachments");
    identity.setAuthentication("registrar", List.of(Groups.REGISTRARS));
    try {
      assertThatThrownBy(() -> tasks.createComment(null, instance, text("Case comment")))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("Write notes in the task's form");
      assertThatThrownBy(
              () ->
                  tasks.createAttachment(
                      "text/plain",
                      task,
                      instance,
                      text("Name"),
                      text("Description"),
                      new ByteArrayInputStream(text("Content").getBytes(StandardCharsets.UTF_8))))
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("Files belong to the case's attachments");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(tasks.getProcessInstanceAttachments(instance)).isEmpty();
    assertThat(tasks.getProcessInstanceComments(instance)).isEmpty();
    EngineRest.Response comments = admin.get("/task/" + task + "/comment");
    assertThat(comments.status()).as(comments.toString()).isEqualTo(200);
    assertNoMarker("/task/{id}/comment", comments.body());
  }

  /** The case's runtime variables hold no marker, and no case facts. */
  private void assertNoMarkerInRuntime(EngineRest admin, String instance) {
    String path = "/variable-instance?processInstanceIdIn=" + instance + "&deserializeValues=false";
    EngineRest.Response answer = admin.get(path);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode kept = answer.json();
    assertNoMarker(path, kept.toString());
    assertThat(kept.findValuesAsText("name"))
        .as("runtime variables")
        .noneMatch(name -> name.startsWith(ComplaintVariables.CASE_FACTS_PREFIX));
    for (String name : TASK_TEXTS) {
      assertThat(kept.findValuesAsText("name")).as("runtime variables").doesNotContain(name);
    }
    EngineRest.Response tasks = admin.get("/task?processInstanceId=" + instance);
    assertNoMarker("/task", tasks.body());
  }

  private void assertNoMarker(String path, String body) {
    String lower = body == null ? "" : body.toLowerCase(Locale.ROOT);
    assertThat(lower)
        .as("what %s answers", path)
        .doesNotContain(marker)
        .doesNotContain(phoneDigits);
  }

  private JsonNode submit() throws Exception {
    String body =
        """
        {"language":"en",
         "customer":{"name":"Name %1$s","email":"%1$s@example.lv","phone":"+371 %2$s",
                     "customerNumber":"CN-%1$s","address":"Street %1$s 1, Rīga"},
         "preferredContact":"EMAIL",
         "subject":"Cold radiators %1$s",
         "description":"No heating since Monday, %1$s.",
         "remedySought":"Repair %1$s",
         "categoryHint":"HEATING_QUALITY"}
        """
            .formatted(marker, phoneDigits);
    HttpResponse<String> created = post("/api/complaints", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body());
  }

  private Map<String, Object> draft(String what) {
    return Map.of(
        "draftAnswer",
        text(what),
        "proposedOutcome",
        "REJECTED",
        "refusalReasons",
        text(what + " reasons"),
        "needsExternalInformation",
        false);
  }

  /** A text of this field with the marker in it (mixed case: the engine must not keep any). */
  private String text(String field) {
    return field + " " + marker.toUpperCase(Locale.ROOT) + " " + phoneDigits;
  }

  private String processInstanceId(EngineRest admin, String number) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode found =
                  admin
                      .get("/history/process-instance?processInstanceBusinessKey=" + number)
                      .json();
              return found.size() == 1 ? found.get(0).get("id").asText() : null;
            },
            id -> id != null);
  }

  private void awaitStatus(String number, String code, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                json.readTree(get("/api/complaints/" + number, code).body()).get("status").asText(),
            status::equals);
  }

  private static int retriedOnConflict(Callable<HttpResponse<String>> request) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> request.call().statusCode(), status -> status != 409);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postWithCode(String path, String body, String accessCode)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("X-Access-Code", accessCode)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String accessCode) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header("X-Access-Code", accessCode).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String random(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  private static String digits(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(random.nextInt(10));
    }
    return text.toString();
  }
}
