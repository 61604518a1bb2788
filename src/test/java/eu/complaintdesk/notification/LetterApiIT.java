package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Answer letters downloaded by the customer (access code) and by staff; the staff outbox. */
class LetterApiIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired ComplaintRegister register;
  @Autowired AnswerLetters letters;
  @Autowired ObjectMapper json;

  final HttpClient http = HttpClient.newHttpClient();

  record Submitted(long id, String number, String accessCode) {}

  @Test
  void customerDownloadsTheLetterWithTheAccessCodeAndAnythingElseIsTheSame404() throws Exception {
    Submitted complaint = submit();
    Submitted other = submit();
    long letterId = answer(complaint);
    long otherLetterId = answer(other);
    String path = "/api/complaints/" + complaint.number() + "/letters/";

    HttpResponse<byte[]> ok = get(path + letterId, "X-Access-Code", complaint.accessCode());

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(ok.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("answer-" + complaint.number() + ".pdf");
    assertThat(new String(ok.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

    String unknown = body(get(path + letterId, "X-Access-Code", "WRONG-CODE-1234"));
    assertThat(body(get(path + otherLetterId, "X-Access-Code", complaint.accessCode())))
        .isEqualTo(unknown);
    assertThat(body(get(path + (otherLetterId + 1000), "X-Access-Code", complaint.accessCode())))
        .isEqualTo(unknown);
    assertThat(body(get(path + "abc", "X-Access-Code", complaint.accessCode()))).isEqualTo(unknown);
    assertThat(body(get("/api/complaints/2099-999999/letters/" + letterId, "X-Access-Code", "x")))
        .isEqualTo(unknown);
    HttpResponse<byte[]> notFound = get(path + letterId, "X-Access-Code", "WRONG-CODE-1234");
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void staffDownloadLettersAndSeeTheOutboxOnlyWhenSignedIn() throws Exception {
    Submitted complaint = submit();
    long letterId = answer(complaint);
    String letterPath = "/api/staff/complaints/" + complaint.number() + "/letters/" + letterId;
    String outboxPath = "/api/staff/complaints/" + complaint.number() + "/messages";

    assertThat(get(letterPath, "X-Ignored", "-").statusCode()).isEqualTo(401);
    assertThat(get(outboxPath, "X-Ignored", "-").statusCode()).isEqualTo(401);

    HttpResponse<byte[]> letter =
        get(letterPath, "Authorization", EngineRest.basic("registrar", "registrar"));
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.headers().firstValue("Content-Type")).hasValue("application/pdf");

    // the message is recorded (PENDING) in a transaction of its own before it is handed to SMTP
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode messages = outbox(complaint).get("messages");
              return messages.size() > 0 && "SENT".equals(messages.get(0).get("state").asText());
            });
    JsonNode outbox = outbox(complaint);
    JsonNode acknowledgement = outbox.get("messages").get(0);
    assertThat(acknowledgement.get("kind").asText()).isEqualTo("ACKNOWLEDGEMENT");
    assertThat(acknowledgement.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(acknowledgement.get("state").asText()).isEqualTo("SENT");
    assertThat(acknowledgement.get("attempts").asInt()).isEqualTo(1);
    assertThat(outbox.get("letters").get(0).get("id").asLong()).isEqualTo(letterId);
  }

  private JsonNode outbox(Submitted complaint) throws Exception {
    HttpResponse<byte[]> response =
        get(
            "/api/staff/complaints/" + complaint.number() + "/messages",
            "Authorization",
            EngineRest.basic("registrar", "registrar"));
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private long answer(Submitted complaint) {
    register.recordAnswer(complaint.id(), null, "The radiators were bled.", Instant.now());
    return letters.create(complaint.id(), null, null, "test-answer");
  }

  private Submitted submit() throws Exception {
    String body =
        """
        {"language":"en",
         "customer":{"name":"Anna Ozola","email":"%s"},
         "preferredContact":"EMAIL",
         "subject":"Radiators are cold",
         "description":"No heating since Monday."}
        """
            .formatted(NotificationDeliveryIT.address("letter"));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode receipt = json.readTree(response.body());
    String number = receipt.get("registrationNumber").asText();
    return new Submitted(
        register.findByRegistrationNumber(number).orElseThrow().id(),
        number,
        receipt.get("accessCode").asText());
  }

  private HttpResponse<byte[]> get(String path, String header, String value) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).header(header, value).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Status and problem, without the request path ("instance"). */
  private String body(HttpResponse<byte[]> response) throws Exception {
    JsonNode problem = json.readTree(response.body());
    ((ObjectNode) problem).remove("instance");
    return response.statusCode() + " " + problem;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
