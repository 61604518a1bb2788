package eu.complaintdesk.web;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.CaseVariables;
import eu.complaintdesk.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer in a real browser (Debian's Chromium, headless): submits in Latvian and in Russian,
 * reads the confirmation, opens the status page with number and code; and corrects a form the
 * server refused. Screenshots go to {@code target/screenshots/web-*.png}.
 */
class WebBrowserIT extends ApplicationIntegrationTest {

  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired IntakeService intake;
  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start(1280, 1400);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void freshVisitor() {
    browser.manage().window().setSize(new Dimension(1280, 1400));
    browser.get(url("/"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void customerSubmitsInLatvianAndSeesTheTimelineOnTheStatusPage() throws IOException {
    browser.get(url("/submit?lang=lv"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Iesniegt sūdzību, priekšlikumu, pateicību vai jautājumu");
    fill("name", "Jānis Bērziņš");
    fill("email", "janis@example.lv");
    fill("phone", "+371 29123456");
    new Select(browser.findElement(By.id("categoryHint"))).selectByValue("HEATING_QUALITY");
    fill("subject", "Auksti radiatori");
    fill("description", "Kopš pirmdienas dzīvoklī nav apkures.");
    fill("remedySought", "Lūdzu, novērsiet bojājumu.");
    browser.findElement(By.id("attachments")).sendKeys(file("radiators.png", TestFiles.png()));
    screenshot("web-submit-lv");
    goVia(By.cssSelector("form button[type=submit]"));

    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Paldies! Jūsu iesniegums ir saņemts");
    String number = browser.findElement(By.id("registration-number")).getText();
    String code = browser.findElement(By.id("access-code")).getText();
    assertThat(number).matches("\\d{4}-.+");
    assertThat(browser.findElement(By.id("due-date")).getText()).contains("gada");
    screenshot("web-confirmation-lv");

    openStatus(number, code);
    assertThat(browser.findElement(By.id("case-number")).getText()).isEqualTo(number);
    assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("Reģistrēts");
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains("Iesniegums saņemts un reģistrēts")
        .contains("Saņemts fails: radiators.png");
    assertThat(browser.getPageSource()).doesNotContain(code);
    screenshot("web-status-lv");
  }

  @Test
  void customerSubmitsInRussianSendsMoreInformationAndWithdraws() throws IOException {
    browser.get(url("/submit?lang=ru"));
    fill("name", "Ольга Иванова");
    fill("email", "olga@example.lv");
    browser.findElement(By.cssSelector("label[for=preferredContact2]")).click();
    fill("phone", "+371 29000001");
    fill("subject", "Неверный счёт");
    fill("description", "В счёте за октябрь указан чужой расход.");
    goVia(By.cssSelector("form button[type=submit]"));

    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Спасибо! Ваше обращение получено");
    String number = browser.findElement(By.id("registration-number")).getText();
    String code = browser.findElement(By.id("access-code")).getText();
    screenshot("web-confirmation-ru");

    openStatus(number, code);
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains("Обращение получено и зарегистрировано");
    fill("message", "Прилагаю показания счётчика: 12345.");
    browser.findElement(By.id("attachments")).sendKeys(file("schetchik.pdf", TestFiles.exe()));
    goVia(By.cssSelector("form[action$='/status/information'] button"));
    assertThat(browser.findElement(By.id("attachments-error")).getText())
        .contains("Мы не можем принять файл «schetchik.pdf»");
    assertThat(browser.findElement(By.id("message")).getAttribute("value"))
        .isEqualTo("Прилагаю показания счётчика: 12345.");
    screenshot("web-information-refused-ru");
    browser.findElement(By.id("attachments")).sendKeys(file("schetchik.pdf", TestFiles.pdf()));
    goVia(By.cssSelector("form[action$='/status/information'] button"));
    assertThat(browser.findElement(By.id("notice")).getText())
        .isEqualTo("Спасибо, ваше сообщение получено.");
    assertThat(browser.findElement(By.id("timeline")).getText())
        .contains("Получено ваше сообщение")
        .contains("Получен файл: schetchik.pdf");
    screenshot("web-status-ru");

    goVia(By.linkText("Отозвать обращение"));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Вы действительно хотите отозвать обращение № " + number + "?");
    screenshot("web-withdrawal-ru");
    goVia(By.cssSelector("form button.warning"));
    assertThat(browser.findElement(By.id("notice")).getText())
        .startsWith("Ваша просьба отозвать обращение получена.");

    // once withdrawn, the page promises no answer and offers a new submission instead
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              browser.get(url("/status/case"));
              return browser.findElement(By.id("case-status")).getAttribute("data-status");
            },
            "WITHDRAWN"::equals);
    assertThat(browser.findElement(By.id("finished")).getText())
        .contains("Рассмотрение этого обращения завершено");
    assertThat(browser.findElements(By.cssSelector("form[action$='/status/information']")))
        .isEmpty();
    assertThat(browser.findElement(By.cssSelector("dl.facts")).getText())
        .doesNotContain("Мы ответим не позднее");
  }

  @Test
  void refusedFormShowsErrorsInThePageLanguageAndKeepsWhatWasTyped() throws IOException {
    browser.manage().window().setSize(new Dimension(360, 1400));
    browser.get(url("/submit?lang=ru"));
    fill("name", "Пётр Сидоров");
    fill("email", "petr-at-example");
    fill("description", "Не работает личный кабинет.");
    goVia(By.cssSelector("form button[type=submit]"));

    WebElement summary = browser.findElement(By.id("error-summary"));
    assertThat(summary.getText())
        .contains("Пожалуйста, исправьте следующие ошибки")
        .contains("Пожалуйста, введите адрес электронной почты")
        .contains("Пожалуйста, кратко укажите тему обращения.");
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Пётр Сидоров");
    assertThat(browser.findElement(By.id("email")).getAttribute("value"))
        .isEqualTo("petr-at-example");
    assertThat(browser.findElement(By.id("description")).getAttribute("value"))
        .isEqualTo("Не работает личный кабинет.");
    assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
    // The page fits a phone: nothing wider than the window.
    Object overflow =
        ((org.openqa.selenium.JavascriptExecutor) browser)
            .executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    assertThat(overflow).isEqualTo(false);
    screenshot("web-errors-ru-360px");

    summary.findElement(By.linkText("Пожалуйста, кратко укажите тему обращения.")).click();
    assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("subject");
  }

  @Test
  void customerRatesTheHandlingWithTheKeyboardAlone() throws IOException {
    IntakeService.Receipt receipt =
        intake.submit(
            new Submission(
                Language.lt,
                new Submission.Customer("Rūta Jonaitė", "ruta@example.lt", null, null, null),
                PreferredContact.EMAIL,
                "Sąskaitos apmokėjimas",
                "Iki kada reikia apmokėti sąskaitą?",
                null,
                null,
                null,
                null,
                null),
            Channel.API,
            Instant.now(),
            null,
            null);
    String number = receipt.registrationNumber();
    completeWhenReady(number, ComplaintProcess.TASK_CHECK_COMPLETENESS, Map.of(COMPLETE, true));
    completeWhenReady(
        number,
        ComplaintProcess.TASK_CLASSIFY_COMPLAINT,
        Map.of(FEEDBACK_TYPE, "INFORMATION_REQUEST", CATEGORY, "BILLING"));
    completeWhenReady(
        number,
        ComplaintProcess.TASK_ANSWER_INFORMATION_REQUEST,
        Map.of(ANSWER, "Sąskaitą reikia apmokėti iki kito mėnesio 20 dienos."));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                runtime
                        .createEventSubscriptionQuery()
                        .processInstanceId(register.get(receipt.complaintId()).processInstanceId())
                        .eventName(ComplaintProcess.MESSAGE_SURVEY_ANSWERED)
                        .count()
                    > 0);
    String token = surveys.latestToken(receipt.complaintId()).orElseThrow();

    browser.get(url("/surveys/" + token + "?lang=lt"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Kaip mums sekėsi?");
    browser
        .findElement(By.id("score-1"))
        .sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    browser.switchTo().activeElement().sendKeys(Keys.TAB, "Atsakė greitai ir aiškiai.");
    assertThat(browser.findElement(By.id("score-4")).isSelected()).isTrue();
    screenshot("web-survey-lt");
    browser.switchTo().activeElement().sendKeys(Keys.TAB, Keys.ENTER);

    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.tagName("h1"), "Ačiū už įvertinimą!"));
    assertThat(surveys.find(token).orElseThrow().score()).isEqualTo(4);
    assertThat(surveys.find(token).orElseThrow().comment()).isEqualTo("Atsakė greitai ir aiškiai.");
    screenshot("web-survey-thanks-lt");
    browser.get(url("/surveys/" + token));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Įvertinimas jau gautas");
  }

  @Test
  void customerSaysItIsPraiseInLithuanianAndTheChoiceSurvivesARefusedForm() throws IOException {
    browser.get(url("/submit?lang=lt"));
    WebElement dontKnow =
        browser.findElement(By.cssSelector("input[name=feedbackTypeHint][value='']"));
    assertThat(dontKnow.isSelected()).as("'don't know' is the default").isTrue();
    assertThat(browser.findElement(By.cssSelector("#feedbackTypeHint legend")).getText())
        .startsWith("Ką norite pateikti?");
    browser.findElement(By.xpath("//label[normalize-space()='Padėką']")).click();
    fill("name", "Rūta Jonaitė");
    fill("email", "ruta-at-example");
    fill("subject", "Ačiū montuotojui");
    fill("description", "Montuotojas viską sutvarkė greitai ir tvarkingai.");
    goVia(By.cssSelector("form button[type=submit]"));

    assertThat(browser.findElement(By.id("error-summary")).isDisplayed()).isTrue();
    WebElement praise =
        browser.findElement(By.cssSelector("input[name=feedbackTypeHint][value=PRAISE]"));
    assertThat(praise.isSelected()).as("the choice is kept").isTrue();
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView()", praise);
    screenshot("web-praise-refused-lt");
    fill("email", "ruta@example.lt");
    goVia(By.cssSelector("form button[type=submit]"));

    String number = browser.findElement(By.id("registration-number")).getText();
    assertThat(suggestedFeedbackType(number)).isEqualTo("PRAISE");
  }

  private void completeWhenReady(String number, String taskKey, Map<String, Object> variables) {
    Task task =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    tasks
                        .createTaskQuery()
                        .processInstanceBusinessKey(number)
                        .taskDefinitionKey(taskKey)
                        .singleResult(),
                found -> found != null);
    tasks.complete(task.getId(), variables);
  }

  @Test
  void pagesFitAPhoneScreen() throws IOException {
    browser.manage().window().setSize(new Dimension(360, 800));
    for (String path : new String[] {"/?lang=en", "/submit", "/status", "/surveys/unknown"}) {
      browser.get(url(path));
      assertThat(
              ((org.openqa.selenium.JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth"
                          + " > document.documentElement.clientWidth"))
          .as("horizontal scrolling on %s", path)
          .isEqualTo(false);
    }
    browser.get(url("/"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    screenshot("web-home-en-360px");
  }

  private void openStatus(String number, String code) {
    browser.get(url("/status"));
    fill("registrationNumber", number);
    fill("accessCode", code);
    goVia(By.cssSelector("form[action$='/status'] button"));
  }

  /** A real file on disk for the browser's file input. */
  private static String file(String name, byte[] content) throws IOException {
    Path folder = Files.createDirectories(Path.of("target", "web-upload"));
    return Files.write(folder.resolve(name), content).toAbsolutePath().toString();
  }

  /** Clicks what leads to another page, and waits until the browser has left this one. */
  private static void goVia(By link) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(link).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> hasLeft(page));
  }

  /**
   * Whether the page the element belonged to is gone. While Chromium swaps documents, asking about
   * an element of the old one may also fail with "Node with given id does not belong to the
   * document" instead of the stale-element answer: gone as well.
   */
  private static boolean hasLeft(WebElement oldPage) {
    try {
      oldPage.isEnabled();
      return false;
    } catch (StaleElementReferenceException e) {
      return true;
    } catch (WebDriverException e) {
      return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }
  }

  private void fill(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static void screenshot(String name) {
    Browser.screenshot(browser, name);
  }

  /** What the decision suggested to the registrar, once the case has got that far. */
  private String suggestedFeedbackType(String number) {
    return (String)
        CaseVariables.onceSuggested(runtime, number)
            .get(ComplaintVariables.SUGGESTED_FEEDBACK_TYPE);
  }
}
