package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14: the request for missing information by SMS carries no list ("what we need: {link}"), so
 * the status page shows what we asked for while the case waits for it.
 */
class RequestedInformationPageIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired IntakeService intake;
  @Autowired ComplaintRegister register;

  final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Test
  void statusPageShowsWhatWeAskedForOnlyWhileWeWaitForIt() throws Exception {
    IntakeService.Receipt receipt = submitted();
    long id = register.findByRegistrationNumber(receipt.registrationNumber()).orElseThrow().id();
    register.recordMissingInformation(
        id, "Skaitītāja rādījuma foto\n\n  <b>Rēķina kopija</b> par oktobri  ");
    signIn(receipt);

    assertThat(get("/status/case", "lv").body())
        .doesNotContain("requested-information", "Skaitītāja rādījuma foto");

    register.changeStatus(id, ComplaintStatus.AWAITING_INFORMATION, "system", "test");
    String page = get("/status/case", "lv").body();

    assertThat(page)
        .contains(
            "id=\"requested-information\"",
            "Ko lūdzām iesniegt",
            "<p>Skaitītāja rādījuma foto</p>",
            "<p>&lt;b&gt;Rēķina kopija&lt;/b&gt; par oktobri</p>")
        .doesNotContain("<b>Rēķina", "<p></p>");
    assertThat(get("/status/case", "ru").body()).contains("Какие сведения мы просили");
  }

  // --- helpers ----------------------------------------------------------------------------

  private IntakeService.Receipt submitted() {
    return intake.submit(
        new Submission(
            Language.lv,
            new Submission.Customer("Anna Ozola", null, "+371 20000123", null, null),
            PreferredContact.SMS,
            "Auksti radiatori",
            "Kopš pirmdienas nav apkures.",
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

  private void signIn(IntakeService.Receipt receipt) throws Exception {
    String csrf = value(get("/status", "lv").body(), "name=\"_csrf\" value=\"([^\"]+)\"");
    HttpResponse<String> opened =
        post(
            "/status",
            Map.of(
                "_csrf", csrf,
                "registrationNumber", receipt.registrationNumber(),
                "accessCode", receipt.accessCode()),
            "lv");
    assertThat(opened.statusCode()).isEqualTo(302);
  }

  private static String value(String html, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    assertThat(matcher.find()).as("%s in the page", regex).isTrue();
    return matcher.group(1);
  }

  private HttpResponse<String> get(String path, String language) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).header("Accept-Language", language).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String language)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept-Language", language)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
