package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.intake.CustomerRequests;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.OutboundTestServers;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Internal messages reach the people concerned by e-mail (GreenMail), each exactly once: the demo
 * users' addresses ({@code <id>@complaintdesk.example}); other tests' cases write to the same
 * people, so every check counts only the mails that name this test's registration number.
 */
class StaffEmailsIT extends ApplicationIntegrationTest {

  private static final String STAFF_DOMAIN = "@complaintdesk.example";
  private static final String HANDLER = "handler" + STAFF_DOMAIN;
  private static final String SUPERVISOR = "supervisor" + STAFF_DOMAIN;
  private static final String SUPERVISOR2 = "supervisor2" + STAFF_DOMAIN;
  private static final String MANAGER = "manager" + STAFF_DOMAIN;
  private static final AtomicLong SEQUENCE = new AtomicLong();

  @LocalServerPort int port;
  @Autowired NotificationService notifications;
  @Autowired StaffNotifications staff;
  @Autowired ComplaintRegister register;
  @Autowired CustomerRequests customerRequests;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;

  CaseDriver cases;

  @BeforeEach
  void driver() {
    cases = new CaseDriver(port);
  }

  @AfterEach
  void smtpIsBack() {
    if (!OutboundTestServers.smtp().isRunning()) { // when a test failed half-way
      OutboundTestServers.startSmtp();
    }
  }

  @Test
  void lateCaseTellsManagersThenTheDraftsCandidatesAndTheSupervisorsEachOnce() throws Exception {
    // received six weeks ago: the case deadline is past at once, and so are the draft's timers
    String number = registerReceivedWeeksAgo();
    long id = complaintId(number);

    awaitSent(id, NotificationKind.CASE_OVERDUE, 1);
    assertThat(recipients(id, NotificationKind.CASE_OVERDUE)).containsExactly(MANAGER);

    EngineRest registrar = EngineRest.as(port, "registrar");
    cases.work(registrar, number, "UserTask_CheckCompleteness", Map.of("complete", true));
    cases.work(
        registrar,
        number,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "SERVICE_COMPLAINT", "category", "HEATING_QUALITY"));
    String draft = cases.awaitTask(number, "UserTask_DraftAnswer");

    // nobody has taken the draft: the members of dept-heat-quality (with an address) are reminded
    awaitSent(id, NotificationKind.DRAFT_REMINDER, 3);
    assertThat(recipients(id, NotificationKind.DRAFT_REMINDER))
        .containsExactlyInAnyOrder(HANDLER, SUPERVISOR, SUPERVISOR2);
    awaitSent(id, NotificationKind.DRAFT_OVERDUE, 2);
    assertThat(recipients(id, NotificationKind.DRAFT_OVERDUE))
        .containsExactlyInAnyOrder(SUPERVISOR, SUPERVISOR2);

    // what arrived: one mail per person and kind, naming the case and the draft task
    awaitMails(number, Map.of(MANAGER, 1, HANDLER, 1, SUPERVISOR, 2, SUPERVISOR2, 2));
    assertThat(subjects(MANAGER, number))
        .containsExactly("Overdue: " + number + " has not been answered");
    assertThat(subjects(HANDLER, number)).singleElement().asString().startsWith("Reminder:");
    assertThat(subjects(SUPERVISOR, number))
        .containsExactlyInAnyOrder(
            subjects(HANDLER, number).get(0), "Overdue: draft answer to " + number);
    MimeMessage reminder = mails(HANDLER, number).get(0);
    // no Reply-To naming the complaints inbox: a staff member's answer must not become a complaint
    assertThat(reminder.getHeader("Reply-To")).isNull();
    assertThat(NotificationDeliveryIT.parts(reminder).text())
        .contains(
            "Task: Draft answer",
            "/camunda/app/tasklist/default/#/?task=" + draft,
            "/staff/complaints/" + number)
        .doesNotContain("Anna Ozola", "Radiators are cold", "anna-");
  }

  @Test
  void claimedDraftRemindsItsAssigneeOnlyAndTheCustomersMessageReachesHim() throws Exception {
    String number = cases.heatingComplaintAwaitingDraft();
    long id = complaintId(number);
    String draft = cases.awaitTask(number, "UserTask_DraftAnswer");
    EngineRest handler = EngineRest.as(port, "handler");
    EngineRest.Response claimed =
        handler.post("/task/" + draft + "/claim", CaseDriver.claimBody(handler));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);

    // the reminder is due now (the engine's clock control: the timer's due date moved)
    Job reminderTimer =
        management
            .createJobQuery()
            .processInstanceId(
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKey(number)
                    .singleResult()
                    .getId())
            .activityId("BoundaryEvent_DraftReminderDue")
            .timers()
            .singleResult();
    management.setJobDuedate(reminderTimer.getId(), Date.from(Instant.now().minusSeconds(1)));

    awaitSent(id, NotificationKind.DRAFT_REMINDER, 1);
    assertThat(recipients(id, NotificationKind.DRAFT_REMINDER)).containsExactly(HANDLER);

    customerRequests.supplyInformation(register.get(id), "The radiator in the bedroom too.");
    awaitSent(id, NotificationKind.CUSTOMER_MESSAGE_RECEIVED, 1);
    assertThat(recipients(id, NotificationKind.CUSTOMER_MESSAGE_RECEIVED)).containsExactly(HANDLER);

    awaitMails(number, Map.of(HANDLER, 2));
    assertThat(mails(SUPERVISOR, number)).isEmpty();
    assertThat(subjects(HANDLER, number)).contains("New message from the customer – " + number);
    for (MimeMessage mail : mails(HANDLER, number)) {
      assertThat(NotificationDeliveryIT.parts(mail).text())
          .contains("/camunda/app/tasklist/default/#/?task=" + draft)
          .doesNotContain("bedroom", "Anna Ozola", "anna@example.lv");
    }
  }

  @Test
  void praiseIsForwardedToTheMembersOfTheDepartmentWithoutTheCustomersWords() throws Exception {
    String number = cases.submit(CaseDriver.HEATING_COMPLAINT);
    long id = complaintId(number);
    EngineRest registrar = EngineRest.as(port, "registrar");
    cases.work(registrar, number, "UserTask_CheckCompleteness", Map.of("complete", true));
    cases.work(
        registrar,
        number,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "PRAISE", "category", "STAFF_CONDUCT"));

    // demo users: handler and both supervisors are members of every department
    awaitSent(id, NotificationKind.PRAISE_FORWARDED, 3);
    assertThat(recipients(id, NotificationKind.PRAISE_FORWARDED))
        .containsExactlyInAnyOrder(HANDLER, SUPERVISOR, SUPERVISOR2);
    awaitMails(number, Map.of(HANDLER, 1, SUPERVISOR, 1, SUPERVISOR2, 1));
    String text = NotificationDeliveryIT.parts(mails(SUPERVISOR2, number).get(0)).text();
    assertThat(text)
        .contains(number, "/staff/complaints/" + number)
        .doesNotContain("Radiators are cold", "No heating", "Anna Ozola", "tasklist");
  }

  @Test
  void retriedStepEmailsEachPersonOnce() throws Exception {
    String number = cases.submit(CaseDriver.HEATING_COMPLAINT);
    long id = complaintId(number);
    String step = "ServiceTask_Test/job:retried-" + SEQUENCE.incrementAndGet();

    // the first run fails: the SMTP server is down
    OutboundTestServers.stopSmtp();
    try {
      assertThatThrownBy(
              () ->
                  staff.toGroup(
                      id, "supervisors", null, null, NotificationKind.DRAFT_OVERDUE, step))
          .isInstanceOf(MessageDeliveryFailed.class);
    } finally {
      OutboundTestServers.startSmtp();
    }
    assertThat(messages(id, NotificationKind.DRAFT_OVERDUE))
        .hasSize(2)
        .allSatisfy(m -> assertThat(m.state()).isEqualTo(DeliveryState.FAILED));

    // the retry sends to each, a further retry (or a repeated step) to nobody
    staff.toGroup(id, "supervisors", null, null, NotificationKind.DRAFT_OVERDUE, step);
    staff.toGroup(id, "supervisors", null, null, NotificationKind.DRAFT_OVERDUE, step);

    assertThat(messages(id, NotificationKind.DRAFT_OVERDUE))
        .hasSize(2)
        .allSatisfy(
            m -> {
              assertThat(m.state()).isEqualTo(DeliveryState.SENT);
              assertThat(m.dedupKey()).startsWith(step + "|");
            });
    awaitMails(number, Map.of(SUPERVISOR, 1, SUPERVISOR2, 1));
  }

  @Test
  void nobodyWithAnAddressIsRecordedForTheGroup() {
    String number = cases.submit(CaseDriver.HEATING_COMPLAINT);
    long id = complaintId(number);

    staff.toGroup(id, "dept-nobody", null, null, NotificationKind.CASE_OVERDUE, "nobody-step");

    assertThat(messages(id, NotificationKind.CASE_OVERDUE))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.channel()).isEqualTo(MessageChannel.GROUP);
              assertThat(m.recipient()).isEqualTo("group:dept-nobody");
            });
  }

  // --- helpers ----------------------------------------------------------------------------

  private String registerReceivedWeeksAgo() {
    Instant receivedAt = Instant.now().minus(42, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String body =
        """
        {"language":"en","channel":"PHONE","receivedAt":"%s",
         "customer":{"name":"Anna Ozola","email":"anna-%d@example.lv"},
         "preferredContact":"EMAIL",
         "subject":"Radiators are cold",
         "description":"No heating in the flat since Monday.",
         "categoryHint":"HEATING_QUALITY"}
        """
            .formatted(receivedAt, SEQUENCE.incrementAndGet());
    EngineRest.Response created = cases.staffRegistration("registrar", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("registrationNumber").asText();
  }

  private long complaintId(String number) {
    return register.findByRegistrationNumber(number).orElseThrow().id();
  }

  private List<OutboundMessage> messages(long id, NotificationKind kind) {
    return notifications.messages(id).stream().filter(m -> m.kind() == kind).toList();
  }

  private List<String> recipients(long id, NotificationKind kind) {
    return messages(id, kind).stream().map(OutboundMessage::recipient).toList();
  }

  private void awaitSent(long id, NotificationKind kind, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(messages(id, kind))
                    .hasSize(count)
                    .allSatisfy(
                        m -> {
                          assertThat(m.channel()).isEqualTo(MessageChannel.EMAIL);
                          assertThat(m.state()).isEqualTo(DeliveryState.SENT);
                        }));
  }

  /** Waits until the staff mails naming the case are exactly these (address → how many). */
  private void awaitMails(String number, Map<String, Integer> expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(staffMailCounts(number)).isEqualTo(new TreeMap<>(expected)));
  }

  private static Map<String, Integer> staffMailCounts(String number) throws Exception {
    Map<String, Integer> counts = new TreeMap<>();
    for (MimeMessage mail : OutboundTestServers.smtp().getReceivedMessages()) {
      if (mail.getSubject() == null || !mail.getSubject().contains(number)) {
        continue;
      }
      for (var to : mail.getRecipients(Message.RecipientType.TO)) {
        String address = ((InternetAddress) to).getAddress().toLowerCase();
        if (address.endsWith(STAFF_DOMAIN)) {
          counts.merge(address, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static List<MimeMessage> mails(String address, String number) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage mail : NotificationDeliveryIT.mailsTo(address)) {
      if (mail.getSubject() != null && mail.getSubject().contains(number)) {
        found.add(mail);
      }
    }
    return found;
  }

  private static List<String> subjects(String address, String number) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (MimeMessage mail : mails(address, number)) {
      subjects.add(mail.getSubject());
    }
    return subjects;
  }
}
