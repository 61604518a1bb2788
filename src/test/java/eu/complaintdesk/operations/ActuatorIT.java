package eu.complaintdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health for everyone (details for administrators), metrics for administrators only. */
class ActuatorIT extends ApplicationIntegrationTest {

  static final String VALID =
      """
      {"language":"en",
       "customer":{"name":"Anna Ozola","email":"anna@example.lv"},
       "preferredContact":"EMAIL",
       "subject":"Radiators are cold",
       "description":"No heating in the flat since Monday."}
      """;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void healthIsPublicAndTellsAnonymousCallersOnlyTheStatus() throws Exception {
    HttpResponse<String> health = get("/actuator/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(health.body());
    assertThat(body.get("status").asText()).isEqualTo("UP");
    assertThat(body.has("components")).isFalse();
    assertThat(body.has("details")).isFalse();
    assertThat(health.body()).doesNotContain("jobExecutor", "db", "postgres", "diskSpace");
    // a component by name is a detail too
    assertThat(get("/actuator/health/db", null).statusCode()).isEqualTo(404);
  }

  @Test
  void livenessAndReadinessAreUpAndOnlyAdministratorsSeeWhatReadinessIsMadeOf() throws Exception {
    HttpResponse<String> liveness = get("/actuator/health/liveness", null);
    HttpResponse<String> readiness = get("/actuator/health/readiness", null);
    HttpResponse<String> asManager = get("/actuator/health/readiness", "manager");
    HttpResponse<String> asAdmin = get("/actuator/health/readiness", "admin");

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(json.readTree(liveness.body()).get("status").asText()).isEqualTo("UP");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(json.readTree(readiness.body()).get("status").asText()).isEqualTo("UP");
    assertThat(json.readTree(readiness.body()).has("components")).isFalse();
    assertThat(json.readTree(asManager.body()).has("components")).isFalse();

    JsonNode components = json.readTree(asAdmin.body()).get("components");
    assertThat(components).isNotNull();
    assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
    assertThat(components.get("readinessState").get("status").asText()).isEqualTo("UP");
    JsonNode jobExecutor = components.get("jobExecutor");
    assertThat(jobExecutor.get("status").asText()).isEqualTo("UP");
    assertThat(jobExecutor.get("details").get("active").asBoolean()).isTrue();
    assertThat(jobExecutor.get("details").get("acquiring").asBoolean()).isTrue();
    // liveness does not depend on the database
    JsonNode live = json.readTree(get("/actuator/health/liveness", "admin").body());
    assertThat(live.get("components").has("db")).isFalse();
  }

  @Test
  void metricsAreForAdministratorsOnly() throws Exception {
    HttpResponse<String> anonymous = get("/actuator/prometheus", null);
    HttpResponse<String> manager = get("/actuator/prometheus", "manager");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic "));
    assertThat(anonymous.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(anonymous.body()).doesNotContain("complaints_");
    assertThat(manager.statusCode()).isEqualTo(403);
    assertThat(manager.body()).doesNotContain("complaints_");
  }

  @Test
  void onlyHealthAndMetricsAreExposed() throws Exception {
    for (String endpoint : new String[] {"env", "beans", "configprops", "heapdump", "loggers"}) {
      assertThat(get("/actuator/" + endpoint, "admin").statusCode()).as(endpoint).isEqualTo(404);
    }
  }

  @Test
  void administratorsReadTheComplaintMetricsAndASubmissionCountsInItsChannel() throws Exception {
    double before = value(prometheus(), "complaints_intake_total", "channel=\"API\"");

    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);

    String metrics = prometheus();
    assertThat(value(metrics, "complaints_intake_total", "channel=\"API\"")).isEqualTo(before + 1);
    assertThat(value(metrics, "complaints_intake_total", "channel=\"PHONE\"")).isNotNaN();
    assertThat(value(metrics, "complaints_jobs_backlog", "")).isGreaterThanOrEqualTo(0);
    assertThat(value(metrics, "complaints_incidents_open", "")).isGreaterThanOrEqualTo(0);
    assertThat(value(metrics, "complaints_notifications_failed", "channel=\"EMAIL\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(
            value(metrics, "complaints_notifications_delivery_failures_total", "channel=\"SMS\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(value(metrics, "complaints_deadline_breaches_total", "deadline=\"case\""))
        .isGreaterThanOrEqualTo(0);
    assertThat(value(metrics, "complaints_deadline_breaches_total", "deadline=\"draft\""))
        .isGreaterThanOrEqualTo(0);
    // no personal data in any tag
    assertThat(metrics).doesNotContain("anna", "Ozola", "Radiators");
  }

  private String prometheus() throws Exception {
    HttpResponse<String> admin = get("/actuator/prometheus", "admin");
    assertThat(admin.statusCode()).isEqualTo(200);
    return admin.body();
  }

  /** The sample of the metric whose tags contain {@code tag}; NaN if there is none. */
  static double value(String metrics, String name, String tag) {
    Matcher sample =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    while (sample.find()) {
      String tags = sample.group(1) == null ? "" : sample.group(1);
      if (tags.contains(tag)) {
        return Double.parseDouble(sample.group(2));
      }
    }
    return Double.NaN;
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return get(path, user, user);
  }

  private HttpResponse<String> get(String path, String user, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (user != null) {
      request.header("Authorization", EngineRest.basic(user, password));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
