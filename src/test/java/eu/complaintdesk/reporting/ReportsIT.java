package eu.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' reports over HTTP on PostgreSQL, with cases that went through the real process:
 * registered by staff as received on one day weeks ago (a day no other test uses), two of them
 * decided and answered, one left at intake.
 */
class ReportsIT extends ApplicationIntegrationTest {

  /** Personal data and free text of the cases; none of it may appear in a report. */
  static final String NAME = "Jānis Bērziņš-Иванов";

  static final String PHONE = "+371 2612 3456";
  static final String CUSTOMER_NUMBER = "K-77-2030";
  static final String SUBJECT = "=HYPERLINK(\\\"http://evil.example\\\"),cold";
  static final String DESCRIPTION = "Radiatori auksti, \\\"vēl\\\" joprojām\\nкак и раньше";

  @LocalServerPort int port;
  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired WorkingCalendar calendar;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();
  CaseDriver cases;

  @BeforeEach
  void driver() {
    cases = new CaseDriver(port);
    StaffUsers.ensure(identity, StaffUsers.BILLING_CLERK, "dept-billing");
  }

  @Test
  void managersSeeTheFiguresAndExportTheCasesOfTheDayTheyWereReceived() throws Exception {
    LocalDate day = calendar.localDate(Instant.now()).minusDays(47);
    Instant receivedAt = day.atTime(LocalTime.of(10, 0)).atZone(calendar.zone()).toInstant();
    String email = "reports-" + System.nanoTime() + "@example.lv";

    String rejected = registerByPhone(receivedAt, email, "PHONE");
    String upheld = registerByPhone(receivedAt.plusSeconds(600), email, "PHONE");
    String waiting = registerByPhone(receivedAt.plusSeconds(1200), email, "VISIT");

    decide(rejected, "REJECTED");
    long upheldId = id(upheld);
    classify(upheld);
    cases.awaitTask(upheld, "UserTask_DraftAnswer");
    // due in the future: this one is answered on time, the rejected one weeks late
    register.setResponseDue(upheldId, Instant.now().plus(Duration.ofDays(7)), false, null);
    draftAndReview(upheld, "UPHELD");

    long rejectedId = id(rejected);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                register.timeline(rejectedId).stream()
                    .map(TimelineEntry::type)
                    .anyMatch("APPEAL_NOTICE"::equals));
    String token =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> surveys.latestToken(upheldId).orElse(null), t -> t != null);
    await().atMost(Duration.ofSeconds(60)).until(() -> surveys.latestToken(rejectedId).isPresent());
    HttpResponse<String> rated =
        send(
            HttpRequest.newBuilder(uri("/api/surveys/" + token))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"score\":5}")));
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(204);

    Complaint first = register.findByRegistrationNumber(rejected).orElseThrow();
    Complaint second = register.findByRegistrationNumber(upheld).orElseThrow();
    int firstDays = calendar.workingDaysTaken(first.receivedAt(), first.answeredAt());
    int secondDays = calendar.workingDaysTaken(second.receivedAt(), second.answeredAt());
    String period = "?from=" + day + "&to=" + day;

    HttpResponse<String> answer = get("/api/reports/kpis" + period, "manager");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode kpis = json.readTree(answer.body());

    assertThat(kpis.at("/period/from").asText()).isEqualTo(day.toString());
    assertThat(kpis.at("/period/zone").asText()).isEqualTo(calendar.zone().getId());
    assertThat(kpis.get("received").asLong()).isEqualTo(3);
    assertThat(kpis.at("/byFeedbackType/SERVICE_COMPLAINT").asLong()).isEqualTo(2);
    assertThat(kpis.at("/byFeedbackType/UNCLASSIFIED").asLong()).isEqualTo(1);
    assertThat(kpis.at("/byFeedbackType/PRAISE").asLong()).isZero();
    assertThat(kpis.at("/byChannel/PHONE").asLong()).isEqualTo(2);
    assertThat(kpis.at("/byChannel/VISIT").asLong()).isEqualTo(1);
    assertThat(kpis.at("/byCategory/HEATING_QUALITY").asLong()).isEqualTo(2);
    assertThat(kpis.at("/timeliness/answered").asLong()).isEqualTo(2);
    assertThat(kpis.at("/timeliness/onTime").asLong()).isEqualTo(1);
    assertThat(kpis.at("/timeliness/late").asLong()).isEqualTo(1);
    assertThat(kpis.at("/timeliness/onTimeRate").asDouble()).isEqualTo(0.5);
    assertThat(firstDays).isGreaterThan(20);
    assertThat(kpis.at("/responseTime/medianWorkingDays").asDouble())
        .isEqualTo((firstDays + secondDays) / 2.0);
    assertThat(kpis.at("/responseTime/averageWorkingDays").asDouble())
        .isEqualTo((firstDays + secondDays) / 2.0);
    assertThat(kpis.at("/extension/complaints").asLong()).isEqualTo(2);
    assertThat(kpis.at("/extension/rate").asDouble()).isZero();
    assertThat(kpis.at("/appealNotice/answeredComplaints").asLong()).isEqualTo(2);
    assertThat(kpis.at("/appealNotice/notFullyUpheld").asLong()).isEqualTo(1);
    assertThat(kpis.at("/appealNotice/appealNotices").asLong()).isEqualTo(1);
    assertThat(kpis.at("/appealNotice/rate").asDouble()).isEqualTo(0.5);
    assertThat(kpis.at("/satisfaction/invited").asLong()).isEqualTo(2);
    assertThat(kpis.at("/satisfaction/answers").asLong()).isEqualTo(1);
    assertThat(kpis.at("/satisfaction/responseRate").asDouble()).isEqualTo(0.5);
    assertThat(kpis.at("/satisfaction/averageScore").asDouble()).isEqualTo(5.0);
    assertThat(kpis.at("/satisfaction/distribution/5").asLong()).isEqualTo(1);
    assertThat(kpis.at("/backlog/open").asLong()).isEqualTo(1);
    assertThat(kpis.at("/backlog/overdue").asLong()).isEqualTo(1);
    assertThat(kpis.at("/backlog/openInRegister").asLong()).isGreaterThanOrEqualTo(1);
    // the second complaint of the same customer and category; the first had none before it
    assertThat(kpis.at("/repeatComplaints").asLong()).isEqualTo(1);
    assertThat(kpis.at("/outcomes/REJECTED").asLong()).isEqualTo(1);
    assertThat(kpis.at("/outcomes/UPHELD").asLong()).isEqualTo(1);
    assertThat(kpis.at("/outcomes/PARTIALLY_UPHELD").asLong()).isZero();

    HttpResponse<byte[]> export = getBytes("/api/reports/complaints.csv" + period, "manager");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/csv")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("complaints-" + day + "-" + day + ".csv");
    byte[] bytes = export.body();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    String[] lines = csv.split("\r\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo(String.join(",", ComplaintsCsv.COLUMNS));
    assertThat(lines[1])
        .startsWith(
            rejected
                + ","
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(receivedAt.atZone(calendar.zone()))
                + ",PHONE,")
        .contains(",SERVICE_COMPLAINT,HEATING_QUALITY,")
        .endsWith(",REJECTED," + firstDays + ",false,true,false,");
    assertThat(lines[2])
        .startsWith(upheld + ",")
        .endsWith(",UPHELD," + secondDays + ",true,false,true,5");
    assertThat(lines[3])
        .startsWith(waiting + ",")
        .contains(",VISIT,,,")
        .endsWith(",,,,false,false,");
    assertThat(csv)
        .doesNotContain(email, "Jānis", "Иванов", "2612", CUSTOMER_NUMBER, "HYPERLINK")
        .doesNotContain("Radiatori", "как", "Brīvības");
  }

  @Test
  void onlyManagersSupervisorsProcessOwnersAndAdministratorsReadReports() throws Exception {
    for (String path : new String[] {"/api/reports/kpis", "/api/reports/complaints.csv"}) {
      HttpResponse<String> anonymous = get(path, null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      for (String user : new String[] {"registrar", "handler", StaffUsers.BILLING_CLERK}) {
        HttpResponse<String> refused = get(path, user);
        assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
            .startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("registrationNumber");
      }
      for (String user : new String[] {"manager", "supervisor", "owner", "admin"}) {
        assertThat(get(path, user).statusCode()).as(user + " " + path).isEqualTo(200);
      }
    }
  }

  @Test
  void badPeriodsAreRefusedNamingTheField() throws Exception {
    LocalDate today = calendar.localDate(Instant.now());
    Map<String, String> refused =
        Map.of(
            "?from=2026-02-30",
            "from",
            "?to=05.12.2026",
            "to",
            "?from=" + today.plusDays(1),
            "from",
            "?to=" + today.plusDays(1),
            "to",
            "?from=" + today + "&to=" + today.minusDays(1),
            "from",
            "?from=" + today.minusDays(400) + "&to=" + today,
            "to");
    for (Map.Entry<String, String> bad : refused.entrySet()) {
      for (String path : new String[] {"/api/reports/kpis", "/api/reports/complaints.csv"}) {
        HttpResponse<String> answer = get(path + bad.getKey(), "manager");
        assertThat(answer.statusCode()).as(path + bad.getKey()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
            .startsWith("application/problem+json");
        assertThat(json.readTree(answer.body()).get("field").asText())
            .as(path + bad.getKey())
            .isEqualTo(bad.getValue());
      }
    }
    JsonNode defaults = json.readTree(get("/api/reports/kpis", "manager").body());
    assertThat(defaults.at("/period/to").asText()).isEqualTo(today.toString());
    assertThat(defaults.at("/period/from").asText()).isEqualTo(today.minusDays(29).toString());
  }

  // --- driving the cases ------------------------------------------------------------------

  private String registerByPhone(Instant receivedAt, String email, String channel) {
    String body =
        """
        {"language":"lv","channel":"%s","receivedAt":"%s",
         "customer":{"name":"%s","email":"%s","phone":"%s","customerNumber":"%s",
                     "address":"Brīvības iela 1, Rīga"},
         "preferredContact":"EMAIL",
         "subject":"%s",
         "description":"%s",
         "categoryHint":"HEATING_QUALITY"}
        """
            .formatted(
                channel, receivedAt, NAME, email, PHONE, CUSTOMER_NUMBER, SUBJECT, DESCRIPTION);
    EngineRest.Response created = cases.staffRegistration("registrar", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("registrationNumber").asText();
  }

  private void classify(String number) {
    EngineRest registrar = EngineRest.as(port, "registrar");
    cases.work(registrar, number, "UserTask_CheckCompleteness", Map.of("complete", true));
    cases.work(
        registrar,
        number,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "SERVICE_COMPLAINT", "category", "HEATING_QUALITY"));
  }

  private void decide(String number, String outcome) {
    classify(number);
    draftAndReview(number, outcome);
  }

  private void draftAndReview(String number, String outcome) {
    Map<String, Object> draft = new HashMap<>(CaseDriver.draft(outcome));
    if (!"UPHELD".equals(outcome)) {
      draft.put("refusalReasons", "The temperature met the contract.");
    }
    cases.work(EngineRest.as(port, "handler"), number, "UserTask_DraftAnswer", draft);
    cases.work(
        EngineRest.as(port, "supervisor"),
        number,
        "UserTask_ReviewAnswer",
        Map.of("answerApproved", true));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> register.findByRegistrationNumber(number).orElseThrow().answeredAt() != null);
  }

  private long id(String number) {
    return register.findByRegistrationNumber(number).orElseThrow().id();
  }

  // --- HTTP -------------------------------------------------------------------------------

  private HttpResponse<String> get(String path, String user) throws Exception {
    return send(signedIn(HttpRequest.newBuilder(uri(path)).GET(), user));
  }

  private HttpResponse<byte[]> getBytes(String path, String user) throws Exception {
    return http.send(
        signedIn(HttpRequest.newBuilder(uri(path)).GET(), user).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpRequest.Builder signedIn(HttpRequest.Builder request, String user) {
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
