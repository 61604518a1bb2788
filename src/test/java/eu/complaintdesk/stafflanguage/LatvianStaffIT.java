package eu.complaintdesk.stafflanguage;

import static eu.complaintdesk.process.ComplaintProcess.TASK_CHECK_COMPLETENESS;
import static eu.complaintdesk.process.ComplaintProcess.TASK_CLASSIFY_COMPLAINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.TasklistSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With the staff language Latvian ({@code complaints.notifications.staff-language=lv}) a registrar
 * sees the task forms in Tasklist in Latvian (a real browser, Debian's Chromium, headless), and the
 * case file, the post room and the dashboard answer in Latvian. The one context of the tests in the
 * staff language: the shared integration context's staff language is English; this one runs in a
 * JVM of its own ({@code own-engine}, pom.xml), as a second engine named "default" must.
 */
@Tag("own-engine")
@TestPropertySource(properties = "complaints.notifications.staff-language=lv")
class LatvianStaffIT extends ApplicationIntegrationTest {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final String LATVIAN_DATE_TIME = "\\d{2}\\.\\d{2}\\.\\d{4}\\. \\d{2}:\\d{2}";

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aRegistrarSeesTheTaskFormsInLatvianInTasklist() throws Exception {
    String number = submitComplaint();
    Task check = awaitTask(number, TASK_CHECK_COMPLETENESS);

    WebDriver browser = Browser.start(1400, 1600);
    try {
      WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
      wait.ignoring(StaleElementReferenceException.class);
      Browser.signInToTasklist(browser, base(), "registrar");
      browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + check.getId());
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".fjs-form"), "Iesniegums " + number));
      String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
      assertThat(form)
          .contains("Atvērt lietas materiālus", "Klients", "Ieteiktajai jomai")
          .contains("Visa nepieciešamā informācija ir saņemta", "Kas jālūdz klientam")
          .doesNotContain("Open the case file", "Everything required is there");
      assertThat(
              browser
                  .findElement(By.cssSelector("a[href='/staff/complaints/" + number + "']"))
                  .getText())
          .isEqualTo("Atvērt lietas materiālus");
      Browser.screenshot(browser, "lv-Form_CheckCompleteness");

      completeAs("registrar", check, Map.of("complete", true));
      Task classify = awaitTask(number, TASK_CLASSIFY_COMPLAINT);
      browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + classify.getId());
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".fjs-form"), "Noteikumu ieteikums"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
          .contains("Iesnieguma veids", "Joma", "Prioritāte")
          .doesNotContain("Type of feedback", "Category");
      Browser.screenshot(browser, "lv-Form_ClassifyComplaint");
    } finally {
      browser.quit();
    }
  }

  @Test
  void engineRestAnswersTheDeployedFormsInLatvianWithTheirKeysAndValues() throws Exception {
    String number = submitComplaint();
    Task check = awaitTask(number, TASK_CHECK_COMPLETENESS);
    EngineRest registrar = EngineRest.as(port, "registrar");

    var form = registrar.get("/task/" + check.getId() + "/deployed-form");
    var start =
        registrar.get("/process-definition/key/StaffComplaintRegistration/deployed-start-form");

    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().at("/id").asText()).isEqualTo("Form_CheckCompleteness");
    assertThat(form.json().findValuesAsText("key")).contains("complete", "missingInformation");
    assertThat(form.json().findValuesAsText("label"))
        .contains("Visa nepieciešamā informācija ir saņemta", "Kas jālūdz klientam");
    assertThat(start.status()).as(start.body()).isEqualTo(200);
    assertThat(start.json().findValuesAsText("label"))
        .contains("Kanāls", "Ko klients vēlas panākt");
    assertThat(start.json().findValuesAsText("value")).contains("PHONE", "E_ADDRESS", "lv");
  }

  @Test
  void theStaffPagesAnswerInLatvian() throws Exception {
    String number = submitComplaint();
    awaitTask(number, TASK_CHECK_COMPLETENESS);

    HttpResponse<String> caseFile = page("/staff/complaints/" + number, "registrar");
    assertThat(caseFile.statusCode()).isEqualTo(200);
    assertThat(caseFile.body())
        .contains("<html lang=\"lv\">", "<h1>Lietas materiāli: iesniegums " + number + "</h1>")
        .contains("<dt>Vēlamais saziņas veids</dt><dd>E-pasts</dd>", "<h2>Notikumu vēsture</h2>")
        .contains("<td>Apstiprinājums par saņemšanu</td>", "<td>Reģistrēts</td>")
        .containsPattern("<dt>Saņemts</dt><dd>" + LATVIAN_DATE_TIME + "</dd>")
        .doesNotContain("Customer", "Timeline");

    HttpResponse<String> postRoom = page("/staff/post", "registrar");
    assertThat(postRoom.statusCode()).isEqualTo(200);
    assertThat(postRoom.body()).contains("<html lang=\"lv\">", "<h1>Pasta sūtījumi</h1>");

    HttpResponse<String> reports = page("/staff/reports", "manager");
    assertThat(reports.statusCode()).isEqualTo(200);
    assertThat(reports.body())
        .contains("<html lang=\"lv\">", "<h1>Iesniegumu pārskats</h1>", "Klientu apmierinātība")
        .doesNotContain("At a glance", "Complaint reports");
  }

  // --- the application

  private String submitComplaint() throws Exception {
    String body =
        """
        {"language":"lv",
         "customer":{"name":"Ieva Kalniņa","email":"ieva@example.lv"},
         "preferredContact":"EMAIL",
         "subject":"Rēķins par oktobri",
         "description":"Rēķinā par oktobri ir par daudz.",
         "categoryHint":"BILLING"}
        """;
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("registrationNumber").asText();
  }

  private HttpResponse<String> page(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Authorization", EngineRest.basic(user, user))
            .header("Accept", "text/html")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Task awaitTask(String number, String taskId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(number)
                    .taskDefinitionKey(taskId)
                    .singleResult(),
            task -> task != null);
  }

  private void completeAs(String user, Task task, Map<String, Object> variables) {
    identity.setAuthentication(
        user,
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  // --- part G: the case facts in the task forms speak Latvian

  @Test
  void theCaseSectionOfATaskFormShowsTheFactsInLatvian() throws Exception {
    String number = submitComplaint();
    Task check = awaitTask(number, TASK_CHECK_COMPLETENESS);

    // as Tasklist reads a Camunda Form's variables, signed in as the registrar
    EngineRest.Response read =
        TasklistSession.signIn(port, "registrar")
            .send(
                "/task/" + check.getId() + "/form-variables?deserializeValues=false",
                null,
                "application/json");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    Map<String, Object> facts = new HashMap<>();
    read.json()
        .fields()
        .forEachRemaining(
            variable -> facts.put(variable.getKey(), variable.getValue().get("value").asText()));
    assertThat((String) facts.get("caseFileCustomer"))
        .contains("- **Vārds, uzvārds vai nosaukums:** Ieva Kalniņa")
        .contains("- **Vēlamais saziņas veids:** E-pasts · valoda: latviešu");
    assertThat((String) facts.get("caseFileDates"))
        .containsPattern("- \\*\\*Kanāls:\\*\\* API · \\*\\*saņemts\\*\\* " + LATVIAN_DATE_TIME)
        .contains("- **Atbildes termiņš:** ", "- **Statuss:** ")
        .doesNotContain("Channel", "received", "Answer due", "Status:");
    assertThat((String) facts.get("caseFileTimeline")).contains("**Reģistrēts**");
    assertThat((String) facts.get("caseFileAttachments")).isEqualTo("nav");

    WebDriver browser = Browser.start(1400, 1600);
    try {
      WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
      wait.ignoring(StaleElementReferenceException.class);
      Browser.signInToTasklist(browser, base(), "registrar");
      browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + check.getId());
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".fjs-form"), "Vēlamais saziņas veids:"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText())
          .contains("Vārds, uzvārds vai nosaukums: Ieva Kalniņa", "E-pasts · valoda: latviešu")
          .contains("Kanāls: API · saņemts ")
          .doesNotContain("Name:", "Contact:", "Prefers:", "Channel:", "Answer due:");
    } finally {
      browser.quit();
    }
  }
}
