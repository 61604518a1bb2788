package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.IdleJobExecutor;
import eu.complaintdesk.testing.Multipart;
import eu.complaintdesk.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Subject access over HTTP: everything held about one customer as a ZIP, for privacy officers and
 * administrators only, found by e-mail or by phone however it is written, noted on each case.
 */
@ExtendWith(IdleJobExecutor.class)
class SubjectAccessIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ComplaintRegister register;
  @Autowired AnswerLetters letters;
  @Autowired NotificationService notifications;

  final HttpClient http = HttpClient.newHttpClient();

  record Case(long id, String number, String accessCode) {}

  @Test
  void privacyOfficerGetsExactlyTheCustomersCasesWithTheirFilesAndMessages() throws Exception {
    String marker = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
    String email = "sar" + marker + "@example.lv";
    String digits = "2" + marker;
    Case withPhoto =
        submit(
            complaint("Līga Priede", email, "+371 " + digits, "Cold radiators " + marker),
            TestFiles.pdf());
    Case answered =
        submit(
            complaint(
                "Līga Priede",
                email.toUpperCase(),
                "371-" + digits.substring(0, 4) + "-" + digits.substring(4),
                "Wrong bill " + marker),
            null);
    Case stranger =
        submit(
            complaint("Other Person", "other" + marker + "@example.lv", "+371 29999999", "Other"),
            null);
    HttpResponse<String> message =
        send(
            HttpRequest.newBuilder(uri("/api/complaints/" + answered.number() + "/information"))
                .header("Content-Type", "application/json")
                .header("X-Access-Code", answered.accessCode())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"message\":\"The meter reads 4711 " + marker + "\"}")));
    assertThat(message.statusCode()).as(message.body()).isEqualTo(202);
    register.recordAnswer(
        answered.id(), "UPHELD", "We corrected the bill " + marker, Instant.now());
    long letterId = letters.create(answered.id(), null, null, "test-answer");
    for (Case c : List.of(withPhoto, answered)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  notifications.messages(c.id()).stream()
                      .anyMatch(m -> m.kind() == NotificationKind.ACKNOWLEDGEMENT));
    }

    HttpResponse<byte[]> response = export("email=" + encode(email), "privacy");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"subject-access-")
        .endsWith(".zip")
        .doesNotContain(marker);
    Map<String, byte[]> zip = unzip(response.body());
    String casesJson = new String(zip.get("cases.json"), StandardCharsets.UTF_8);
    assertThat(casesJson).as("pretty").contains("\n  ");
    JsonNode export = json.readTree(casesJson);
    assertThat(export.get("caseCount").asInt()).isEqualTo(2);
    assertThat(export.get("cases").findValuesAsText("registrationNumber"))
        .containsExactly(withPhoto.number(), answered.number());
    assertThat(casesJson).doesNotContain(stranger.number()).doesNotContain("Other Person");

    JsonNode first = export.get("cases").get(0);
    assertThat(first.get("customer").get("name").asText()).isEqualTo("Līga Priede");
    assertThat(first.get("customer").get("email").asText()).isEqualTo(email);
    assertThat(first.get("submission").get("subject").asText())
        .isEqualTo("Cold radiators " + marker);
    assertThat(first.get("channel").asText()).isEqualTo("API");
    assertThat(first.get("language").asText()).isEqualTo("en");
    assertThat(first.get("receivedAt").asText()).isNotBlank();
    assertThat(first.get("responseDueAt").asText()).isNotBlank();
    assertThat(first.get("messagesToCustomer").findValuesAsText("kind"))
        .contains("ACKNOWLEDGEMENT");
    assertThat(first.get("messagesToCustomer").get(0).get("recipient").asText()).isEqualTo(email);
    JsonNode photo = first.get("attachments").get(0);
    assertThat(photo.get("fileName").asText()).isEqualTo("rēķins.pdf");
    String photoPath = photo.get("path").asText();
    assertThat(photoPath).startsWith(withPhoto.number() + "/attachments/").endsWith("-rekins.pdf");
    assertThat(zip.get(photoPath)).isEqualTo(TestFiles.pdf());
    Set<String> by = new HashSet<>(first.get("timeline").findValuesAsText("by"));
    assertThat(by).contains("customer").isSubsetOf("customer", "system", "staff");
    assertThat(first.get("timeline").findValuesAsText("kind")).contains("REGISTERED");

    JsonNode second = export.get("cases").get(1);
    assertThat(second.get("outcome").asText()).isEqualTo("UPHELD");
    assertThat(second.get("answer").asText()).isEqualTo("We corrected the bill " + marker);
    assertThat(second.get("messagesFromCustomer").get(0).get("message").asText())
        .isEqualTo("The meter reads 4711 " + marker);
    String letterPath = second.get("letters").get(0).get("path").asText();
    assertThat(letterPath).startsWith(answered.number() + "/letters/" + letterId + "-");
    assertThat(zip.get(letterPath))
        .isEqualTo(letters.find(answered.id(), letterId).orElseThrow().content());
    assertThat(zip.keySet()).containsExactlyInAnyOrder("cases.json", photoPath, letterPath);

    for (Case c : List.of(withPhoto, answered)) {
      assertThat(exports(c)).containsExactly("privacy");
    }
    assertThat(exports(stranger)).isEmpty();
    HttpResponse<String> status =
        send(
            HttpRequest.newBuilder(uri("/api/complaints/" + answered.number()))
                .header("X-Access-Code", answered.accessCode()));
    assertThat(status.body()).doesNotContain("SUBJECT_ACCESS");

    // by phone, written with other separators than either case
    String phone = "(371) " + digits.substring(0, 4) + "." + digits.substring(4);
    HttpResponse<byte[]> byPhone = export("phone=" + encode(phone), "admin");
    assertThat(byPhone.statusCode()).isEqualTo(200);
    assertThat(
            json.readTree(unzip(byPhone.body()).get("cases.json"))
                .get("cases")
                .findValuesAsText("registrationNumber"))
        .containsExactly(withPhoto.number(), answered.number());
    assertThat(exports(answered)).containsExactly("privacy", "admin");
  }

  @Test
  void othersAre403BadParametersAre400AndAnUnknownCustomer404() throws Exception {
    for (String user : List.of("handler", "manager", "registrar")) {
      HttpResponse<byte[]> refused = export("email=anna%40example.lv", user);
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertProblem(refused, null);
    }
    assertThat(export("", "handler").statusCode()).as("403 before the parameters").isEqualTo(403);
    assertThat(
            send(HttpRequest.newBuilder(uri("/api/staff/subject-access?email=a%40example.lv")))
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> linkedFromAnotherSite =
        send(
            HttpRequest.newBuilder(uri("/api/staff/subject-access?email=a%40example.lv"))
                .header("Authorization", EngineRest.basic("privacy", "privacy"))
                .header("Sec-Fetch-Site", "cross-site"));
    assertThat(linkedFromAnotherSite.statusCode())
        .as("the export writes the timeline: never run from another site's link")
        .isEqualTo(403);

    assertProblem(export("", "privacy"), "email");
    assertProblem(export("email=a%40example.lv&phone=20001234", "privacy"), "phone");
    assertProblem(export("email=", "privacy"), "email");
    assertProblem(export("email=not-an-address", "privacy"), "email");
    assertProblem(export("phone=call%20me", "privacy"), "phone");
    assertProblem(export("phone=12", "privacy"), "phone");
    assertThat(export("", "privacy").statusCode()).isEqualTo(400);

    HttpResponse<byte[]> unknown = export("email=nobody.ever%40example.lv", "privacy");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertProblem(unknown, "email");
    assertThat(export("phone=%2B1%20555%200100%20999", "privacy").statusCode()).isEqualTo(404);
  }

  private void assertProblem(HttpResponse<byte[]> response, String field) throws Exception {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    if (field != null) {
      assertThat(response.statusCode()).isIn(400, 404);
      assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }
  }

  /** Who exported the case, from its timeline (entries the customer does not see). */
  private List<String> exports(Case c) {
    List<String> actors = new ArrayList<>();
    for (TimelineEntry entry : register.timeline(c.id())) {
      if (entry.type().equals("SUBJECT_ACCESS_EXPORTED")) {
        assertThat(entry.visibleToCustomer()).isFalse();
        actors.add(entry.actor());
      }
    }
    return actors;
  }

  private static String complaint(String name, String email, String phone, String subject) {
    return """
        {"language":"en",
         "customer":{"name":"%s","email":"%s","phone":"%s","address":"Rīga, Brīvības iela 1"},
         "preferredContact":"EMAIL",
         "subject":"%s",
         "description":"Please look into it.",
         "categoryHint":"BILLING"}
        """
        .formatted(name, email, phone, subject);
  }

  private Case submit(String complaint, byte[] pdf) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/complaints"));
    if (pdf == null) {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(complaint));
    } else {
      Multipart form =
          new Multipart()
              .json("complaint", complaint)
              .file("attachments", "rēķins.pdf", "application/pdf", pdf);
      request
          .header("Content-Type", form.contentType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()));
    }
    HttpResponse<String> created = send(request);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode receipt = json.readTree(created.body());
    String number = receipt.get("registrationNumber").asText();
    return new Case(
        register.findByRegistrationNumber(number).orElseThrow().id(),
        number,
        receipt.get("accessCode").asText());
  }

  private HttpResponse<byte[]> export(String query, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                uri("/api/staff/subject-access" + (query.isEmpty() ? "" : "?" + query)))
            .header("Authorization", EngineRest.basic(user, user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        assertThat(entries.put(entry.getName(), in.readAllBytes()))
            .as("one entry " + entry.getName())
            .isNull();
      }
    }
    return entries;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
