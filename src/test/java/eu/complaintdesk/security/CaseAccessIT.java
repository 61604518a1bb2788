package eu.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staff read only the cases their groups may see (one rule for the case file, its files and its
 * outbox), and no other site can make a browser that holds staff credentials register anything.
 */
class CaseAccessIT extends ApplicationIntegrationTest {

  static final String PHONE_CALL =
      """
      {"language":"en","channel":"PHONE",
       "customer":{"name":"Jānis Bērziņš","email":"janis@example.lv"},
       "preferredContact":"EMAIL",
       "subject":"%s",
       "description":"The meter reading on my bill is wrong."}
      """;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();
  CaseDriver cases;

  @BeforeEach
  void staffOfOneDepartment() {
    cases = new CaseDriver(port);
    StaffUsers.ensure(identity, StaffUsers.BILLING_CLERK, "dept-billing");
    StaffUsers.ensure(identity, StaffUsers.HEAT_CLERK, "dept-heat-quality");
  }

  @Test
  void departmentStaffReadOnlyTheirDepartmentsCasesAndOthersLookUnknown() throws Exception {
    String number = cases.heatingComplaintAwaitingDraft();
    cases.awaitTask(number, AccessIT.DRAFT);

    for (String path :
        new String[] {
          "/staff/complaints/" + number,
          "/api/staff/complaints/" + number + "/attachments",
          "/api/staff/complaints/" + number + "/messages",
          "/api/staff/complaints/" + number + "/letters/1",
          // other spellings of the same paths reach the same controllers
          "/staff/complaint%73/" + number,
          "/api/staff/complaint%73/" + number + "/messages",
          "/api/staff/complaints/" + number + ";x=1/attachments"
        }) {
      HttpResponse<String> refused = get(path, StaffUsers.BILLING_CLERK);
      assertThat(refused.statusCode()).as(path).isEqualTo(404);
      assertThat(refused.body()).as(path).doesNotContain("Anna").doesNotContain("Radiators");
      // the same answer as for a number that does not exist: nothing to enumerate
      HttpResponse<String> unknown =
          get(path.replace(number, "2000-999999"), StaffUsers.BILLING_CLERK);
      assertThat(unknown.statusCode()).as(path).isEqualTo(404);
      assertThat(unknown.body()).as(path).isEqualTo(refused.body().replace(number, "2000-999999"));
    }
    assertThat(
            json.readTree(
                    get("/api/staff/complaints/" + number + "/messages", StaffUsers.BILLING_CLERK)
                        .body())
                .get("status")
                .asInt())
        .isEqualTo(404);

    for (String user : new String[] {StaffUsers.HEAT_CLERK, "manager", "supervisor", "registrar"}) {
      HttpResponse<String> page = get("/staff/complaints/" + number, user);
      assertThat(page.statusCode()).as(user).isEqualTo(200);
      assertThat(page.body()).as(user).contains("Case file " + number).contains("Anna Ozola");
      assertThat(get("/api/staff/complaints/" + number + "/attachments", user).statusCode())
          .as(user)
          .isEqualTo(200);
      assertThat(get("/api/staff/complaints/" + number + "/messages", user).statusCode())
          .as(user)
          .isEqualTo(200);
    }
  }

  @Test
  void departmentStaffDoNotSeeACaseBeforeItIsRoutedToThem() throws Exception {
    String number = cases.submit(CaseDriver.HEATING_COMPLAINT);

    assertThat(get("/staff/complaints/" + number, StaffUsers.HEAT_CLERK).statusCode())
        .isEqualTo(404);
    assertThat(get("/staff/complaints/" + number, "registrar").statusCode()).isEqualTo(200);
  }

  @Test
  void aCrossSitePostWithStaffCredentialsIsRefusedAndStoresNothing() throws Exception {
    String subject = "Cross-site " + System.nanoTime();
    String body = PHONE_CALL.formatted(subject);

    HttpResponse<String> evil =
        post(body, Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    HttpResponse<String> evilOrigin = post(body, Map.of("Origin", "https://evil.example"));
    assertThat(evilOrigin.statusCode()).isEqualTo(403);
    HttpResponse<String> otherPort = post(body, Map.of("Origin", "http://localhost:" + (port + 1)));
    assertThat(otherPort.statusCode()).isEqualTo(403);
    HttpResponse<String> sameSite = post(body, Map.of("Sec-Fetch-Site", "same-site"));
    assertThat(sameSite.statusCode()).isEqualTo(403);
    assertThat(stored(subject)).isZero();

    HttpResponse<String> sameOrigin =
        post(body, Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"));
    assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(201);
    HttpResponse<String> curl = post(body, Map.of());
    assertThat(curl.statusCode()).as(curl.body()).isEqualTo(201);
    assertThat(stored(subject)).isEqualTo(2);
  }

  private long stored(String subject) {
    return jdbc.queryForObject(
        "select count(*) from complaint where subject = ?", Long.class, subject);
  }

  private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/staff/complaints"))
            .header("Content-Type", "application/json")
            .header("Authorization", EngineRest.basic("registrar", "registrar"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", EngineRest.basic(user, user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
