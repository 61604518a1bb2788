package eu.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public and staff intake API over HTTP, on PostgreSQL, with the job executor running. */
class ComplaintApiIT extends ApplicationIntegrationTest {

  static final String VALID =
      """
      {"language":"en",
       "customer":{"name":"Anna Ozola","email":"anna@example.lv","phone":"+371 29000000"},
       "preferredContact":"EMAIL",
       "subject":"Radiators are cold",
       "description":"No heating in the flat since Monday.",
       "remedySought":"Restore heating",
       "categoryHint":"HEATING_QUALITY"}
      """;

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired WorkingCalendar calendar;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void submittedComplaintAppearsAsCompletenessCheckWithItsDueDate() throws Exception {
    HttpResponse<String> created = post("/api/complaints", VALID, null);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode receipt = json.readTree(created.body());
    String number = receipt.get("registrationNumber").asText();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/complaints/" + number);
    assertThat(receipt.get("accessCode").asText()).hasSizeGreaterThanOrEqualTo(10);
    Instant receivedAt = Instant.parse(receipt.get("receivedAt").asText());
    Instant due = calendar.deadline(receivedAt, 10);
    assertThat(receipt.get("responseDueDate").asText())
        .isEqualTo(calendar.localDate(due).toString());

    Task check =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    tasks
                        .createTaskQuery()
                        .processInstanceBusinessKey(number)
                        .taskDefinitionKey(ComplaintProcess.TASK_CHECK_COMPLETENESS)
                        .singleResult(),
                task -> task != null);
    assertThat(check.getDueDate()).isEqualTo(Date.from(due));

    HttpResponse<String> status =
        get("/api/complaints/" + number, receipt.get("accessCode").asText());
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(json.readTree(status.body()).get("status").asText()).isEqualTo("REGISTERED");
  }

  @Test
  void wrongAccessCodeAndUnknownNumberGetTheSameNotFound() throws Exception {
    String number =
        json.readTree(post("/api/complaints", VALID, null).body())
            .get("registrationNumber")
            .asText();

    HttpResponse<String> wrongCode = get("/api/complaints/" + number, "WRONGCODE22");
    HttpResponse<String> unknown = get("/api/complaints/1999-999999", "WRONGCODE22");

    assertThat(wrongCode.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    JsonNode wrongCodeProblem = json.readTree(wrongCode.body());
    JsonNode unknownProblem = json.readTree(unknown.body());
    assertThat(wrongCodeProblem.get("detail")).isEqualTo(unknownProblem.get("detail"));
    assertThat(wrongCodeProblem.get("status")).isEqualTo(unknownProblem.get("status"));
    assertThat(wrongCode.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void badInputIsRefusedWithTheFieldNamed() throws Exception {
    HttpResponse<String> badEmail =
        post("/api/complaints", VALID.replace("anna@example.lv", "not-an-email"), null);
    HttpResponse<String> badLanguage =
        post("/api/complaints", VALID.replace("\"en\"", "\"de\""), null);

    assertThat(badEmail.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badEmail.body()).get("field").asText()).isEqualTo("customer.email");
    assertThat(badLanguage.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badLanguage.body()).get("field").asText()).isEqualTo("language");
  }

  @Test
  void staffRegisterAComplaintFromAnotherChannelWithItsPastReceiptTime() throws Exception {
    String phoneCall =
        VALID.replace(
            "\"language\":\"en\",",
            "\"language\":\"en\",\"channel\":\"PHONE\","
                + "\"receivedAt\":\"2026-11-20T16:30:00Z\",");

    assertThat(post("/api/staff/complaints", phoneCall, null).statusCode()).isEqualTo(401);
    HttpResponse<String> created = post("/api/staff/complaints", phoneCall, "registrar");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode receipt = json.readTree(created.body());
    assertThat(receipt.get("receivedAt").asText()).isEqualTo("2026-11-20T16:30:00Z");
    // Friday 18:30 in Riga is after hours: the clock starts on Monday 23 November, and ten
    // working days after it end on Monday 7 December.
    assertThat(receipt.get("responseDueDate").asText()).isEqualTo("2026-12-07");

    HttpResponse<String> future =
        post("/api/staff/complaints", phoneCall.replace("2026-11-20", "2099-01-01"), "registrar");
    assertThat(future.statusCode()).isEqualTo(400);
    assertThat(json.readTree(future.body()).get("field").asText()).isEqualTo("receivedAt");
  }

  @Test
  void retriedSubmissionWithTheSameKeyGetsTheFirstResultAndAnotherBodyIsRefused() throws Exception {
    String key = "retry-" + System.nanoTime();
    HttpResponse<String> first = postWithKey(VALID, key);
    HttpResponse<String> retry = postWithKey(VALID, key);
    long casesBefore = cases();
    HttpResponse<String> other = postWithKey(VALID.replace("Radiators are cold", "Other"), key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(json.readTree(other.body()).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(cases()).isEqualTo(casesBefore);
  }

  @Test
  void tooLongTextIsRefusedAndNothingIsStored() throws Exception {
    long casesBefore = cases();
    HttpResponse<String> tooLong =
        post(
            "/api/complaints",
            VALID.replace("No heating in the flat since Monday.", "x".repeat(10_001)),
            null);

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooLong.body()).get("field").asText()).isEqualTo("description");
    assertThat(cases()).isEqualTo(casesBefore);
  }

  @Test
  void customerSendsInformationWithdrawsAndCannotWithdrawTwice() throws Exception {
    JsonNode receipt = json.readTree(post("/api/complaints", VALID, null).body());
    String number = receipt.get("registrationNumber").asText();
    String code = receipt.get("accessCode").asText();

    // Right after the submission the case's first steps run in the background; a request that
    // meets one of them is answered 409 "try again", and the client tries again.
    assertThat(
            retriedOnConflict(
                () ->
                    postWithCode(
                        "/api/complaints/" + number + "/information",
                        "{\"message\":\"Photo follows\"}",
                        code)))
        .isEqualTo(202);
    assertThat(
            retriedOnConflict(
                () -> postWithCode("/api/complaints/" + number + "/withdrawal", "", code)))
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                json.readTree(get("/api/complaints/" + number, code).body()).get("status").asText(),
            "WITHDRAWN"::equals);
    HttpResponse<String> again =
        postWithCode("/api/complaints/" + number + "/withdrawal", "", code);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  private static int retriedOnConflict(Callable<HttpResponse<String>> request) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> request.call().statusCode(), status -> status != 409);
  }

  @Test
  void unknownSurveyIsNotFound() throws Exception {
    HttpResponse<String> answer =
        post("/api/surveys/no-such-token", "{\"score\":5,\"comment\":\"Good\"}", null);
    HttpResponse<String> badScore = post("/api/surveys/no-such-token", "{\"score\":7}", null);

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(badScore.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badScore.body()).get("field").asText()).isEqualTo("score");
  }

  @Test
  void engineRestApiRequiresAuthentication() throws Exception {
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(uri("/engine-rest/process-definition")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> signedIn =
        http.send(
            HttpRequest.newBuilder(uri("/engine-rest/process-definition"))
                .header("Authorization", basic("manager"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(signedIn.statusCode()).isEqualTo(200);
    assertThat(signedIn.body()).contains(ComplaintProcess.PROCESS_KEY);
  }

  private HttpResponse<String> post(String path, String body, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every case ever started (history: finished cases count too). */
  private long cases() {
    return history.createHistoricProcessInstanceQuery().count();
  }

  private HttpResponse<String> postWithKey(String body, String idempotencyKey) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/complaints"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
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

  /** Demo users' password is their user id. */
  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
