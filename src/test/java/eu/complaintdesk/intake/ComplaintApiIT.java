package eu.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseVariables;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StoredState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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
  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired RuntimeService runtime;

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
    JsonNode view = json.readTree(status.body());
    assertThat(view.get("status").asText()).isEqualTo("REGISTERED");
    // every field of the contract is there, feedbackType null until a registrar classifies
    assertThat(view.has("feedbackType")).isTrue();
    assertThat(view.get("feedbackType").isNull()).isTrue();
    assertThat(view.get("extended").asBoolean()).isFalse();
    assertThat(view.get("timeline").isArray()).isTrue();
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
    StoredState before = stored();
    HttpResponse<String> badEmail =
        post("/api/complaints", VALID.replace("anna@example.lv", "not-an-email"), null);
    HttpResponse<String> badLanguage =
        post("/api/complaints", VALID.replace("\"en\"", "\"de\""), null);

    assertThat(badEmail.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badEmail.body()).get("field").asText()).isEqualTo("customer.email");
    assertThat(badLanguage.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badLanguage.body()).get("field").asText()).isEqualTo("language");
    assertThat(stored()).isEqualTo(before);
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
  void staffMayNeitherBackdateBeyondTheLimitNorUseSelfServiceChannels() throws Exception {
    String phoneCall =
        VALID.replace(
            "\"language\":\"en\",",
            "\"language\":\"en\",\"channel\":\"PHONE\","
                + "\"receivedAt\":\"1900-01-01T10:00:00Z\",");
    StoredState before = stored();

    HttpResponse<String> ancient = post("/api/staff/complaints", phoneCall, "registrar");
    HttpResponse<String> webForm =
        post(
            "/api/staff/complaints",
            VALID.replace("\"language\":\"en\",", "\"language\":\"en\",\"channel\":\"WEB_FORM\","),
            "registrar");
    HttpResponse<String> api =
        post(
            "/api/staff/complaints",
            VALID.replace("\"language\":\"en\",", "\"language\":\"en\",\"channel\":\"API\","),
            "registrar");

    assertThat(ancient.statusCode()).isEqualTo(400);
    assertThat(json.readTree(ancient.body()).get("field").asText()).isEqualTo("receivedAt");
    assertThat(ancient.body()).contains("90 days");
    assertThat(webForm.statusCode()).isEqualTo(400);
    assertThat(json.readTree(webForm.body()).get("field").asText()).isEqualTo("channel");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(json.readTree(api.body()).get("field").asText()).isEqualTo("channel");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void retriedSubmissionWithTheSameKeyGetsTheFirstResultAndAnotherBodyIsRefused() throws Exception {
    String key = "retry-" + System.nanoTime();
    HttpResponse<String> first = postWithKey(VALID, key);
    HttpResponse<String> retry = postWithKey(VALID, key);
    StoredState before = stored();
    HttpResponse<String> other = postWithKey(VALID.replace("Radiators are cold", "Other"), key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(json.readTree(other.body()).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void sameKeyWithAnotherFeedbackTypeHintIsAnotherSubmissionAndRefused() throws Exception {
    String key = "hint-" + System.nanoTime();
    String praise = withHint(VALID, "PRAISE");
    HttpResponse<String> first = postWithKey(praise, key);
    HttpResponse<String> retry = postWithKey(praise, key);
    StoredState before = stored();
    HttpResponse<String> complaint = postWithKey(withHint(VALID, "COMPLAINT"), key);
    HttpResponse<String> noHint = postWithKey(VALID, key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
    assertThat(complaint.statusCode()).isEqualTo(422);
    assertThat(json.readTree(complaint.body()).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(noHint.statusCode()).isEqualTo(422);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void whatTheCustomerSaysTheySendReachesTheSuggestionForTheRegistrar() throws Exception {
    // The text alone ("No heating in the flat") is suggested as a service complaint.
    String praise =
        json.readTree(post("/api/complaints", withHint(VALID, "PRAISE"), null).body())
            .get("registrationNumber")
            .asText();
    String question =
        json.readTree(
                post(
                        "/api/staff/complaints",
                        withHint(
                            VALID.replace(
                                "\"language\":\"en\",",
                                "\"language\":\"en\",\"channel\":\"PHONE\","),
                            "QUESTION"),
                        "registrar")
                    .body())
            .get("registrationNumber")
            .asText();
    String none =
        json.readTree(post("/api/complaints", VALID, null).body())
            .get("registrationNumber")
            .asText();

    assertThat(CaseVariables.onceSuggested(runtime, praise))
        .containsEntry(ComplaintVariables.FEEDBACK_TYPE_HINT, "PRAISE")
        .containsEntry(ComplaintVariables.SUGGESTED_FEEDBACK_TYPE, "PRAISE")
        .containsEntry(ComplaintVariables.SUGGESTED_PRIORITY, "LOW");
    assertThat(CaseVariables.onceSuggested(runtime, question))
        .containsEntry(ComplaintVariables.FEEDBACK_TYPE_HINT, "QUESTION")
        .containsEntry(ComplaintVariables.SUGGESTED_FEEDBACK_TYPE, "INFORMATION_REQUEST");
    assertThat(CaseVariables.onceSuggested(runtime, none))
        .containsEntry(ComplaintVariables.FEEDBACK_TYPE_HINT, null)
        .containsEntry(ComplaintVariables.SUGGESTED_FEEDBACK_TYPE, "SERVICE_COMPLAINT");
  }

  private static String withHint(String body, String hint) {
    return body.replace("\"subject\"", "\"feedbackTypeHint\":\"" + hint + "\",\"subject\"");
  }

  @Test
  void tooLongTextIsRefusedAndNothingIsStored() throws Exception {
    StoredState before = stored();
    HttpResponse<String> tooLong =
        post(
            "/api/complaints",
            VALID.replace("No heating in the flat since Monday.", "x".repeat(10_001)),
            null);

    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json.readTree(tooLong.body()).get("field").asText()).isEqualTo("description");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void customerSendsInformationWithdrawsAndCannotWithdrawTwice() throws Exception {
    JsonNode receipt = json.readTree(post("/api/complaints", VALID, null).body());
    String number = receipt.get("registrationNumber").asText();
    String code = receipt.get("accessCode").asText();
    // Let the acknowledgement step finish: a withdrawal racing a running step is answered 409.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(number).count() > 0);

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

  /** Every kind of bad submission, the field it must name, and the answer's status. */
  static Stream<Arguments> badSubmissions() {
    String noEmail = VALID.replace("\"email\":\"anna@example.lv\",", "");
    return Stream.of(
        Arguments.of("EMAIL preferred without e-mail", noEmail, "customer.email"),
        Arguments.of(
            "SMS preferred without phone",
            VALID
                .replace("\"phone\":\"+371 29000000\"", "\"customerNumber\":\"C-1\"")
                .replace("\"EMAIL\"", "\"SMS\""),
            "customer.phone"),
        Arguments.of(
            "POST preferred without address",
            VALID.replace("\"EMAIL\"", "\"POST\""),
            "customer.address"),
        Arguments.of(
            "no contact at all",
            noEmail.replace(",\"phone\":\"+371 29000000\"", ""),
            "customer.email"),
        Arguments.of(
            "malformed e-mail",
            VALID.replace("anna@example.lv", "anna@@example"),
            "customer.email"),
        Arguments.of(
            "malformed phone", VALID.replace("+371 29000000", "call me maybe"), "customer.phone"),
        Arguments.of("unknown language", VALID.replace("\"en\"", "\"de\""), "language"),
        Arguments.of("missing language", VALID.replace("\"language\":\"en\",", ""), "language"),
        Arguments.of(
            "unknown preferred contact",
            VALID.replace("\"EMAIL\"", "\"PIGEON\""),
            "preferredContact"),
        Arguments.of(
            "unknown category code",
            VALID.replace("HEATING_QUALITY", "heating quality"),
            "categoryHint"),
        Arguments.of(
            "unknown feedback type hint",
            VALID.replace("\"subject\"", "\"feedbackTypeHint\":\"COMPLIMENT\",\"subject\""),
            "feedbackTypeHint"),
        Arguments.of(
            "feedback type instead of the customer's word",
            VALID.replace("\"subject\"", "\"feedbackTypeHint\":\"SERVICE_COMPLAINT\",\"subject\""),
            "feedbackTypeHint"),
        Arguments.of(
            "missing subject", VALID.replace("\"subject\":\"Radiators are cold\",", ""), "subject"),
        Arguments.of(
            "name over 200", VALID.replace("Anna Ozola", "A".repeat(201)), "customer.name"),
        Arguments.of(
            "e-mail over 254",
            VALID.replace("anna@example.lv", "a".repeat(250) + "@example.lv"),
            "customer.email"),
        Arguments.of(
            "customer number over 50",
            VALID.replace("\"phone\"", "\"customerNumber\":\"" + "7".repeat(51) + "\",\"phone\""),
            "customer.customerNumber"),
        Arguments.of(
            "address over 500",
            VALID.replace("\"phone\"", "\"address\":\"" + "x".repeat(501) + "\",\"phone\""),
            "customer.address"),
        Arguments.of(
            "subject over 200", VALID.replace("Radiators are cold", "x".repeat(201)), "subject"),
        Arguments.of(
            "remedy over 2000", VALID.replace("Restore heating", "x".repeat(2001)), "remedySought"),
        Arguments.of(
            "NUL in the name", VALID.replace("Anna Ozola", "Anna\\u0000 Ozola"), "customer.name"),
        Arguments.of(
            "BEL in the name", VALID.replace("Anna Ozola", "Anna\\u0007 Ozola"), "customer.name"),
        Arguments.of(
            "NUL in the description",
            VALID.replace("since Monday.", "since\\u0000 Monday."),
            "description"),
        Arguments.of(
            "BEL in the description",
            VALID.replace("since Monday.", "since\\u0007 Monday."),
            "description"),
        Arguments.of(
            "C1 control in the subject",
            VALID.replace("Radiators are cold", "Radiators\\u0085 are cold"),
            "subject"),
        Arguments.of(
            "unpaired surrogate in the address",
            VALID.replace("\"phone\"", "\"address\":\"Iela \\uD800 1\",\"phone\""),
            "customer.address"),
        Arguments.of(
            "channel from the public",
            VALID.replace("\"language\":\"en\",", "\"language\":\"en\",\"channel\":\"PHONE\","),
            "channel"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void badSubmissionIsRefusedNamingTheFieldAndNothingIsStored(
      String what, String body, String field) throws Exception {
    StoredState before = stored();

    HttpResponse<String> refused = post("/api/complaints", body, null);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.get("field").asText()).isEqualTo(field);
    assertThat(problem.get("detail").asText()).startsWith(field);
    assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void malformedJsonAndWrongContentTypeAreRefusedAndNothingIsStored() throws Exception {
    StoredState before = stored();

    HttpResponse<String> malformed = post("/api/complaints", "{\"language\":\"en\",", null);
    HttpResponse<String> wrongType =
        http.send(
            HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(malformed.body()).get("detail").asText()).contains("not valid JSON");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(wrongType.body()).get("field").asText()).isEqualTo("Content-Type");
    assertThat(json.readTree(wrongType.body()).get("detail").asText())
        .contains("application/json", "multipart/form-data");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void wrongAccessCodeSendsNothingAndWithdrawsNothing() throws Exception {
    JsonNode receipt = json.readTree(post("/api/complaints", VALID, null).body());
    String number = receipt.get("registrationNumber").asText();
    StoredState before = stored();

    HttpResponse<String> information =
        postWithCode(
            "/api/complaints/" + number + "/information", "{\"message\":\"Hi\"}", "WRONGCODE22");
    HttpResponse<String> unknownInformation =
        postWithCode(
            "/api/complaints/1999-999999/information", "{\"message\":\"Hi\"}", "WRONGCODE22");
    HttpResponse<String> withdrawal =
        postWithCode("/api/complaints/" + number + "/withdrawal", "", "WRONGCODE22");
    HttpResponse<String> noCode = get("/api/complaints/" + number, "");

    assertThat(information.statusCode()).isEqualTo(404);
    assertThat(json.readTree(information.body()).get("detail"))
        .isEqualTo(json.readTree(unknownInformation.body()).get("detail"));
    assertThat(withdrawal.statusCode()).isEqualTo(404);
    assertThat(noCode.statusCode()).isEqualTo(404);
    assertThat(stored()).isEqualTo(before);
    assertThat(
            json.readTree(
                    get("/api/complaints/" + number, receipt.get("accessCode").asText()).body())
                .get("status")
                .asText())
        .isNotEqualTo("WITHDRAWN");
  }

  @Test
  void informationIsKeptAndShownEvenWhenTheCaseIsNotWaitingForIt() throws Exception {
    JsonNode receipt = json.readTree(post("/api/complaints", VALID, null).body());
    String number = receipt.get("registrationNumber").asText();
    String code = receipt.get("accessCode").asText();
    StoredState before = stored();

    HttpResponse<String> accepted =
        postWithCode(
            "/api/complaints/" + number + "/information", "{\"message\":\"Also the hall\"}", code);
    HttpResponse<String> empty =
        postWithCode("/api/complaints/" + number + "/information", "{\"message\":\" \"}", code);
    HttpResponse<String> tooLong =
        postWithCode(
            "/api/complaints/" + number + "/information",
            "{\"message\":\"" + "x".repeat(10_001) + "\"}",
            code);
    HttpResponse<String> bell =
        postWithCode(
            "/api/complaints/" + number + "/information",
            "{\"message\":\"Ring\\u0007 twice\"}",
            code);

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(stored().messages()).isEqualTo(before.messages() + 1);
    assertThat(json.readTree(empty.body()).get("field").asText()).isEqualTo("message");
    assertThat(json.readTree(tooLong.body()).get("field").asText()).isEqualTo("message");
    assertThat(bell.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bell.body()).get("field").asText()).isEqualTo("message");
    assertThat(stored().messages()).isEqualTo(before.messages() + 1);
    assertThat(
            json.readTree(get("/api/complaints/" + number, code).body())
                .get("timeline")
                .findValuesAsText("event"))
        .contains("REGISTERED", "CUSTOMER_MESSAGE");
  }

  @Test
  void surveyIsAnsweredOnceAndNotAfterItExpired() throws Exception {
    JsonNode receipt =
        json.readTree(
            post("/api/complaints", VALID.replace("HEATING_QUALITY", "BILLING"), null).body());
    String number = receipt.get("registrationNumber").asText();
    long id = register.findByRegistrationNumber(number).orElseThrow().id();
    completeTask(
        number, ComplaintProcess.TASK_CHECK_COMPLETENESS, "registrar", Map.of("complete", true));
    completeTask(
        number,
        ComplaintProcess.TASK_CLASSIFY_COMPLAINT,
        "registrar",
        Map.of("feedbackType", "INFORMATION_REQUEST", "category", "BILLING"));
    completeTask(
        number,
        ComplaintProcess.TASK_ANSWER_INFORMATION_REQUEST,
        "handler",
        Map.of("answer", "Bills are due on the 20th."));
    String token =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> surveys.latestToken(id).orElse(null), t -> t != null);
    String expired = surveys.open(id, Instant.now().minus(Duration.ofMinutes(1)));

    HttpResponse<String> late = post("/api/surveys/" + expired, "{\"score\":5}", null);
    HttpResponse<String> bell =
        post("/api/surveys/" + token, "{\"score\":4,\"comment\":\"Quick\\u0007\"}", null);
    HttpResponse<String> answered =
        post("/api/surveys/" + token, "{\"score\":4,\"comment\":\"Quick and polite\"}", null);
    HttpResponse<String> again = post("/api/surveys/" + token, "{\"score\":5}", null);

    assertThat(late.statusCode()).as(late.body()).isEqualTo(410);
    assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(bell.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bell.body()).get("field").asText()).isEqualTo("comment");
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(surveys.find(token).orElseThrow().score()).isEqualTo(4);
  }

  private void completeTask(
      String number, String taskId, String user, Map<String, Object> variables) {
    Task task =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    tasks
                        .createTaskQuery()
                        .processInstanceBusinessKey(number)
                        .taskDefinitionKey(taskId)
                        .singleResult(),
                found -> found != null);
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
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
  void unknownAddressAndWrongMethodAreProblemsToo() throws Exception {
    HttpResponse<String> unknown =
        http.send(
            HttpRequest.newBuilder(uri("/api/no-such-thing")).header("Accept", "*/*").build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrongMethod =
        http.send(
            HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    for (HttpResponse<String> response : List.of(unknown, wrongMethod)) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
      assertThat(problem.get("detail").asText()).isNotBlank();
    }
    assertThat(json.readTree(unknown.body()).get("instance").asText())
        .isEqualTo("/api/no-such-thing");
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
                .header("Authorization", EngineRest.basic("manager", "manager"))
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
      request.header("Authorization", EngineRest.basic(user, user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Complaints, attachments, messages and cases ever started (finished ones too). */
  private StoredState stored() {
    return StoredState.of(jdbc, history);
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
}
