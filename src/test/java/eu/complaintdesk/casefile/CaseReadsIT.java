package eu.complaintdesk.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.notification.DeliveryState;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.IdleJobExecutor;
import eu.complaintdesk.testing.Multipart;
import eu.complaintdesk.testing.TestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who read what over HTTP: a handler's reads of a case file, an attachment and a letter are
 * recorded and shown to administrators only; a refused read is not recorded.
 */
@ExtendWith(IdleJobExecutor.class)
class CaseReadsIT extends ApplicationIntegrationTest {

  static final String COMPLAINT =
      """
      {"language":"en",
       "customer":{"name":"Anna Ozola","email":"anna.reads@example.lv"},
       "preferredContact":"EMAIL",
       "subject":"Radiators are cold",
       "description":"No heating in the flat since Monday.",
       "categoryHint":"HEATING_QUALITY"}
      """;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired ComplaintRegister register;
  @Autowired AnswerLetters letters;
  @Autowired CaseReads reads;
  @Autowired NotificationService notifications;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void administratorsSeeWhoReadTheCaseFileAnAttachmentAndALetter() throws Exception {
    String number = submitWithPhoto();
    CaseDriver driver = new CaseDriver(port);
    EngineRest registrar = EngineRest.as(port, "registrar");
    driver.work(registrar, number, "UserTask_CheckCompleteness", Map.of("complete", true));
    driver.work(
        registrar,
        number,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "SERVICE_COMPLAINT", "category", "HEATING_QUALITY"));
    driver.awaitTask(number, "UserTask_DraftAnswer");
    long id = register.findByRegistrationNumber(number).orElseThrow().id();
    register.recordAnswer(id, null, "The radiators were bled.", Instant.now());
    long letterId = letters.create(id, null, null, "test-answer");
    long attachmentId =
        json.readTree(get("/api/staff/complaints/" + number + "/attachments", "handler").body())
            .get(0)
            .get("id")
            .asLong();
    assertThat(reads.latest(id, 50).total()).as("working tasks is no read of the file").isZero();
    Instant before = Instant.now();

    HttpResponse<String> page = get("/staff/complaints/" + number, "handler");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Case file " + number).doesNotContain("Who read this case");
    assertThat(
            get("/api/staff/complaints/" + number + "/attachments/" + attachmentId, "handler")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            get("/api/staff/complaints/" + number + "/letters/" + letterId, "handler").statusCode())
        .isEqualTo(200);
    assertThat(get("/api/staff/complaints/" + number + "/messages", "handler").statusCode())
        .isEqualTo(200);
    // refused: an attachment or letter the case does not have
    assertThat(
            get(
                    "/api/staff/complaints/" + number + "/attachments/" + (attachmentId + 100_000),
                    "handler")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            get("/api/staff/complaints/" + number + "/letters/" + (letterId + 100_000), "handler")
                .statusCode())
        .isEqualTo(404);
    Instant after = Instant.now();

    JsonNode listed = readsAs(number, "admin");
    assertThat(listed.get("registrationNumber").asText()).isEqualTo(number);
    assertThat(listed.get("total").asLong()).isEqualTo(4);
    List<String> what = new ArrayList<>();
    for (JsonNode read : listed.get("reads")) {
      assertThat(read.get("reader").asText()).isEqualTo("handler");
      Instant readAt = Instant.parse(read.get("readAt").asText());
      assertThat(readAt).isBetween(before.minusSeconds(1), after.plusSeconds(1));
      what.add(read.get("kind").asText() + " " + read.path("itemId").asText("none"));
    }
    assertThat(what)
        .as("newest first")
        .containsExactly(
            "OUTBOX none", "LETTER " + letterId, "ATTACHMENT " + attachmentId, "CASE_FILE none");

    HttpResponse<String> adminPage = get("/staff/complaints/" + number, "admin");
    assertThat(adminPage.body())
        .contains("Who read this case")
        .contains("letter " + letterId)
        .contains("attachment " + attachmentId)
        .contains("case file")
        .contains("messages sent")
        .contains(">handler<")
        .contains(">admin<");
    assertThat(readsAs(number, "admin").get("total").asLong())
        .as("the administrator's own look at the case file is a read too")
        .isEqualTo(5);

    HttpResponse<String> refused = get("/api/staff/complaints/" + number + "/reads", "handler");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void aReadRefusedByTheCaseRuleIsNotRecorded() throws Exception {
    // not classified yet, so not routed to the handler's departments: 404 for them
    String number = new CaseDriver(port).submit(COMPLAINT);
    long id = register.findByRegistrationNumber(number).orElseThrow().id();

    assertThat(get("/staff/complaints/" + number, "handler").statusCode()).isEqualTo(404);
    assertThat(get("/api/staff/complaints/" + number + "/reads", "handler").statusCode())
        .isEqualTo(404);

    assertThat(reads.latest(id, 50).total()).isZero();
    assertThat(readsAs(number, "admin").get("reads")).isEmpty();
  }

  @Test
  void thePostRoomsPrintingOfALetterIsARead() throws Exception {
    String number =
        new CaseDriver(port)
            .submit(
                """
                {"language":"en",
                 "customer":{"name":"Ilze Kalnina","address":"Brivibas iela 12-3, Riga"},
                 "preferredContact":"POST",
                 "subject":"No hot water",
                 "description":"No hot water for three days."}
                """);
    long id = register.findByRegistrationNumber(number).orElseThrow().id();
    long message =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    notifications.messages(id).stream()
                        .filter(m -> m.state() == DeliveryState.SENT)
                        .map(OutboundMessage::id)
                        .findFirst()
                        .orElse(null),
                found -> found != null);

    assertThat(get("/staff/post/" + message + ".pdf", "handler").statusCode()).isEqualTo(403);
    assertThat(get("/staff/post/" + message + ".pdf", "registrar").statusCode()).isEqualTo(200);

    JsonNode listed = readsAs(number, "admin");
    assertThat(listed.get("total").asLong()).as("the refused print is not recorded").isEqualTo(1);
    JsonNode read = listed.get("reads").get(0);
    assertThat(read.get("reader").asText()).isEqualTo("registrar");
    assertThat(read.get("kind").asText()).isEqualTo("POST_ROOM_LETTER");
    assertThat(read.get("itemId").asLong()).isEqualTo(message);
  }

  private JsonNode readsAs(String number, String user) throws Exception {
    HttpResponse<String> response = get("/api/staff/complaints/" + number + "/reads", user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    return json.readTree(response.body());
  }

  private String submitWithPhoto() throws Exception {
    Multipart form =
        new Multipart()
            .json("complaint", COMPLAINT)
            .file("attachments", "radiator.png", "image/png", TestFiles.png());
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    return json.readTree(created.body()).get("registrationNumber").asText();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", EngineRest.basic(user, user))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
