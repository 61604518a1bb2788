package eu.complaintdesk.forms;

import static eu.complaintdesk.process.ComplaintProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.process.StaffRegistrationProcess;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.IdleJobExecutor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff work a complaint through its Camunda Forms in Tasklist, in a real browser (Debian's
 * Chromium, headless): the registrar checks and classifies it, a handler drafts the answer, a
 * supervisor approves it, and the register shows it ANSWERED. A screenshot of every form goes to
 * {@code target/screenshots/}.
 */
@ExtendWith(IdleJobExecutor.class)
class TasklistFormsIT extends ApplicationIntegrationTest {

  static final Path SCREENSHOTS = Browser.SCREENSHOTS;
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ComplaintRegister register;
  @Autowired AnswerDrafts drafts;
  @Autowired ObjectMapper json;

  WebDriver browser;
  WebDriverWait wait;
  String testName;

  @BeforeEach
  void openBrowser(TestInfo test) {
    testName = test.getTestMethod().orElseThrow().getName();
    browser = Browser.start(1400, 1600);
    wait = new WebDriverWait(browser, PATIENCE);
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    identity.clearAuthentication();
    if (browser != null) {
      // What the browser showed last, for when a step timed out.
      screenshot("last-" + testName);
      Files.writeString(SCREENSHOTS.resolve("last-" + testName + ".html"), browser.getPageSource());
      browser.quit();
    }
  }

  @Test
  void staffCheckClassifyDraftAndApproveAComplaintThroughItsForms() throws Exception {
    String number = submitComplaint("BILLING");

    signIn("registrar");
    Task check = awaitTask(number, TASK_CHECK_COMPLETENESS);
    openAndClaim(check);
    textView("Case " + number);
    assertThat(
            browser
                .findElement(By.cssSelector("a[href='/staff/complaints/" + number + "']"))
                .getText())
        .isEqualTo("Open the case file");
    assertThat(textArea("Field_MissingInformation").isDisplayed()).isTrue();
    // The case's facts from the register, the customer's text shown as written: no markup of theirs
    textView("Ieva Kalniņa");
    assertThat(textView("Rēķinā par oktobri").getText())
        .contains("<b>not bold</b> [see](https://evil.example) ![i](https://evil.example/i.png)");
    assertThat(browser.findElements(By.cssSelector(".fjs-form a[href^='https://evil']"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".fjs-form img, .fjs-form b"))).isEmpty();
    textView("Remedy sought: Pārrēķins");
    assertThat(textView("Attachments:").getText()).endsWith("none");
    assertThat(textView("Required for the suggested category").getText())
        .contains("customerNumber")
        .doesNotContain("⚠", "nothing beyond");
    tick("Field_Complete");
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(byField("Field_MissingInformation")));
    complete(check, "Form_CheckCompleteness");

    Task classify = awaitTask(number, TASK_CLASSIFY_COMPLAINT);
    openAndClaim(classify);
    assertThat(textView("Suggested by the rules").getText()).contains("BILLING");
    choose("Field_FeedbackType", "Complaint about the service");
    choose("Field_Category", "Billing");
    complete(classify, "Form_ClassifyComplaint");

    // The form's link opens the case file in the Tasklist session, no second sign-in.
    browser.get(base() + "/staff/complaints/" + number);
    assertThat(
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
        .isEqualTo("Case file " + number);
    assertThat(browser.getPageSource()).contains("Rēķins par oktobri").contains("BILLING");
    screenshot("CaseFile");

    Task draft = awaitTask(number, TASK_DRAFT_ANSWER);
    signIn("handler");
    openAndClaim(draft);
    assertThat(textView("Timeline (latest first)").getText()).contains("CLASSIFIED", "REGISTERED");
    pick("Field_ProposedOutcome", 0);
    type(
        "Field_DraftAnswer",
        "We corrected your October bill; the new one follows. <!-- hidden --> Pay to"
            + " [bank](https://evil.example) ![logo](https://evil.example/l.png)");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(byField("Field_RefusalReasons")));
    complete(draft, "Form_DraftAnswer");

    Task review = awaitTask(number, TASK_REVIEW_ANSWER);
    signIn("supervisor");
    openAndClaim(review);
    // The draft under review shows as the customer gets it: no comment hides, no link, no image
    assertThat(textView("Draft answer (shown as written)").getText())
        .contains("Proposed outcome: Upheld")
        .contains(
            "We corrected your October bill; the new one follows. <!-- hidden --> Pay to"
                + " [bank](https://evil.example) ![logo](https://evil.example/l.png)");
    assertThat(browser.findElements(By.cssSelector(".fjs-form a[href^='https://evil']"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector(".fjs-form img"))).isEmpty();
    assertThat(textView("Drafts and reviews").getText()).contains("handler", "not reviewed yet");
    tick("Field_AnswerApproved");
    complete(review, "Form_ReviewAnswer");

    await()
        .atMost(PATIENCE)
        .until(
            () -> register.findByRegistrationNumber(number).orElseThrow().status(),
            status -> status == ComplaintStatus.ANSWERED);
    assertThat(drafts.list(register.findByRegistrationNumber(number).orElseThrow().id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.draftedBy()).isEqualTo("handler");
              assertThat(d.reviewedBy()).isEqualTo("supervisor");
              assertThat(d.approved()).isTrue();
            });
  }

  @Test
  void theOtherTaskFormsAndTheStaffStartFormShowWhatTheTaskNeeds() throws Exception {
    String external = submitComplaint("SUPPLY_INTERRUPTION");
    String proposal = submitComplaint("OTHER");
    String question = submitComplaint("CONTRACT");
    checkAndClassify(external, "SERVICE_COMPLAINT", "SUPPLY_INTERRUPTION");
    checkAndClassify(proposal, "PROPOSAL", "OTHER");
    checkAndClassify(question, "INFORMATION_REQUEST", "CONTRACT");
    Task draft = awaitTask(external, TASK_DRAFT_ANSWER);
    completeAs(
        "handler",
        draft,
        Map.of("needsExternalInformation", true, "externalOrganisations", "Sadales tīkls AS"));

    Task reply = awaitTask(external, TASK_RECORD_EXTERNAL_REPLY);
    signIn(userFor(reply));
    openAndClaim(reply);
    textView("Sadales tīkls AS");
    type("Field_ExternalReply", "The supply was interrupted for planned works.");
    complete(reply, "Form_RecordExternalReply");

    Task evaluate = awaitTask(proposal, TASK_EVALUATE_PROPOSAL);
    signIn(userFor(evaluate));
    openAndClaim(evaluate);
    tick("Field_ProposalAccepted");
    type("Field_Answer", "Thank you: we will add evening hours from January.");
    complete(evaluate, "Form_EvaluateProposal");

    Task answer = awaitTask(question, TASK_ANSWER_INFORMATION_REQUEST);
    signIn(userFor(answer));
    openAndClaim(answer);
    type("Field_Answer", "Your contract can be ended with one month's notice.");
    complete(answer, "Form_AnswerInformationRequest");

    signIn("registrar");
    browser.findElement(By.partialLinkText("Start process")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.partialLinkText("Register complaint from another channel")))
        .click();
    choose("Field_Channel", "Phone");
    choose("Field_Language", "English");
    pick("Field_PreferredContact", 1);
    type("Field_CustomerName", "Laura Zariņa");
    type("Field_CustomerPhone", "+371 26000000");
    String subject = "Called about a cold radiator " + System.nanoTime();
    type("Field_Subject", subject);
    type("Field_Description", "The radiator in the bedroom is cold since Friday.");
    screenshot("Form_RegisterComplaint");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[ng-click='startProcessInstance()']")))
        .click();
    String number = await().atMost(PATIENCE).until(() -> staffRegistered(subject), n -> n != null);
    long id = register.findByRegistrationNumber(number).orElseThrow().id();
    assertThat(register.timeline(id)).anySatisfy(e -> assertThat(e.actor()).isEqualTo("registrar"));
    awaitTask(number, TASK_CHECK_COMPLETENESS);
  }

  // --- the browser

  /**
   * Tasklist's form-js submits every keyed field that is not disabled, a read-only one with the
   * value it shows: a completeness form that shows the channel read-only (a variable the task may
   * not change) completes, and the channel stays as it was.
   */
  @Test
  void aFormWithAReadOnlyFieldCompletesWithTheValueItShows() throws Exception {
    String deployment =
        deployWith(
            "Form_CheckCompleteness.form",
            "\"components\": [",
            "\"components\": [{\"label\": \"Channel\", \"key\": \"channel\","
                + " \"type\": \"textfield\", \"readonly\": true,"
                + " \"id\": \"Field_ChannelShown\"},");
    try {
      String number = submitComplaint("BILLING");
      signIn("registrar");
      Task check = awaitTask(number, TASK_CHECK_COMPLETENESS);
      assertThat(repository.getProcessDefinition(check.getProcessDefinitionId()).getDeploymentId())
          .isEqualTo(deployment);
      Object before = runtime.getVariable(check.getProcessInstanceId(), "channel");
      assertThat(before).isNotNull();
      openAndClaim(check);
      WebElement channel = textArea("Field_ChannelShown");
      assertThat(channel.getAttribute("readonly")).isNotNull();
      assertThat(channel.getAttribute("value")).isEqualTo(before);
      tick("Field_Complete");
      complete(check, "Form_CheckCompleteness-readonly");
      awaitTask(number, TASK_CLASSIFY_COMPLAINT);
      assertThat(runtime.getVariable(check.getProcessInstanceId(), "channel")).isEqualTo(before);
    } finally {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> management.createJobQuery().executable().count() == 0);
      repository.deleteDeployment(deployment, true);
    }
  }

  /** Deploys the models as Modeler does, one form changed; the caller deletes the deployment. */
  private String deployWith(String form, String from, String to) throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("tasklist read-only field");
    for (String folder : java.util.List.of("bpmn", "dmn", "forms")) {
      try (var files = Files.list(Path.of(folder))) {
        for (Path file : files.sorted().toList()) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          if (file.getFileName().toString().equals(form)) {
            assertThat(text).contains(from);
            text = text.replace(from, to);
          }
          deployment.addString(file.getFileName().toString(), text);
        }
      }
    }
    return deployment.deploy().getId();
  }

  private void openAndClaim(Task task) {
    browser.get(base() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.assignee")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
  }

  private void complete(Task task, String form) throws IOException {
    screenshot(form);
    WebElement button =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[ng-click='complete()']")));
    // long forms: bring the button out from under Tasklist's footer first
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
  }

  private static By byField(String id) {
    return By.cssSelector("[id$='-" + id + "']");
  }

  /** A text view of the form that shows the given text. */
  private WebElement textView(String contains) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath(
                "//*[contains(@class,'fjs-form-field-text')][contains(normalize-space(.), '"
                    + contains
                    + "')]")));
  }

  private WebElement textArea(String id) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(byField(id)));
  }

  /**
   * Types into a text field until it holds the text: Tasklist may render the form again (e.g. once
   * the task is claimed), which drops what went into the first one.
   */
  private void type(String id, String text) {
    wait.until(
        driver -> {
          WebElement field = driver.findElement(byField(id));
          if (!field.isDisplayed() || !field.isEnabled()) {
            return false;
          }
          if (!text.equals(field.getAttribute("value"))) {
            field.clear();
            field.sendKeys(text);
            field.sendKeys(Keys.TAB);
          }
          return text.equals(driver.findElement(byField(id)).getAttribute("value"));
        });
  }

  /** Ticks a checkbox (and keeps at it should the form render again). */
  private void tick(String id) {
    select(byField(id));
  }

  /** Picks the option of a radio group by its position. */
  private void pick(String id, int index) {
    select(By.cssSelector("[id$='-" + id + "-" + index + "']"));
  }

  private void select(By by) {
    wait.until(
        driver -> {
          WebElement input = driver.findElement(by);
          if (!input.isEnabled()) {
            return false;
          }
          if (!input.isSelected()) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].click();", input);
          }
          return driver.findElement(by).isSelected();
        });
  }

  /** A form-js select: open its list, pick the option by its label, until it shows it. */
  private void choose(String id, String label) {
    By display = byField(id + "-display");
    By option =
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + label + "']");
    wait.until(
        driver -> {
          if (label.equals(driver.findElement(display).getText().strip())) {
            return true;
          }
          if (driver.findElements(option).isEmpty()) {
            driver.findElement(display).click();
          } else {
            driver.findElement(option).click();
          }
          return false;
        });
  }

  private void screenshot(String name) {
    Browser.screenshot(browser, name);
  }

  // --- the application

  private String submitComplaint(String categoryHint) throws Exception {
    String body =
        """
        {"language":"lv",
         "customer":{"name":"Ieva Kalniņa","email":"ieva@example.lv","phone":"+371 29000001"},
         "preferredContact":"EMAIL",
         "subject":"Rēķins par oktobri",
         "description":"Rēķinā par oktobri ir par daudz. <b>not bold</b> [see](https://evil.example) ![i](https://evil.example/i.png)",
         "remedySought":"Pārrēķins",
         "categoryHint":"%s"}
        """
            .formatted(categoryHint);
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api/complaints"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    return json.readTree(created.body()).get("registrationNumber").asText();
  }

  private void checkAndClassify(String number, String type, String category) {
    completeAs("registrar", awaitTask(number, TASK_CHECK_COMPLETENESS), Map.of("complete", true));
    completeAs(
        "registrar",
        awaitTask(number, TASK_CLASSIFY_COMPLAINT),
        Map.of("feedbackType", type, "category", category));
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

  private Task awaitTask(String number, String taskId) {
    Supplier<Task> query =
        () ->
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(number)
                .taskDefinitionKey(taskId)
                .singleResult();
    return await().atMost(PATIENCE).until(query::get, task -> task != null);
  }

  /** A demo user of the contract who belongs to the task's candidate group. */
  private String userFor(Task task) {
    String group =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElseThrow();
    return switch (group) {
      case Groups.REGISTRARS -> "registrar";
      case Groups.SUPERVISORS -> "supervisor";
      case Groups.PROCESS_OWNERS -> "owner";
      case Groups.MANAGERS -> "manager";
      default -> "handler";
    };
  }

  /** The registration number of the complaint a registrar registered with this subject. */
  private String staffRegistered(String subject) {
    return history
        .createHistoricVariableInstanceQuery()
        .variableName(StaffRegistrationProcess.REGISTRATION_NUMBER)
        .list()
        .stream()
        .filter(v -> v.getValue() != null)
        .map(v -> v.getValue().toString())
        .filter(
            n ->
                register
                    .findByRegistrationNumber(n)
                    .map(c -> subject.equals(c.subject()))
                    .orElse(false))
        .findFirst()
        .orElse(null);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void signIn(String user) {
    Browser.signInToTasklist(browser, base(), user);
  }
}
