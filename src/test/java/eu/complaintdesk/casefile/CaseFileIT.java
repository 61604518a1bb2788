package eu.complaintdesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.IdleJobExecutor;
import eu.complaintdesk.testing.Multipart;
import eu.complaintdesk.testing.TestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff case file over HTTP: who may see it, what it shows, how it may be framed. */
@ExtendWith(IdleJobExecutor.class)
class CaseFileIT extends ApplicationIntegrationTest {

  static final String COMPLAINT =
      """
      {"language":"lv",
       "customer":{"name":"Pēteris <b>Liepa</b>","email":"peteris@example.lv","address":"Cēsis"},
       "preferredContact":"EMAIL",
       "subject":"Rēķins <script>alert(1)</script>",
       "description":"Rēķins par novembri ir divreiz lielāks.",
       "remedySought":"Pārrēķins",
       "categoryHint":"BILLING"}
      """;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void staffSeeTheWholeCaseWithEveryValueEscaped() throws Exception {
    String number = submit();

    HttpResponse<String> page = get("/staff/complaints/" + number, "supervisor");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("Case file " + number)
        .contains("Pēteris &lt;b&gt;Liepa&lt;/b&gt;")
        .contains("peteris@example.lv")
        .contains("Rēķins &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("Rēķins par novembri ir divreiz lielāks.")
        .contains("Pārrēķins")
        .contains("API")
        .containsPattern(
            "href=\"/api/staff/complaints/" + number + "/attachments/\\d+\"[^>]*>[^<]*\\.png<")
        .contains("Messages sent (outbox)")
        .contains("Timeline")
        .doesNotContain("<script>");
  }

  @Test
  void tasklistMayFrameItAndNobodyElse() throws Exception {
    HttpResponse<String> page = get("/staff/complaints/" + submit(), "registrar");

    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp).contains("frame-ancestors 'self'").contains("default-src 'none'"));
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void withoutSigningInTheAnswerIs401AndForNonStaff403() throws Exception {
    String number = submit();
    if (identity.createUserQuery().userId("outsider").count() == 0) {
      User outsider = identity.newUser("outsider");
      outsider.setPassword("outsider");
      identity.saveUser(outsider);
    }

    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(uri("/staff/complaints/" + number)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(anonymous.body()).doesNotContain("peteris");

    assertThat(get("/staff/complaints/" + number, "outsider").statusCode()).isEqualTo(403);
    // the staff calls the case file links to follow the same rule
    HttpResponse<String> files =
        get("/api/staff/complaints/" + number + "/attachments", "outsider");
    assertThat(files.statusCode()).isEqualTo(403);
    assertThat(files.body()).doesNotContain("rēķins");
    assertThat(get("/api/staff/complaints/" + number + "/attachments", "supervisor").statusCode())
        .isEqualTo(200);
    assertThat(
            http.send(
                    HttpRequest.newBuilder(uri("/staff/complaints/" + number))
                        // outsider, not a demo user: a wrong password locks its user for a
                        // second, and the next test class may sign in as a demo user at once
                        .header("Authorization", EngineRest.basic("outsider", "wrong"))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
    assertThat(get("/staff/complaints/2000-999999", "manager").statusCode()).isEqualTo(404);
  }

  /** Submits the complaint with one photo, as a customer's browser or curl sends it. */
  private String submit() throws Exception {
    Multipart form =
        new Multipart()
            .json("complaint", COMPLAINT)
            .file("attachments", "rēķins.png", "image/png", TestFiles.png());
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    return json.readTree(created.body()).get("registrationNumber").asText();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", EngineRest.basic(user, user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
