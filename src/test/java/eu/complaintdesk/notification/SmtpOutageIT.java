package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.OutboundTestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A dead SMTP server: the acknowledgement job fails, is retried, becomes an incident; once the
 * server is back and the incident is resolved by giving the job a retry (as in Cockpit), exactly
 * one e-mail leaves, and every attempt is on the complaint's record.
 */
class SmtpOutageIT extends ApplicationIntegrationTest {

  private static final String ACKNOWLEDGEMENT_STEP = "ServiceTask_SendAcknowledgement";

  @LocalServerPort int port;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired ComplaintRegister register;
  @Autowired NotificationService notifications;
  @Autowired ObjectMapper json;

  @AfterEach
  void smtpIsBack() {
    if (!OutboundTestServers.smtp().isRunning()) { // when the test failed half-way
      OutboundTestServers.startSmtp();
    }
  }

  @Test
  void deadSmtpServerLeadsToRetriesThenAnIncidentAndAfterRecoveryToExactlyOneEmail()
      throws Exception {
    String email = NotificationDeliveryIT.address("outage");
    OutboundTestServers.stopSmtp();

    String number = submit(email);
    Complaint complaint = register.findByRegistrationNumber(number).orElseThrow();
    String instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();

    // first attempt: the job executor, right after the submission
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> acknowledgementJob(instance).getExceptionMessage() != null);
    Job job = acknowledgementJob(instance);
    assertThat(job.getRetries()).isEqualTo(2);
    assertThat(job.getDuedate()).isAfter(Date.from(Instant.now().plusSeconds(200))); // R3/PT5M

    // the two retries, without waiting five minutes each
    assertThatThrownBy(() -> management.executeJob(job.getId()));
    assertThatThrownBy(() -> management.executeJob(job.getId()));
    assertThat(acknowledgementJob(instance).getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
    assertThat(notifications.messages(complaint.id()))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.FAILED);
              assertThat(message.attempts()).isEqualTo(3);
              assertThat(message.error()).contains("MailSendException");
            });
    assertThat(NotificationDeliveryIT.mailsTo(email)).isEmpty();

    // recovery: the server is back, the incident is resolved by setting a retry
    OutboundTestServers.startSmtp();
    management.setJobDuedate(job.getId(), Date.from(Instant.now().plusSeconds(86_400)));
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());

    assertThat(NotificationDeliveryIT.singleMailTo(email).getSubject()).contains(number);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(notifications.messages(complaint.id()))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.SENT);
              assertThat(message.attempts()).isEqualTo(4);
              assertThat(message.kind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
            });
    assertThat(
            register.timeline(complaint.id()).stream()
                .map(TimelineEntry::type)
                .filter(type -> type.startsWith("MESSAGE_"))
                .toList())
        .containsExactly(
            NotificationService.MESSAGE_FAILED,
            NotificationService.MESSAGE_FAILED,
            NotificationService.MESSAGE_FAILED,
            NotificationService.MESSAGE_SENT);

    // the process goes on to the completeness check, and nothing is sent twice
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> management.createJobQuery().processInstanceId(instance).messages().count() == 0);
    assertThat(NotificationDeliveryIT.mailsTo(email)).hasSize(1);
  }

  private Job acknowledgementJob(String instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance)
        .activityId(ACKNOWLEDGEMENT_STEP)
        .singleResult();
  }

  private String submit(String email) throws Exception {
    String body =
        """
        {"language":"lv",
         "customer":{"name":"Anna Ozola","email":"%s"},
         "preferredContact":"EMAIL",
         "subject":"Radiatori ir auksti",
         "description":"Kopš pirmdienas dzīvoklī nav apkures.",
         "categoryHint":"HEATING_QUALITY"}
        """
            .formatted(email);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    return json.readTree(response.body()).get("registrationNumber").asText();
  }
}
