package eu.complaintdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.customermessage.CustomerMessage;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.Multipart;
import eu.complaintdesk.testing.StoredState;
import eu.complaintdesk.testing.TestFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attachments over HTTP: multipart submissions and messages, checked by content, stored in the
 * register, shown to the customer by name and downloaded by staff. A refused file refuses the whole
 * request and nothing is stored.
 */
class AttachmentApiIT extends ApplicationIntegrationTest {

  static final String COMPLAINT =
      """
      {"language":"lv",
       "customer":{"name":"Jānis Kalniņš","email":"janis@example.lv"},
       "preferredContact":"EMAIL",
       "subject":"Nepareizs rēķins",
       "description":"Rēķinā ir divreiz ieskaitīts novembris. Pielikumā rēķins un skaitītāja foto."}
      """;

  @LocalServerPort int port;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired ComplaintRegister register;
  @Autowired CustomerMessages customerMessages;
  @Autowired IntakeService intake;
  @Autowired AttachmentService attachments;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void filesSentWithASubmissionAreStoredShownByNameAndDownloadedByStaff() throws Exception {
    HttpResponse<String> created =
        send(
            "/api/complaints",
            new Multipart()
                .json("complaint", COMPLAINT)
                .file("attachments", "rēķins.pdf", "application/pdf", TestFiles.pdf())
                .file("attachments", "skaitītājs.png", "image/png", TestFiles.png()),
            null,
            null);

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode receipt = json.readTree(created.body());
    String number = receipt.get("registrationNumber").asText();
    JsonNode status = json.readTree(get("/api/complaints/" + number, receipt, null).body());
    assertThat(status.get("attachments").findValuesAsText("fileName"))
        .containsExactly("rēķins.pdf", "skaitītājs.png");

    assertThat(get("/api/staff/complaints/" + number + "/attachments", null, null).statusCode())
        .isEqualTo(401);
    JsonNode list =
        json.readTree(
            get("/api/staff/complaints/" + number + "/attachments", null, "registrar").body());
    assertThat(list.findValuesAsText("mediaType")).containsExactly("application/pdf", "image/png");
    String href = list.get(0).get("href").asText();
    assertThat(get(href, null, null).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> download =
        http.send(
            HttpRequest.newBuilder(uri(href))
                .header("Authorization", EngineRest.basic("supervisor", "supervisor"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(TestFiles.pdf());
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment;")
        .contains("filename=\"rekins.pdf\"", "filename*=UTF-8''r%C4%93%C4%B7ins.pdf");
    String otherCase =
        json.readTree(
                send("/api/complaints", new Multipart().json("complaint", COMPLAINT), null, null)
                    .body())
            .get("registrationNumber")
            .asText();
    assertThat(
            get(href.replace(number, otherCase), null, "registrar")
                .statusCode()) // an attachment of another case
        .isEqualTo(404);
  }

  @Test
  void executableRenamedPdfRefusesTheWholeSubmissionNamingTheFile() throws Exception {
    StoredState before = stored();

    HttpResponse<String> refused =
        send(
            "/api/complaints",
            new Multipart()
                .json("complaint", COMPLAINT)
                .file("attachments", "photo.png", "image/png", TestFiles.png())
                .file("attachments", "rēķins.pdf", "application/pdf", TestFiles.exe()),
            null,
            null);

    assertProblem(refused, 422, "attachments[1]");
    assertThat(json.readTree(refused.body()).get("detail").asText()).contains("rēķins.pdf");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void textClaimingToBeAPngIsRefused() throws Exception {
    StoredState before = stored();

    HttpResponse<String> refused =
        send(
            "/api/complaints",
            new Multipart()
                .json("complaint", COMPLAINT)
                .file("attachments", "photo.png", "image/png", TestFiles.text()),
            null,
            null);

    assertProblem(refused, 422, "attachments[0]");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void fileAboveTheSizeLimitIsRefusedWith413NamingTheField() throws Exception {
    StoredState before = stored();

    HttpResponse<String> refused =
        send(
            "/api/complaints",
            new Multipart()
                .json("complaint", COMPLAINT)
                .file(
                    "attachments",
                    "scan.pdf",
                    "application/pdf",
                    TestFiles.pdfOfSize(10 * 1024 * 1024 + 1)),
            null,
            null);

    assertProblem(refused, 413, "attachments");
    assertThat(json.readTree(refused.body()).get("detail").asText())
        .contains("scan.pdf")
        .contains("10 MB");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void moreThanFiveFilesAreRefused() throws Exception {
    StoredState before = stored();
    Multipart request = new Multipart().json("complaint", COMPLAINT);
    for (int i = 0; i < 6; i++) {
      request.file("attachments", "photo" + i + ".png", "image/png", TestFiles.png());
    }

    HttpResponse<String> refused = send("/api/complaints", request, null, null);

    assertProblem(refused, 400, "attachments");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void informationWithFilesIsKeptAndADisguisedFileKeepsNothing() throws Exception {
    JsonNode receipt =
        json.readTree(
            send("/api/complaints", new Multipart().json("complaint", COMPLAINT), null, null)
                .body());
    String number = receipt.get("registrationNumber").asText();
    String code = receipt.get("accessCode").asText();
    String path = "/api/complaints/" + number + "/information";

    HttpResponse<String> accepted =
        send(
            path,
            new Multipart()
                .text("message", "Skaitītāja foto pielikumā.")
                .file("attachments", "foto.jpg", "image/jpeg", TestFiles.jpeg()),
            code,
            null);
    StoredState before = stored();
    HttpResponse<String> refused =
        send(
            path,
            new Multipart()
                .text("message", "Vēl viens fails")
                .file("attachments", "foto.jpg", "image/jpeg", TestFiles.exe()),
            code,
            null);
    HttpResponse<String> noMessage =
        send(
            path,
            new Multipart().file("attachments", "foto.jpg", "image/jpeg", TestFiles.jpeg()),
            code,
            null);
    HttpResponse<String> wrongCode =
        send(
            path,
            new Multipart()
                .text("message", "x")
                .file("attachments", "foto.jpg", "image/jpeg", TestFiles.jpeg()),
            "WRONGCODE22",
            null);

    assertThat(accepted.statusCode()).isEqualTo(202);
    long complaintId = register.findByRegistrationNumber(number).orElseThrow().id();
    assertThat(customerMessages.list(complaintId))
        .extracting(CustomerMessage::message)
        .containsExactly("Skaitītāja foto pielikumā.");
    assertProblem(refused, 422, "attachments[0]");
    assertProblem(noMessage, 400, "message");
    assertThat(wrongCode.statusCode()).isEqualTo(404);
    assertThat(stored()).isEqualTo(before);
    JsonNode status = json.readTree(get("/api/complaints/" + number, receipt, null).body());
    assertThat(status.get("attachments").findValuesAsText("fileName")).containsExactly("foto.jpg");
    assertThat(status.get("timeline").findValuesAsText("event"))
        .contains("CUSTOMER_MESSAGE", "ATTACHMENT_RECEIVED");
  }

  @Test
  void idempotencyKeyCoversTheFiles() throws Exception {
    String key = "files-" + System.nanoTime();
    HttpResponse<String> first =
        send(
            "/api/complaints",
            new Multipart()
                .json("complaint", COMPLAINT)
                .file("attachments", "a.png", "image/png", TestFiles.png()),
            null,
            key);
    HttpResponse<String> retry =
        send(
            "/api/complaints",
            new Multipart()
                .json("complaint", COMPLAINT)
                .file("attachments", "a.png", "image/png", TestFiles.png()),
            null,
            key);
    StoredState before = stored();
    HttpResponse<String> otherFile =
        send(
            "/api/complaints",
            new Multipart()
                .json("complaint", COMPLAINT)
                .file("attachments", "a.png", "image/png", TestFiles.jpeg()),
            null,
            key);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(json.readTree(retry.body())).isEqualTo(json.readTree(first.body()));
    assertProblem(otherFile, 422, "Idempotency-Key");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void multipartWithoutAUsableComplaintPartIsRefusedNamingIt() throws Exception {
    StoredState before = stored();

    HttpResponse<String> refused =
        send(
            "/api/complaints",
            new Multipart().file("attachments", "a.png", "image/png", TestFiles.png()),
            null,
            null);
    HttpResponse<String> invalid =
        send(
            "/api/complaints",
            new Multipart().json("complaint", COMPLAINT.replace("janis@example.lv", "janis@")),
            null,
            null);

    HttpResponse<String> untyped =
        send("/api/complaints", new Multipart().text("complaint", COMPLAINT), null, null);

    assertProblem(refused, 400, "complaint");
    assertProblem(untyped, 415, "complaint");
    assertProblem(invalid, 400, "customer.email");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void javaApiForTheWebPagesTakesFilesAndRefusesBadInputNamingTheField() throws Exception {
    Submission submission = json.readValue(COMPLAINT, Submission.class);
    Submission noEmail =
        json.readValue(COMPLAINT.replace("janis@example.lv", "janis@"), Submission.class);
    List<UploadedFile> photo =
        List.of(new UploadedFile("foto.jpg", "image/jpeg", TestFiles.jpeg()));

    IntakeService.Receipt receipt =
        intake.submit(submission, photo, Channel.WEB_FORM, Instant.now(), null, null);
    StoredState before = stored();

    assertThat(attachments.list(receipt.complaintId()))
        .extracting(AttachmentInfo::fileName)
        .containsExactly("foto.jpg");
    assertThatThrownBy(
            () -> intake.submit(noEmail, photo, Channel.WEB_FORM, Instant.now(), null, null))
        .isInstanceOfSatisfying(
            ApiProblem.class, problem -> assertThat(problem.field()).isEqualTo("customer.email"));
    assertThatThrownBy(
            () ->
                intake.submit(
                    submission,
                    List.of(new UploadedFile("foto.jpg", "image/jpeg", TestFiles.exe())),
                    Channel.WEB_FORM,
                    Instant.now(),
                    null,
                    null))
        .isInstanceOfSatisfying(
            ApiProblem.class, problem -> assertThat(problem.field()).isEqualTo("attachments[0]"));
    assertThat(stored()).isEqualTo(before);
  }

  private void assertProblem(HttpResponse<String> response, int status, String field)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
  }

  private StoredState stored() {
    return StoredState.of(jdbc, history);
  }

  private HttpResponse<String> send(
      String path, Multipart body, String accessCode, String idempotencyKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()));
    if (accessCode != null) {
      request.header("X-Access-Code", accessCode);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, JsonNode receipt, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (receipt != null) {
      request.header("X-Access-Code", receipt.get("accessCode").asText());
    }
    if (user != null) {
      request.header("Authorization", EngineRest.basic(user, user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
