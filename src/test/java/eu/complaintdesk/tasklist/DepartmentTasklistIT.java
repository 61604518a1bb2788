package eu.complaintdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 4, browser test 2: in Tasklist (headless Chromium), staff of one department see their
 * department's complaint and not another department's, in the "My groups' tasks" filter.
 */
class DepartmentTasklistIT extends ApplicationIntegrationTest {

  static final String BILLING_COMPLAINT =
      CaseDriver.HEATING_COMPLAINT
          .replace("Radiators are cold", "Invoice twice")
          .replace("No heating in the flat since Monday.", "I was billed twice for October.")
          .replace("HEATING_QUALITY", "BILLING");

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;

  WebDriver browser;

  @BeforeEach
  void startBrowser() {
    browser = Browser.start();
    StaffUsers.ensure(identity, StaffUsers.BILLING_CLERK, "dept-billing");
    StaffUsers.ensure(identity, StaffUsers.HEAT_CLERK, "dept-heat-quality");
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void departmentStaffSeeOnlyTheirDepartmentsTasksInTasklist() {
    CaseDriver cases = new CaseDriver(port);
    String heating = cases.heatingComplaintAwaitingDraft();
    String billing = cases.submit(BILLING_COMPLAINT);
    EngineRest registrar = EngineRest.as(port, "registrar");
    cases.work(registrar, billing, "UserTask_CheckCompleteness", Map.of("complete", true));
    cases.work(
        registrar,
        billing,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "SERVICE_COMPLAINT", "category", "BILLING"));
    cases.awaitTask(heating, "UserTask_DraftAnswer");
    cases.awaitTask(billing, "UserTask_DraftAnswer");

    String billingView = groupTasksAs(StaffUsers.BILLING_CLERK, billing);
    String heatView = groupTasksAs(StaffUsers.HEAT_CLERK, heating);

    assertThat(billingView).contains(billing).doesNotContain(heating);
    assertThat(heatView).contains(heating).doesNotContain(billing);
  }

  @Test
  void theDrafterWhoClaimsTheReviewInTasklistIsToldWhyAndItStaysOpen() {
    CaseDriver cases = new CaseDriver(port);
    String number = cases.heatingComplaintAwaitingDraft();
    cases.work(
        EngineRest.as(port, "supervisor"),
        number,
        "UserTask_DraftAnswer",
        CaseDriver.draft("UPHELD"));
    String review = cases.awaitTask(number, "UserTask_ReviewAnswer");

    WebDriverWait wait = signIn("supervisor");
    browser.get(
        tasklist() + "#/?filter=" + filter(TasklistFilters.AWAITING_REVIEW) + "&task=" + review);
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "four-eyes"));
    } finally {
      Browser.screenshot(browser, "tasklist-four-eyes-claim-refused");
    }

    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("You drafted this answer, so another supervisor must review it");
    assertThat(EngineRest.as(port, "admin").get("/task/" + review).json().get("assignee").isNull())
        .isTrue();
  }

  /** Signs in to Tasklist, opens "My groups' tasks", waits for {@code expected}: the list text. */
  private String groupTasksAs(String user, String expected) {
    WebDriverWait wait = signIn(user);
    browser.get(tasklist() + "#/?filter=" + filter(TasklistFilters.MY_GROUPS_TASKS));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".tasks-list"), expected));
    Browser.screenshot(browser, "tasklist-my-groups-tasks-" + user);
    return browser.findElement(By.cssSelector(".tasks-list")).getText();
  }

  private WebDriverWait signIn(String user) {
    browser.manage().deleteAllCookies();
    browser.get(tasklist());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(
            ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(user);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filters .task-filter")));
    return wait;
  }

  private String tasklist() {
    return "http://localhost:" + port + "/camunda/app/tasklist/default/";
  }

  private String filter(String name) {
    return filters.createTaskFilterQuery().filterName(name).singleResult().getId();
  }
}
