package eu.complaintdesk.intake;

import static eu.complaintdesk.process.StaffRegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.OutboundTestServers;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Customers whose receipt nobody showed them (registered by staff through the Tasklist start form)
 * get their access code and the status page in the acknowledgement, over real SMTP; the outbox,
 * which staff read, keeps the code masked, and the held code is gone once the message is sent.
 * Customers who saw their receipt (public API) get the acknowledgement as before.
 */
class AccessCodeHandoverIT extends ApplicationIntegrationTest {

  private static final Pattern CODE = Pattern.compile("access code: ([A-Z0-9-]+)");

  @LocalServerPort int port;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ComplaintRegister register;
  @Autowired JdbcTemplate jdbc;

  @Test
  void staffRegisteredCustomerGetsAWorkingAccessCodeThatTheOutboxMasks() throws Exception {
    String email = "handover-" + System.nanoTime() + "@example.lv";
    String number = registerByStartForm(email);

    String text = textOf(singleMailTo(email));

    Matcher code = CODE.matcher(text);
    assertThat(code.find()).as(text).isTrue();
    assertThat(text).contains("http://localhost:8080/status");
    HttpResponse<String> status = get("/api/complaints/" + number, code.group(1));
    assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
    assertThat(get("/api/complaints/" + number, "WRONG-CODE").statusCode()).isNotEqualTo(200);
    Complaint complaint = register.findByRegistrationNumber(number).orElseThrow();
    String stored = outboxBody(complaint.id());
    assertThat(stored)
        .doesNotContain(code.group(1))
        .contains("access code: " + NotificationService.MASK);
    await().atMost(Duration.ofSeconds(10)).until(() -> heldCodes(complaint.id()) == 0);
  }

  @Test
  void customerWhoSawTheReceiptGetsTheAcknowledgementWithoutCode() throws Exception {
    String email = "receipt-" + System.nanoTime() + "@example.lv";
    String number =
        new CaseDriver(port).submit(CaseDriver.HEATING_COMPLAINT.replace("anna@example.lv", email));

    String text = textOf(singleMailTo(email));

    assertThat(text).contains(number).doesNotContain("access code").doesNotContain("/status");
    Complaint complaint = register.findByRegistrationNumber(number).orElseThrow();
    assertThat(outboxBody(complaint.id())).doesNotContain(NotificationService.MASK);
    assertThat(heldCodes(complaint.id())).isZero();
  }

  private String registerByStartForm(String email) {
    Map<String, Object> form = new HashMap<>();
    form.put(CHANNEL, "PHONE");
    form.put(LANGUAGE, "en");
    form.put(CUSTOMER_NAME, "Anna Phone");
    form.put(CUSTOMER_EMAIL, email);
    form.put(PREFERRED_CONTACT, "EMAIL");
    form.put(SUBJECT, "No hot water");
    form.put(DESCRIPTION, "There has been no hot water since Monday.");
    String definition =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    identity.setAuthentication("registrar", List.of(Groups.REGISTRARS));
    ProcessInstance instance;
    try {
      instance = forms.submitStartForm(definition, form);
    } finally {
      identity.clearAuthentication();
    }
    return (String)
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance.getId())
            .variableName(REGISTRATION_NUMBER)
            .singleResult()
            .getValue();
  }

  private String outboxBody(long complaintId) {
    return jdbc.queryForObject(
        "select body from outbound_message where complaint_id = ? and kind = 'ACKNOWLEDGEMENT'",
        String.class,
        complaintId);
  }

  private long heldCodes(long complaintId) {
    return jdbc.queryForObject(
        "select count(*) from access_code_handover where complaint_id = ?",
        Long.class,
        complaintId);
  }

  private HttpResponse<String> get(String path, String accessCode) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Access-Code", accessCode)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static MimeMessage singleMailTo(String email) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(email).isEmpty());
    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static List<MimeMessage> mailsTo(String email) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage mail : OutboundTestServers.smtp().getReceivedMessages()) {
      if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email))) {
        found.add(mail);
      }
    }
    return found;
  }

  /** The plain-text part of the mail. */
  private static String textOf(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = textOf(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
