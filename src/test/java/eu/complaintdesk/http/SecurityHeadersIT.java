package eu.complaintdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.process.StaffRegistrationProcess;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headers on every kind of answer (pages, API, engine REST, webapps, errors), {@code no-store}
 * where an access code travels, session cookies {@code SameSite=Lax}, and engine REST errors that
 * tell staff what went wrong without the engine's insides.
 */
class SecurityHeadersIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyAnswerForbidsSniffingAndNoneClaimsHttpsOverHttp() throws Exception {
    List<String> paths =
        List.of(
            "/",
            "/submit",
            "/status",
            "/no-such-page",
            "/api/complaints/NO-SUCH-1",
            "/v3/api-docs",
            "/swagger-ui/index.html",
            "/engine-rest/process-definition",
            "/camunda/app/tasklist/default/",
            "/staff/post",
            // refused by Tomcat itself, before any filter: its own error page
            "/api%2Fcomplaints");
    for (String path : paths) {
      HttpResponse<String> answer = get(path, null);
      assertThat(answer.headers().allValues("X-Content-Type-Options"))
          .as(path + " " + answer.statusCode())
          .containsExactly("nosniff");
      assertThat(answer.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
    }
    // Tomcat's own answer, not ours: the path really was refused before any filter
    assertThat(get("/api%2Fcomplaints", null).statusCode()).isEqualTo(400);
  }

  @Test
  void answersCarryingAnAccessCodeAreNotStored() throws Exception {
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CaseDriver.HEATING_COMPLAINT)));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode receipt = json.readTree(created.body());
    String number = receipt.get("registrationNumber").asText();

    HttpResponse<String> lookup =
        send(
            HttpRequest.newBuilder(uri("/api/complaints/" + number))
                .header("X-Access-Code", receipt.get("accessCode").asText())
                .GET());
    HttpResponse<String> staffIntake =
        send(
            HttpRequest.newBuilder(uri("/api/staff/complaints"))
                .header("Authorization", basic("registrar"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"language":"lv","channel":"PHONE",
                         "customer":{"name":"Ilze Kalniņa","phone":"+37120000000"},
                         "preferredContact":"SMS","subject":"Karstā ūdens nav",
                         "description":"Kopš pirmdienas nav karstā ūdens."}
                        """)));

    assertThat(lookup.statusCode()).isEqualTo(200);
    assertThat(staffIntake.statusCode()).as(staffIntake.body()).isEqualTo(201);
    for (HttpResponse<String> answer :
        List.of(created, lookup, staffIntake, get("/status", null), get("/submit", null))) {
      assertThat(answer.headers().allValues("Cache-Control"))
          .as(answer.uri().toString())
          .containsExactly("no-store");
      assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
  }

  @Test
  void swaggerUiHasAContentSecurityPolicy() throws Exception {
    HttpResponse<String> ui = get("/swagger-ui/index.html", null);

    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy ->
                assertThat(policy)
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval"));

    // and it still renders under that policy: the operations of our API appear
    WebDriver browser = Browser.start();
    try {
      browser.get(uri("/swagger-ui/index.html").toString());
      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(page -> !page.findElements(By.cssSelector(".opblock-tag")).isEmpty());
      assertThat(browser.findElements(By.cssSelector(".opblock-summary-path")))
          .extracting(WebElement::getText)
          .anySatisfy(path -> assertThat(path).contains("/api/complaints"));
    } finally {
      browser.quit();
    }
  }

  @Test
  void sessionCookiesAreSameSiteLax() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    HttpResponse<Void> page =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .findFirst()
            .orElseThrow()
            .getValue();
    HttpResponse<String> login =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=registrar&password=registrar"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> form = get("/submit", null);

    assertThat(login.statusCode()).isEqualTo(200);
    List<String> sessionCookies =
        java.util.stream.Stream.of(page.headers(), login.headers(), form.headers())
            .flatMap(headers -> headers.allValues("Set-Cookie").stream())
            // the servlet container's session, or Spring Session's when sessions live in the DB
            .filter(cookie -> cookie.startsWith("JSESSIONID=") || cookie.startsWith("SESSION="))
            .toList();
    assertThat(sessionCookies)
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));

    // the webapps' API keeps answering the session, with errors rewritten as on engine REST
    HttpResponse<String> missing =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default/task/no-such-task"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json.readTree(missing.body()).get("type").asText()).isEqualTo("NotFound");
  }

  @Test
  void engineErrorsTellStaffNoExceptionClassesButAdministratorsEverything() {
    EngineRest registrar = EngineRest.as(port, "registrar");
    EngineRest admin = EngineRest.as(port, "admin");
    String start = "/process-definition/key/" + StaffRegistrationProcess.PROCESS_KEY + "/start";
    String badNumber = "{\"variables\":{\"channel\":{\"value\":\"abc\",\"type\":\"Integer\"}}}";

    EngineRest.Response notFound = registrar.get("/task/no-such-task");
    EngineRest.Response conversion = registrar.post(start, badNumber);
    EngineRest.Response echoed = registrar.get("/process-definition/key/%24%7Bx%7D");
    EngineRest.Response asAdmin = admin.post(start, badNumber);

    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.json().get("type").asText()).isEqualTo("NotFound");
    assertThat(conversion.status()).isEqualTo(400);
    assertThat(conversion.json().get("type").asText()).isEqualTo("BadRequest");
    assertThat(conversion.body()).doesNotContain("java.lang").doesNotContain("Exception");
    assertThat(echoed.status()).isEqualTo(404);
    assertThat(echoed.body()).doesNotContain("${");
    assertThat(asAdmin.status()).isEqualTo(400);
    assertThat(asAdmin.json().get("type").asText()).endsWith("Exception");
    assertThat(asAdmin.body()).contains("java.lang.Integer");
  }

  @Test
  void ourOwnRefusalsStayWordForWordAndAStartRefusedByOurRulesIsA400() {
    EngineRest registrar = EngineRest.as(port, "registrar");
    String start = "/process-definition/key/" + StaffRegistrationProcess.PROCESS_KEY + "/start";

    EngineRest.Response selfService =
        registrar.post(
            start,
            "{\"variables\":{"
                + StartForm.LETTER.replace(
                    "\"channel\":{\"value\":\"POST\"}", "\"channel\":{\"value\":\"WEB_FORM\"}")
                + "}}");

    assertThat(selfService.status()).as(selfService.toString()).isEqualTo(400);
    assertThat(selfService.json().get("message").asText())
        .startsWith("'channel' must not be WEB_FORM");
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return EngineRest.basic(user, user);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** The start form variables of a letter (engine REST form). */
  static final class StartForm {
    static final String LETTER =
        """
        "channel":{"value":"POST"},"language":{"value":"lv"},
        "customerName":{"value":"Ilze Kalniņa"},"customerAddress":{"value":"Liepāja, Lielā iela 5"},
        "preferredContact":{"value":"POST"},"subject":{"value":"Karstā ūdens nav"},
        "description":{"value":"Kopš pirmdienas dzīvoklī nav karstā ūdens."}
        """;
  }
}
