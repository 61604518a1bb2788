package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Axe;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14: the public pages in a real browser (Debian's Chromium, headless) checked with axe-core
 * against WCAG 2.2 A and AA, every page state a customer can meet, at 1280 and 360 pixels wide; the
 * submission form reached with the keyboard alone, every control showing where the focus is; a form
 * sent after its session ended comes back with what was typed. Screenshots go to {@code
 * target/screenshots/a11y-*.png}.
 */
class AccessibilityBrowserIT extends ApplicationIntegrationTest {

  static final int WIDE = 1280;
  static final int NARROW = 360;

  static WebDriver browser;

  @LocalServerPort int port;
  @Autowired IntakeService intake;
  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired AnswerDrafts drafts;
  @Autowired AnswerLetters letters;
  @Autowired JdbcClient jdbc;

  /** Page state → what axe found there, at which width. */
  private final Map<String, List<Axe.Violation>> found = new LinkedHashMap<>();

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start(WIDE, 1000);
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
    browser.manage().window().setSize(new Dimension(WIDE, 1000));
    browser.get(url("/"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void everyPublicPageStateHasNoWcag22AaViolationAtBothWidths() throws IOException {
    // 1. start page, 2. accessibility statement
    browser.get(url("/?lang=lv"));
    check("home");
    browser.get(url("/accessibility"));
    check("accessibility-statement");

    // 3. the empty form, 4. errors on every field, 5. no contact and a file refused
    browser.get(url("/submit"));
    check("submit-empty");
    fill("email", "not-an-address");
    fill("phone", "call me");
    fill("customerNumber", "x".repeat(100));
    fill("subject", "x".repeat(300));
    new Select(browser.findElement(By.id("language"))).selectByValue("ru");
    browser.findElement(By.cssSelector("label[for=preferredContact3]")).click();
    goVia(By.cssSelector("form button[type=submit]"));
    assertThat(browser.findElements(By.cssSelector("[aria-invalid=true]"))).hasSizeGreaterThan(4);
    check("submit-errors-per-field");
    browser.get(url("/submit"));
    fill("name", "Anna Kalniņa");
    fill("subject", "Rēķins");
    fill("description", "Rēķinā ir svešs patēriņš.");
    browser.findElement(By.id("attachments")).sendKeys(file("programma.pdf", TestFiles.exe()));
    goVia(By.cssSelector("form button[type=submit]"));
    assertThat(browser.findElement(By.id("error-summary")).isDisplayed()).isTrue();
    check("submit-no-contact-file-refused");

    // 6. the form sent after its session ended, shown again
    endSession();
    fill("email", "anna@example.lv");
    goVia(By.cssSelector("form button[type=submit]"));
    assertThat(browser.findElement(By.id("form-refused")).isDisplayed()).isTrue();
    check("submit-session-expired");

    // 7. the confirmation
    goVia(By.cssSelector("form button[type=submit]"));
    String number = browser.findElement(By.id("registration-number")).getText();
    String code = browser.findElement(By.id("access-code")).getText();
    check("submitted");

    // 8. status sign-in, 9. sign-in refused
    browser.get(url("/status"));
    check("status-sign-in");
    fill("registrationNumber", number);
    fill("accessCode", "WRONG-CODE");
    goVia(By.cssSelector("form[action$='/status'] button"));
    check("status-not-found");

    // 10. registered, 11. a message refused, 12. missing information asked, 13. extended
    openStatus(number, code);
    assertThat(browser.findElement(By.id("case-status")).getAttribute("data-status"))
        .isEqualTo("REGISTERED");
    check("case-registered");
    goVia(By.cssSelector("form[action$='/status/information'] button"));
    check("case-message-refused");
    long id = register.findByRegistrationNumber(number).orElseThrow().id();
    register.changeStatus(id, ComplaintStatus.AWAITING_INFORMATION, "a11y-test", null);
    browser.get(url("/status/case"));
    check("case-missing-information-asked");
    register.changeStatus(id, ComplaintStatus.IN_PROGRESS, "a11y-test", null);
    register.setResponseDue(id, Instant.now().plus(Duration.ofDays(40)), true, null);
    browser.get(url("/status/case"));
    assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).isNotEmpty();
    check("case-extended");

    // 14. withdrawal confirmation, 15. withdrawn (the notice, then the closed case)
    goVia(By.cssSelector("a[href$='/status/withdrawal']"));
    check("withdrawal-confirm");
    goVia(By.cssSelector("form button.warning"));
    check("withdrawal-done");

    // 16. answered with its letter, 17. closed
    IntakeService.Receipt answered = submitted("Atbildēts");
    answer(answered.complaintId());
    register.changeStatus(answered.complaintId(), ComplaintStatus.ANSWERED, "a11y-test", null);
    browser.manage().deleteAllCookies();
    openStatus(answered.registrationNumber(), answered.accessCode());
    assertThat(browser.findElements(By.cssSelector("a.letter"))).isNotEmpty();
    check("case-answered");
    register.changeStatus(answered.complaintId(), ComplaintStatus.CLOSED, "a11y-test", null);
    browser.get(url("/status/case"));
    assertThat(browser.findElement(By.id("finished")).isDisplayed()).isTrue();
    check("case-closed");

    // 18. survey, 19. without a score, 20. sent after the session ended, 21. thanks, 22. closed,
    // 23. unknown
    String token = surveys.open(answered.complaintId(), Instant.now().plus(Duration.ofDays(10)));
    browser.get(url("/surveys/" + token));
    check("survey");
    goVia(By.cssSelector("form button[type=submit]"));
    check("survey-score-missing");
    browser.findElement(By.cssSelector("label[for=score-5]")).click();
    endSession();
    goVia(By.cssSelector("form button[type=submit]"));
    assertThat(browser.findElement(By.id("score-5")).isSelected()).isTrue();
    check("survey-session-expired");
    goVia(By.cssSelector("form button[type=submit]"));
    check("survey-thanks");
    browser.get(
        url("/surveys/" + surveys.open(answered.complaintId(), Instant.now().minusSeconds(60))));
    check("survey-expired");
    browser.get(url("/surveys/no-such-survey"));
    check("survey-unknown");

    // 24. a status message sent after the session ended, 25. unknown address, 26. bad request
    browser.manage().deleteAllCookies();
    openStatus(answered.registrationNumber(), answered.accessCode());
    register.changeStatus(answered.complaintId(), ComplaintStatus.IN_PROGRESS, "a11y-test", null);
    browser.get(url("/status/case"));
    fill("message", "Papildu informācija.");
    endSession();
    goVia(By.cssSelector("form[action$='/status/information'] button"));
    assertThat(browser.findElement(By.id("typed-text")).getAttribute("value"))
        .isEqualTo("Papildu informācija.");
    check("form-refused");
    browser.get(url("/no-such-page"));
    check("not-found");
    browser.get(url("/status/letters/not-a-number"));
    check("problem");

    Map<String, List<Axe.Violation>> failures = new LinkedHashMap<>(found);
    failures.values().removeIf(List::isEmpty);
    assertThat(failures)
        .as(
            "axe-core (WCAG 2.2 AA) violations:\n%s",
            failures.entrySet().stream()
                .map(e -> e.getKey() + ":\n" + Axe.describe(e.getValue()))
                .reduce("", (a, b) -> a + b + "\n"))
        .isEmpty();
  }

  /** The check can fail: an image without a text alternative is found, with its place. */
  @Test
  void axeFindsAViolationWhereThereIsOne() {
    browser.get(url("/?lang=en"));
    ((JavascriptExecutor) browser)
        .executeScript(
            "const img = document.createElement('img'); img.id = 'no-alt';"
                + " img.src = '/web/none.png'; document.querySelector('main').append(img);");

    List<Axe.Violation> violations = Axe.violations(browser);

    assertThat(violations)
        .anySatisfy(
            v -> {
              assertThat(v.id()).isEqualTo("image-alt");
              assertThat(v.impact()).isEqualTo("critical");
              assertThat(v.targets()).contains("#no-alt");
            });
  }

  @Test
  void keyboardReachesEveryControlOfTheSubmitFormInOrderAndEachShowsItsFocus() {
    browser.get(url("/submit?lang=en"));
    // a group of radio buttons is one tab stop, its chosen button
    List<String> expected =
        List.of(
            "name",
            "customerNumber",
            "email",
            "phone",
            "address",
            "preferredContact1",
            "language",
            "feedbackTypeHint5",
            "categoryHint",
            "subject",
            "description",
            "remedySought",
            "attachments",
            "send");
    assertThat(
            browser
                .findElement(By.cssSelector("input[name=feedbackTypeHint][value='']"))
                .getAttribute("id"))
        .isEqualTo("feedbackTypeHint5");

    List<String> reached = new ArrayList<>();
    Map<String, String> unfocused = new LinkedHashMap<>();
    // from the top of the freshly loaded page
    for (int i = 0; i < 60 && !reached.contains("send"); i++) {
      new Actions(browser).sendKeys(Keys.TAB).perform();
      WebElement active = browser.switchTo().activeElement();
      String name = controlName(active);
      reached.add(name);
      String indicator = focusIndicator(active);
      if (indicator != null) {
        unfocused.put(name, indicator);
      }
      if (name.equals("send")) {
        Browser.screenshot(browser, "a11y-focus-send");
      }
    }

    assertThat(reached).as("tab order").containsSubsequence(expected);
    assertThat(reached.get(0)).as("the first tab stop is the skip link").isEqualTo("skip-link");
    assertThat(unfocused).as("controls without a visible focus ring").isEmpty();
  }

  @Test
  void submissionSentAfterTheSessionEndedComesBackWithWhatWasTypedAndIsSentAgain()
      throws IOException {
    browser.get(url("/submit?lang=ru"));
    fill("name", "Ольга Петрова");
    fill("email", "olga@example.lv");
    fill("address", "Rīga, Brīvības iela 1-2");
    new Select(browser.findElement(By.id("categoryHint"))).selectByValue("METERING");
    fill("subject", "Счётчик");
    fill("description", "Счётчик не работает с понедельника.");
    browser.findElement(By.id("attachments")).sendKeys(file("foto.png", TestFiles.png()));
    // the session ends while the page is open (timeout, or a restart without shared sessions)
    endSession();
    goVia(By.cssSelector("form button[type=submit]"));

    assertThat(browser.findElement(By.id("form-refused")).getText())
        .contains("Форма больше недействительна")
        .contains("Мы сохранили то, что вы ввели")
        .contains("файлы сохранить нельзя");
    assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Ольга Петрова");
    assertThat(browser.findElement(By.id("address")).getAttribute("value"))
        .isEqualTo("Rīga, Brīvības iela 1-2");
    assertThat(browser.findElement(By.id("address")).getAttribute("autocomplete"))
        .isEqualTo("street-address");
    assertThat(browser.findElement(By.id("description")).getAttribute("value"))
        .isEqualTo("Счётчик не работает с понедельника.");
    assertThat(
            new Select(browser.findElement(By.id("categoryHint")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("METERING");
    assertThat(complaintsAbout("Счётчик")).as("nothing accepted without a valid token").isZero();
    Browser.screenshot(browser, "a11y-session-expired-ru");

    goVia(By.cssSelector("form button[type=submit]"));
    String number = browser.findElement(By.id("registration-number")).getText();
    assertThat(register.findByRegistrationNumber(number).orElseThrow().subject())
        .isEqualTo("Счётчик");
    assertThat(complaintsAbout("Счётчик")).isEqualTo(1);
  }

  @Test
  void everyPageLinksToTheAccessibilityStatementWhichOffersAWayToReportAProblem() {
    for (String path : List.of("/", "/submit", "/status", "/surveys/unknown", "/no-such-page")) {
      browser.get(url(path + "?lang=lt"));
      assertThat(browser.findElement(By.cssSelector("footer a[href='/accessibility']")).getText())
          .as(path)
          .isEqualTo("Prieinamumas");
    }
    browser.findElement(By.cssSelector("footer a[href='/accessibility']")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Pareiškimas dėl prieinamumo");
    assertThat(browser.findElement(By.id("compliance-status")).getText()).contains("iš dalies");
    assertThat(browser.findElement(By.id("enforcement")).getText()).contains("Tiesībsarga birojs");
    goVia(By.id("report-problem"));
    assertThat(
            new Select(browser.findElement(By.id("categoryHint")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(AccessibilityController.CATEGORY);
  }

  @Test
  void unknownAddressGetsTheLayoutWithHeaderLanguageSwitchAndSkipLink() {
    browser.get(url("/no-such-page?lang=ru"));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Страница не найдена");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
    assertThat(browser.findElement(By.cssSelector("a.skip-link")).getAttribute("href"))
        .endsWith("#main");
    assertThat(browser.findElement(By.cssSelector("header .site-name")).getText()).isNotBlank();
    browser.findElement(By.cssSelector("nav.languages a[hreflang=lv]")).click();
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("lv");
    assertThat(browser.getCurrentUrl()).contains("/no-such-page?lang=lv");
  }

  // --- helpers ----------------------------------------------------------------------------

  /** Runs axe at both widths on the page the browser shows, and keeps a screenshot of each. */
  private void check(String state) {
    List<Axe.Violation> violations = new ArrayList<>();
    for (int width : new int[] {WIDE, NARROW}) {
      browser.manage().window().setSize(new Dimension(width, 1000));
      Axe.violations(browser).stream()
          .map(
              v ->
                  new Axe.Violation(v.id() + "@" + width + "px", v.impact(), v.help(), v.targets()))
          .forEach(violations::add);
      Browser.screenshot(browser, "a11y-" + state + "-" + width + "px");
    }
    browser.manage().window().setSize(new Dimension(WIDE, 1000));
    found.put(state, violations);
  }

  /** The id of a focused control, "send" for the submit button, or its tag. */
  private static String controlName(WebElement element) {
    if ("submit".equals(element.getAttribute("type"))) {
      return "send";
    }
    if (element.getAttribute("class") != null
        && element.getAttribute("class").contains("skip-link")) {
      return "skip-link";
    }
    String id = element.getAttribute("id");
    return id == null || id.isEmpty() ? element.getTagName() + ":" + element.getText() : id;
  }

  /**
   * Null when the element shows the focus ring (a yellow outline of at least 3 px inside a dark
   * ring); otherwise what it shows instead.
   */
  private static String focusIndicator(WebElement element) {
    String outline =
        element.getCssValue("outline-style")
            + " "
            + element.getCssValue("outline-width")
            + " "
            + element.getCssValue("outline-color");
    String shadow = element.getCssValue("box-shadow");
    boolean yellow =
        element.getCssValue("outline-style").equals("solid")
            && element.getCssValue("outline-width").equals("3px")
            && element
                .getCssValue("outline-color")
                .replaceAll("rgba\\((\\d+, \\d+, \\d+), 1\\)", "rgb($1)")
                .equals("rgb(255, 191, 71)");
    boolean dark = shadow.contains("rgb(27, 27, 27) 0px 0px 0px 6px");
    return yellow && dark ? null : outline + " / " + shadow;
  }

  private IntakeService.Receipt submitted(String subject) {
    return intake.submit(
        new Submission(
            Language.lv,
            new Submission.Customer("Pēteris Ozols", "peteris@example.lv", null, null, null),
            PreferredContact.EMAIL,
            subject,
            "Lūdzu, pārbaudiet manu rēķinu.",
            null,
            null,
            null,
            null,
            null),
        Channel.API,
        Instant.now(),
        null,
        null);
  }

  private void answer(long complaintId) {
    long draft = drafts.save(complaintId, "Rēķins pārrēķināts.", "UPHELD", null, "handler");
    drafts.review(draft, true, "supervisor", null);
    register.recordAnswer(complaintId, "UPHELD", "Rēķins pārrēķināts.", Instant.now());
    letters.create(complaintId, null, null, "a11y-test");
  }

  private long complaintsAbout(String subject) {
    return jdbc.sql("select count(*) from complaint where subject = :s")
        .param("s", subject)
        .query(Long.class)
        .single();
  }

  private void openStatus(String number, String code) {
    browser.get(url("/status"));
    fill("registrationNumber", number);
    fill("accessCode", code);
    goVia(By.cssSelector("form[action$='/status'] button"));
  }

  /**
   * The session ends while the page is open (its timeout, or a node restarted without shared
   * sessions): the session cookie goes, the language cookie stays.
   */
  private static void endSession() {
    assertThat(browser.manage().getCookieNamed("SESSION")).isNotNull();
    browser.manage().deleteCookieNamed("SESSION");
  }

  private static String file(String name, byte[] content) throws IOException {
    Path folder = Files.createDirectories(Path.of("target", "web-upload"));
    return Files.write(folder.resolve(name), content).toAbsolutePath().toString();
  }

  private static void goVia(By link) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(link).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> hasLeft(page));
  }

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

  private static void fill(String id, String text) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private String url(String path) {
    return "http://localhost:" + port + Objects.requireNonNull(path);
  }
}
