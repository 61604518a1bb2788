package eu.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.IdleJobExecutor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' KPI dashboard page ({@code /staff/reports}) over HTTP and in a real browser, with
 * cases registered by staff as received on one day weeks ago (a day no other test uses).
 */
@ExtendWith(IdleJobExecutor.class)
class ReportsDashboardIT extends ApplicationIntegrationTest {

  static final String NAME = "Dace Kalniņa-Петрова";
  static final String EMAIL = "dashboard@example.lv";

  @LocalServerPort int port;
  @Autowired WorkingCalendar calendar;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void managersSeeEveryFigureOfThePeriodReadably() throws Exception {
    LocalDate day = registerTwoCasesReceived(61);

    HttpResponse<String> page = get("/staff/reports?from=" + day + "&to=" + day, "manager");

    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'none'")
                    .contains("style-src 'nonce-")
                    .doesNotContain("script-src")
                    .doesNotContain("unsafe-inline"));
    String html = page.body();
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain(" style=\"")
        .contains("Cases received " + day + " to " + day)
        // the period form: GET, labelled date inputs holding the period
        .contains("<form method=\"get\" action=\"/staff/reports\"")
        .contains("<label for=\"from\">")
        .contains("id=\"from\" name=\"from\" value=\"" + day + "\"")
        .contains("id=\"to\" name=\"to\" value=\"" + day + "\"")
        // headline figures; nothing answered yet, so no rate: "—"
        .contains("<dt>Received</dt><dd>2<")
        .contains("<dt>Answered on time</dt><dd>—<")
        .contains("<dt>Open now</dt><dd>2<")
        .contains("<dt>Overdue now</dt><dd>2<")
        .contains("<dt>Survey response rate</dt><dd>—<")
        // volumes with their share of the cases received, as a percentage and a bar
        .containsPattern(
            "<th scope=\"row\">Phone</th><td class=\"n\">1</td><td class=\"n\">50%</td>"
                + "<td class=\"bar\"><span class=\"w50\"")
        .containsPattern("<th scope=\"row\">Visit</th><td class=\"n\">1</td>")
        .containsPattern("<th scope=\"row\">Web form</th><td class=\"n\">0</td>")
        .containsPattern(
            "<th scope=\"row\">Not yet classified</th><td class=\"n\">2</td><td class=\"n\">100%")
        .contains(".bar .w50{width:50%}")
        // every section of Kpis
        .contains(
            "Timeliness",
            "Outcomes",
            "Deadline extensions",
            "Appeal notices",
            "Satisfaction",
            "Answers per score",
            "Backlog now",
            "Whole register",
            "Repeat complaints")
        .containsPattern("<th scope=\"row\">5 \\(best\\)</th><td class=\"n\">0</td>")
        .containsPattern("<th scope=\"row\">Rejected</th><td class=\"n\">0</td><td class=\"n\">—")
        // the same period as CSV and JSON
        .contains("href=\"/api/reports/complaints.csv?from=" + day + "&amp;to=" + day + "\"")
        .contains("href=\"/api/reports/kpis?from=" + day + "&amp;to=" + day + "\"")
        // no personal data
        .doesNotContain(EMAIL, "Dace", "Петрова", "2612");
  }

  @Test
  void onlyReportReadersSeeTheDashboard() throws Exception {
    HttpResponse<String> anonymous = get("/staff/reports", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();

    for (String user : new String[] {"handler", "registrar"}) {
      HttpResponse<String> refused = get("/staff/reports", user);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/html");
      assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(refused.body())
          .contains("for managers, supervisors, process owners and administrators")
          .doesNotContain("Received")
          .doesNotContain("<script");
    }
    for (String user : new String[] {"manager", "supervisor", "owner", "admin"}) {
      assertThat(get("/staff/reports", user).statusCode()).as(user).isEqualTo(200);
    }
  }

  @Test
  void aBadPeriodShowsTheFormAgainWithTheErrorNextToTheField() throws Exception {
    LocalDate today = calendar.localDate(Instant.now());

    HttpResponse<String> unreadable = get("/staff/reports?from=2026-02-30&to=" + today, "manager");
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
    assertThat(unreadable.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(unreadable.body())
        .contains("<form method=\"get\" action=\"/staff/reports\"")
        .contains(
            "value=\"2026-02-30\" min=\"2000-01-01\" max=\""
                + today
                + "\" aria-invalid=\"true\" aria-describedby=\"from-error\">"
                + "<p class=\"error\" id=\"from-error\">Not a date of the form yyyy-MM-dd</p>")
        .contains("id=\"to\" name=\"to\" value=\"" + today + "\"")
        .doesNotContain("to-error")
        .doesNotContain("At a glance")
        .doesNotContain("<script");

    HttpResponse<String> reversed =
        get("/staff/reports?from=" + today + "&to=" + today.minusDays(1), "manager");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("id=\"from-error\">Must not be after to");

    HttpResponse<String> tooLong =
        get("/staff/reports?from=" + today.minusDays(400) + "&to=" + today, "manager");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body())
        .contains("id=\"to-error\">A period may cover at most 366 days")
        .doesNotContain("from-error");

    HttpResponse<String> markup = get("/staff/reports?to=%22%3E%3Cb%3Ex", "manager");
    assertThat(markup.statusCode()).isEqualTo(400);
    assertThat(markup.body()).contains("value=\"&quot;&gt;&lt;b&gt;x\"").doesNotContain("<b>x");
  }

  @Test
  void inTheBrowserAManagerSignedInToTasklistChoosesAPeriod() throws Exception {
    registerTwoCasesReceived(62);
    LocalDate today = calendar.localDate(Instant.now());
    WebDriver browser = Browser.start(1280, 2000);
    try {
      Browser.signInToTasklist(browser, base(), "manager");
      browser.get(base() + "/staff/reports");
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("headline")));

      // the form works from the keyboard: focus the button, press Enter
      browser.findElement(By.cssSelector("form button[type='submit']")).sendKeys("\n");
      wait.until(ExpectedConditions.urlContains("to=" + today));
      assertThat(browser.getCurrentUrl()).contains("from=" + today.minusDays(29));

      browser.get(base() + "/staff/reports?from=" + today.minusDays(89) + "&to=" + today);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("headline")));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Complaint reports");
      // the nonce'd style sheet applies (the CSP blocks any other): cards are laid out in a grid
      assertThat(browser.findElement(By.cssSelector(".cards")).getCssValue("display"))
          .isEqualTo("grid");
      Browser.screenshot(browser, "reports-dashboard");
    } finally {
      browser.quit();
    }
  }

  // --- data and browser -------------------------------------------------------------------

  /** Two cases left at intake, received that many days ago by phone and at a visit. */
  private LocalDate registerTwoCasesReceived(int daysAgo) {
    LocalDate day = calendar.localDate(Instant.now()).minusDays(daysAgo);
    Instant receivedAt = day.atTime(LocalTime.of(11, 0)).atZone(calendar.zone()).toInstant();
    CaseDriver cases = new CaseDriver(port);
    for (String channel : new String[] {"PHONE", "VISIT"}) {
      String body =
          """
          {"language":"lv","channel":"%s","receivedAt":"%s",
           "customer":{"name":"%s","email":"%s","phone":"+371 2612 0000"},
           "preferredContact":"EMAIL",
           "subject":"Silts ūdens",
           "description":"Nav silta ūdens.",
           "categoryHint":"HEATING_QUALITY"}
          """
              .formatted(channel, receivedAt, NAME, EMAIL);
      EngineRest.Response created = cases.staffRegistration("registrar", body);
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
    return day;
  }

  // --- HTTP -------------------------------------------------------------------------------

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (user != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String base() {
    return "http://localhost:" + port;
  }
}
