package eu.complaintdesk.limits;

import static eu.complaintdesk.testing.TestClients.FORWARDED_FOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.Multipart;
import eu.complaintdesk.testing.TestClients;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public side's limits with their default values, each test as clients of its own (named in
 * {@code X-Forwarded-For}, which the test context's loopback proxy may set): submissions, wrong
 * access codes per case and per client, the web form's 429 page in the page's language, the JSON
 * body cap, the image size cap, and a forged {@code X-Forwarded-For} from an untrusted peer.
 */
class LimitsIT extends ApplicationIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void twentyFirstSubmissionWithinTheHourIsRefusedWhileAnotherClientStillSubmits()
      throws Exception {
    String client = TestClients.next();
    for (int i = 1; i <= 20; i++) {
      HttpResponse<String> created = submit(client, complaint("limit-" + i));
      assertThat(created.statusCode()).as("submission %d: %s", i, created.body()).isEqualTo(201);
    }
    long before = complaints();

    HttpResponse<String> refused = submit(client, complaint("limit-21"));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
    assertThat(JSON.readTree(refused.body()).get("status").asInt()).isEqualTo(429);
    assertThat(refused.body()).contains("Too many submissions");
    assertThat(complaints()).isEqualTo(before);

    HttpResponse<String> other = submit(TestClients.next(), complaint("limit-other"));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
  }

  @Test
  void anotherSpellingOfThePathOrTheNumberCountsAgainstTheSameLimit() throws Exception {
    // Spring MVC answers /api/complaint%73 and /api/complaints;x=1 as /api/complaints
    String[] paths = {"/api/complaints", "/api/complaint%73", "/api/complaints;x=1"};
    String client = TestClients.next();
    for (int i = 1; i <= 20; i++) {
      HttpResponse<String> created =
          submitTo(paths[i % paths.length], client, complaint("spelling-" + i));
      assertThat(created.statusCode()).as("submission %d: %s", i, created.body()).isEqualTo(201);
    }
    assertThat(submitTo("/api/complaint%73", client, complaint("spelling-21")).statusCode())
        .isEqualTo(429);

    JsonNode receipt = JSON.readTree(submit(null, complaint("spelled-case")).body());
    String number = receipt.get("registrationNumber").asText();
    String[] spellings = {number, number.replace("-", "%2D"), number + ";x=1"};
    for (int i = 1; i <= 10; i++) {
      String path = "/api/complaint%73/" + spellings[i % spellings.length];
      HttpResponse<String> guess = get(path, TestClients.next(), "WRONG" + i);
      assertThat(guess.statusCode()).as("guess %d at %s", i, path).isEqualTo(404);
    }
    assertThat(lookup(TestClients.next(), number, receipt.get("accessCode").asText()).statusCode())
        .isEqualTo(429);
  }

  @Test
  void wrongAccessCodesAreLimitedPerCaseAndPerClient() throws Exception {
    JsonNode receipt = JSON.readTree(submit(null, complaint("lookups")).body());
    String number = receipt.get("registrationNumber").asText();
    String code = receipt.get("accessCode").asText();
    String guesser = TestClients.next();
    for (int i = 1; i <= 10; i++) {
      assertThat(lookup(guesser, number, "WRONG" + i).statusCode())
          .as("guess %d", i)
          .isEqualTo(404);
    }

    HttpResponse<String> eleventh = lookup(guesser, number, "WRONG11");
    assertThat(eleventh.statusCode()).isEqualTo(429);
    assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
    // per case: from anywhere, the right code too, or guessing from many addresses would go on
    HttpResponse<String> owner = lookup(TestClients.next(), number, code);
    assertThat(owner.statusCode()).isEqualTo(429);
    assertThat(owner.body()).contains("for this case");
    // the status page counts the same case, and answers as a page
    HttpResponse<String> page = statusPage(TestClients.next(), number, code);
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.body()).contains("lang=\"en\"").contains("Too many requests");

    // per client: 30 wrong lookups of as many cases, then none
    String prober = TestClients.next();
    for (int i = 1; i <= 30; i++) {
      assertThat(lookup(prober, unknownNumber(), "WRONG").statusCode())
          .as("probe %d", i)
          .isEqualTo(404);
    }
    HttpResponse<String> refused = lookup(prober, unknownNumber(), "WRONG");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(refused.body()).contains("from your address");
  }

  @Test
  void theWebFormBeyondItsLimitAnswersInThePagesLanguage() throws Exception {
    HttpResponse<String> latvian = webFormBeyondTheLimit("lv");
    assertThat(latvian.statusCode()).isEqualTo(429);
    assertThat(latvian.headers().firstValue("Retry-After")).isPresent();
    assertThat(latvian.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(latvian.body())
        .contains("lang=\"lv\"")
        .contains("Pārāk daudz pieprasījumu")
        .containsPattern("mēģiniet vēlreiz pēc \\d+ min");

    HttpResponse<String> english = webFormBeyondTheLimit("en");
    assertThat(english.statusCode()).isEqualTo(429);
    assertThat(english.body())
        .contains("lang=\"en\"")
        .contains("Too many requests")
        .containsPattern("try again in \\d+ min");
  }

  @Test
  void jsonBodyOver256KbIsRefusedUnreadAndNothingIsStored() throws Exception {
    byte[] large = complaint("large", "x".repeat(300 * 1024)).getBytes(StandardCharsets.UTF_8);
    long before = complaints();

    HttpResponse<String> declared = postJson(HttpRequest.BodyPublishers.ofByteArray(large));
    HttpResponse<String> chunked =
        postJson(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));

    for (HttpResponse<String> refused : new HttpResponse[] {declared, chunked}) {
      assertThat(refused.statusCode()).isEqualTo(413);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).contains("256 KB");
    }
    assertThat(complaints()).isEqualTo(before);
    // a chunked body within the limit is read and judged as always
    byte[] fine = complaint("chunked", "x".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> read =
        postJson(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fine)));
    assertThat(read.statusCode()).as(read.body()).isEqualTo(400);
    assertThat(JSON.readTree(read.body()).get("field").asText()).isEqualTo("description");
  }

  @Test
  void jsonPartOver256KbOfAMultipartSubmissionIsRefusedNamingThePart() throws Exception {
    Multipart multipart =
        new Multipart()
            .json("complaint", complaint("large-part", "x".repeat(300 * 1024)))
            .file("attachments", "meter.png", "image/png", png(4, 4));
    long before = complaints();

    HttpResponse<String> refused = postMultipart(multipart);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(JSON.readTree(refused.body()).get("field").asText()).isEqualTo("complaint");
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void messagesAndSurveyAnswersBeyondTheLimitAreRefused() throws Exception {
    String client = TestClients.next();
    for (int i = 1; i <= 30; i++) {
      assertThat(surveyAnswer(client).statusCode()).as("answer %d", i).isEqualTo(404);
    }
    HttpResponse<String> refused = surveyAnswer(client);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains("Too many messages");
    assertThat(surveyAnswer(TestClients.next()).statusCode()).isEqualTo(404);
  }

  @Test
  void imageWiderThanTheLimitIsRefusedNamingTheField() throws Exception {
    Multipart multipart =
        new Multipart()
            .json("complaint", complaint("wide-image"))
            .file("attachments", "meter.png", "image/png", png(13_000, 10));
    long before = complaints();

    HttpResponse<String> refused = postMultipart(multipart);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("field").asText()).isEqualTo("attachments[0]");
    assertThat(problem.get("detail").asText()).contains("meter.png").contains("12000 pixels");
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    // 127.x.y.z other than 127.0.0.1 reaches this server over loopback but is no trusted proxy
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String peer = "127." + random.nextInt(1, 255) + "." + random.nextInt(256) + ".2";
    for (int i = 1; i <= 30; i++) {
      assertThat(rawLookup(peer, TestClients.next())).as("lookup %d", i).isEqualTo(404);
    }
    // each said it came from elsewhere; all came from the peer, which has used its allowance
    assertThat(rawLookup(peer, TestClients.next())).isEqualTo(429);
  }

  // --- helpers ----------------------------------------------------------------------------

  private HttpResponse<String> webFormBeyondTheLimit(String language) throws Exception {
    String client = TestClients.next();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("/submit"))
                .header(FORWARDED_FOR, client)
                .header("Accept-Language", language)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", value(page.body(), "name=\"_csrf\" value=\"([^\"]+)\""));
    form.put("token", value(page.body(), "name=\"token\" value=\"([^\"]+)\""));
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest post =
        HttpRequest.newBuilder(uri("/submit"))
            .header(FORWARDED_FOR, client)
            .header("Accept-Language", language)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    // every attempt counts, a form with errors too: nothing is registered here
    for (int i = 1; i <= 20; i++) {
      HttpResponse<String> refused = browser.send(post, HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as("form %d", i).isEqualTo(400);
    }
    return browser.send(post, HttpResponse.BodyHandlers.ofString());
  }

  /** The status page's form: number and access code, posted with the session's form token. */
  private HttpResponse<String> statusPage(String client, String number, String code)
      throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("/status"))
                .header(FORWARDED_FOR, client)
                .header("Accept-Language", "en")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String csrf = value(page.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
    return browser.send(
        HttpRequest.newBuilder(uri("/status"))
            .header(FORWARDED_FOR, client)
            .header("Accept-Language", "en")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "_csrf="
                        + URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                        + "&registrationNumber="
                        + number
                        + "&accessCode="
                        + code))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> submit(String client, String json) throws Exception {
    return submitTo("/api/complaints", client, json);
  }

  private HttpResponse<String> submitTo(String path, String client, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (client != null) {
      request.header(FORWARDED_FOR, client);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postMultipart(Multipart multipart) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/complaints"))
            .header("Content-Type", multipart.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An answer to a survey nobody was invited to: 404, but it counts. */
  private HttpResponse<String> surveyAnswer(String client) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/surveys/no-such-" + System.nanoTime()))
            .header(FORWARDED_FOR, client)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"score\":5}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postJson(HttpRequest.BodyPublisher body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/api/complaints"))
            .header("Content-Type", "application/json")
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> lookup(String client, String number, String code) throws Exception {
    return get("/api/complaints/" + number, client, code);
  }

  private HttpResponse<String> get(String path, String client, String code) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header(FORWARDED_FOR, client)
            .header("X-Access-Code", code)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A lookup with a wrong code, sent from {@code peer} claiming to come from {@code claimed}. */
  private int rawLookup(String peer, String claimed) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(peer, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/complaints/"
                  + unknownNumber()
                  + " HTTP/1.1\r\nHost: localhost\r\nX-Access-Code: WRONG\r\n"
                  + FORWARDED_FOR
                  + ": "
                  + claimed
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(status).startsWith("HTTP/1.1 ");
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  private static String unknownNumber() {
    return "1999-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
  }

  private static String complaint(String label) {
    return complaint(label, "No heating in the flat since Monday.");
  }

  private static String complaint(String label, String description) {
    return """
        {"language":"en",
         "customer":{"name":"Anna Ozola","email":"%s-%d@example.lv"},
         "preferredContact":"EMAIL",
         "subject":"Radiators are cold",
         "description":"%s"}
        """
        .formatted(label, System.nanoTime(), description);
  }

  private static byte[] png(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
    return out.toByteArray();
  }

  private long complaints() {
    return jdbc.sql("select count(*) from complaint").query(Long.class).single();
  }

  private static String value(String html, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    assertThat(matcher.find()).as("%s in the page", regex).isTrue();
    return matcher.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
