package eu.complaintdesk.postroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Browser;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.IdleJobExecutor;
import eu.complaintdesk.testing.StaffUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The post room over HTTP: registrars see the letters to post, print them and mark them posted;
 * nobody else, and no other site, does.
 */
@ExtendWith(IdleJobExecutor.class)
class PostRoomIT extends ApplicationIntegrationTest {

  static final String BY_POST =
      """
      {"language":"lv",
       "customer":{"name":"Ilze Kalniņa","address":"Brīvības iela 12-3, Rīga, LV-1010"},
       "preferredContact":"POST",
       "subject":"Karstais ūdens",
       "description":"Karstā ūdens nav jau trīs dienas.",
       "categoryHint":"HOT_WATER_QUALITY"}
      """;

  static final String ADDRESS = "Brīvības iela 12-3, Rīga, LV-1010";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired NotificationService notifications;
  @Autowired IdentityService identity;

  final HttpClient http = HttpClient.newHttpClient();
  CaseDriver cases;

  @BeforeEach
  void driver() {
    cases = new CaseDriver(port);
  }

  @Test
  void registrarsPrintTheLettersOfCustomersWhoAskedForPostAndMarkThemPosted() throws Exception {
    String byPost = cases.submit(BY_POST);
    String byEmail = cases.submit(byEmailToOwnAddress());
    long letter = awaitSentMessage(byPost, "POST");
    awaitSentMessage(byEmail, "EMAIL");

    HttpResponse<String> page = get("/staff/post", "registrar");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("form-action 'self'"));
    assertThat(page.body())
        .contains("href=\"complaints/" + byPost + "\"")
        .contains(ADDRESS)
        .contains("ACKNOWLEDGEMENT")
        .contains("href=\"post/" + letter + ".pdf\"")
        .contains("action=\"post/" + letter + "/posted\"")
        .doesNotContain(byEmail);
    assertThat(get("/staff/post", "admin").statusCode()).isEqualTo(200);

    HttpResponse<byte[]> pdf =
        http.send(
            request("/staff/post/" + letter + ".pdf", "registrar").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(
            disposition ->
                assertThat(disposition)
                    .startsWith("attachment;")
                    .contains("vestule-" + byPost + "-" + letter + ".pdf"));
    assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    assertThat(text(pdf.body()))
        .contains("Ilze Kalniņa")
        .contains(ADDRESS)
        .contains("Iesnieguma Nr. " + byPost)
        .contains("Datums");

    HttpResponse<String> marked = markPosted(letter, request -> basic(request, "registrar"));
    assertThat(marked.statusCode()).isEqualTo(303);
    assertThat(marked.headers().firstValue("Location")).hasValue("/staff/post");
    assertThat(get("/staff/post", "registrar").body())
        .doesNotContain("post/" + letter + ".pdf")
        .doesNotContain(byPost);
    assertThat(posted(byPost)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select posted_by from outbound_message where id = ?", String.class, letter))
        .isEqualTo("registrar");

    // a second mark (a reloaded form, another registrar) changes nothing
    assertThat(markPosted(letter, request -> basic(request, "admin")).statusCode()).isEqualTo(303);
    assertThat(posted(byPost)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select posted_by from outbound_message where id = ?", String.class, letter))
        .isEqualTo("registrar");

    // the case file's outbox says so; the customer's timeline does not
    assertThat(get("/staff/complaints/" + byPost, "supervisor").body())
        .containsPattern("posted \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} by registrar")
        .contains("MESSAGE_POSTED");
    assertThat(
            jdbc.queryForObject(
                "select visible_to_customer from complaint_event e join complaint c on c.id ="
                    + " e.complaint_id where c.registration_number = ? and e.event_type ="
                    + " 'MESSAGE_POSTED'",
                Boolean.class,
                byPost))
        .isFalse();
    // the letter can still be printed again
    assertThat(get("/staff/post/" + letter + ".pdf", "registrar").statusCode()).isEqualTo(200);
  }

  @Test
  void thePrintedLetterCarriesTheSurveyLinkTheOutboxMasks() throws Exception {
    String number = cases.submit(BY_POST);
    awaitSentMessage(number, "POST");
    long complaintId =
        jdbc.queryForObject(
            "select id from complaint where registration_number = ?", Long.class, number);
    notifications.notifyCustomerWithSecrets(
        complaintId,
        NotificationKind.SURVEY_INVITATION,
        Map.of("surveyExpiresDate", Instant.now().plus(Duration.ofDays(14))),
        Map.of("surveyLink", "https://desk.example/surveys/s3cretToken"),
        "post-room-survey");
    long letter =
        jdbc.queryForObject(
            "select id from outbound_message where complaint_id = ? and dedup_key = ?",
            Long.class,
            complaintId,
            "post-room-survey");

    assertThat(
            jdbc.queryForObject(
                "select body from outbound_message where id = ?", String.class, letter))
        .contains(NotificationService.MASK)
        .doesNotContain("s3cretToken");
    HttpResponse<byte[]> pdf =
        http.send(
            request("/staff/post/" + letter + ".pdf", "registrar").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(text(pdf.body())).contains("s3cretToken").doesNotContain(NotificationService.MASK);
  }

  @Test
  void onlyRegistrarsAndAdministratorsWorkThePostRoomAndOnlyForPostMessages() throws Exception {
    String byPost = cases.submit(BY_POST);
    long letter = awaitSentMessage(byPost, "POST");
    String byEmail = cases.submit(byEmailToOwnAddress());
    long email = awaitSentMessage(byEmail, "EMAIL");

    // (not the demo "handler": other tests sign in as them with a wrong password, which the engine
    // answers with a short lock)
    StaffUsers.ensure(identity, StaffUsers.HEAT_CLERK, "dept-heat-quality");
    for (String user : List.of(StaffUsers.HEAT_CLERK, "supervisor", "manager", "owner")) {
      HttpResponse<String> page = get("/staff/post", user);
      assertThat(page.statusCode()).as(user).isEqualTo(403);
      assertThat(page.body()).as(user).doesNotContain(byPost).doesNotContain("Brīvības");
      assertThat(get("/staff/post/" + letter + ".pdf", user).statusCode()).as(user).isEqualTo(403);
      assertThat(markPosted(letter, request -> basic(request, user)).statusCode())
          .as(user)
          .isEqualTo(403);
    }
    assertThat(posted(byPost)).isZero();

    // an e-mail is not the post room's
    assertThat(get("/staff/post/" + email + ".pdf", "registrar").statusCode()).isEqualTo(404);
    assertThat(markPosted(email, request -> basic(request, "registrar")).statusCode())
        .isEqualTo(404);
    assertThat(get("/staff/post/x.pdf", "registrar").statusCode()).isEqualTo(404);

    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(uri("/staff/post")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void anotherSiteCannotMarkALetterPostedWithTheStaffsCredentials() throws Exception {
    long letter = awaitSentMessage(cases.submit(BY_POST), "POST");

    HttpResponse<String> crossSite =
        markPosted(
            letter,
            request ->
                basic(request, "registrar")
                    .header("Origin", "https://evil.example")
                    .header("Sec-Fetch-Site", "cross-site"));
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(
            markPosted(
                    letter,
                    request -> basic(request, "registrar").header("Sec-Fetch-Site", "same-site"))
                .statusCode())
        .isEqualTo(403);
    assertThat(postedAt(letter)).isZero();
  }

  @Test
  void theTasklistSessionMarksPostedOnlyFromAPageOfThisSite() throws Exception {
    long letter = awaitSentMessage(cases.submit(BY_POST), "POST");
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    // as Tasklist's sign-in page does: the page gives the CSRF token, the login sends it back
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
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    // the session reads
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("/staff/post")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);

    // a changing request that proves nothing about where it comes from: no session user
    HttpResponse<String> unproven = send(browser, letter, Map.of());
    assertThat(unproven.statusCode()).isEqualTo(401);
    HttpResponse<String> typed = send(browser, letter, Map.of("Sec-Fetch-Site", "none"));
    assertThat(typed.statusCode()).isEqualTo(401);
    HttpResponse<String> nullOrigin = send(browser, letter, Map.of("Origin", "null"));
    assertThat(nullOrigin.statusCode()).isEqualTo(403);
    HttpResponse<String> evil =
        send(
            browser,
            letter,
            Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
    assertThat(evil.statusCode()).isEqualTo(403);
    HttpResponse<String> liar =
        send(
            browser,
            letter,
            Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "same-origin"));
    assertThat(liar.statusCode()).isEqualTo(403);
    assertThat(postedAt(letter)).isZero();

    // the post room's form, as a browser sends it
    HttpResponse<String> form =
        send(
            browser,
            letter,
            Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(303);
    assertThat(postedAt(letter)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select posted_by from outbound_message where id = ?", String.class, letter))
        .isEqualTo("registrar");
  }

  @Test
  void aBrowserSignedInToTasklistMarksALetterPostedWithThePagesForm() throws Exception {
    long letter = awaitSentMessage(cases.submit(BY_POST), "POST");
    WebDriver browser = Browser.start();
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      Browser.signInToTasklist(browser, "http://localhost:" + port, "registrar");

      browser.get(uri("/staff/post").toString());
      By form = By.cssSelector("form[action='post/" + letter + "/posted'] button");
      wait.until(ExpectedConditions.elementToBeClickable(form)).click();

      wait.until(ExpectedConditions.urlToBe(uri("/staff/post").toString()));
      wait.until(driver -> driver.findElements(form).isEmpty());
      assertThat(browser.getPageSource()).contains("Post room");
    } finally {
      browser.quit();
    }
    assertThat(postedAt(letter)).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select posted_by from outbound_message where id = ?", String.class, letter))
        .isEqualTo("registrar");
  }

  private HttpResponse<String> send(HttpClient browser, long letter, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/staff/post/" + letter + "/posted"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A complaint by e-mail to an address of its own: acknowledgements to one address are capped per
   * day (AcknowledgementCap), and the shared demo address gets many in one test run.
   */
  private static String byEmailToOwnAddress() {
    return CaseDriver.HEATING_COMPLAINT.replace(
        "anna@example.lv", "post-room-" + System.nanoTime() + "@example.lv");
  }

  /** The id of the case's first message by this channel, once it is SENT. */
  private long awaitSentMessage(String number, String channel) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                jdbc
                    .queryForList(
                        "select m.id from outbound_message m join complaint c on c.id ="
                            + " m.complaint_id where c.registration_number = ? and m.channel = ?"
                            + " and m.delivery_state = 'SENT' order by m.id",
                        Long.class,
                        number,
                        channel)
                    .stream()
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }

  private long posted(String number) {
    return jdbc.queryForObject(
        "select count(*) from complaint_event e join complaint c on c.id = e.complaint_id"
            + " where c.registration_number = ? and e.event_type = 'MESSAGE_POSTED'",
        Long.class,
        number);
  }

  private long postedAt(long messageId) {
    return jdbc.queryForObject(
        "select count(*) from outbound_message where id = ? and posted_at is not null",
        Long.class,
        messageId);
  }

  private HttpResponse<String> markPosted(
      long messageId, java.util.function.UnaryOperator<HttpRequest.Builder> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri("/staff/post/" + messageId + "/posted"))
            .POST(HttpRequest.BodyPublishers.noBody());
    return http.send(headers.apply(request).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path, String user) {
    return basic(HttpRequest.newBuilder(uri(path)), user);
  }

  private static HttpRequest.Builder basic(HttpRequest.Builder request, String user) {
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
    }
  }
}
