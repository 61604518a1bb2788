package eu.complaintdesk.notification;

import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.PostgresTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Notifications recorded in PostgreSQL and handed to a recording delivery. */
@SpringJUnitConfig({PostgresTestConfiguration.class, RecordingDelivery.class})
@TestPropertySource(properties = "complaints.organisation.name=AS Rīgas siltums")
class NotificationServiceTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");
  private static final Instant DUE = Instant.parse("2026-03-23T16:00:00Z");

  @Autowired NotificationService notifications;
  @Autowired ComplaintRegister register;
  @Autowired AnswerDrafts drafts;
  @Autowired RecordingDelivery delivery;
  @Autowired DataSource dataSource;
  @Autowired MutableClock clock;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
    delivery.reset();
    clock.set(NOW);
  }

  @Test
  void acknowledgementIsRecordedAndSentByPreferredContactInCustomerLanguage() {
    long id =
        complaint(
            Language.lv,
            PreferredContact.EMAIL,
            "anna@example.lv",
            "+37120000000",
            "Brīvības iela 1, Rīga");
    clock.advance(Duration.ofMinutes(1));

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");

    assertThat(delivery.delivered)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.kind()).isEqualTo(NotificationKind.ACKNOWLEDGEMENT);
              assertThat(message.channel()).isEqualTo(MessageChannel.EMAIL);
              assertThat(message.recipient()).isEqualTo("anna@example.lv");
              assertThat(message.language()).isEqualTo(Language.lv);
              assertThat(message.registrationNumber()).isEqualTo("2026-000001");
              assertThat(message.subject())
                  .isEqualTo("Jūsu iesniegums reģistrēts ar Nr. 2026-000001");
              assertThat(message.body())
                  .contains("saņēmām 09.03.2026", "līdz 23.03.2026", "AS Rīgas siltums")
                  .doesNotContain("{");
            });
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.SENT);
              assertThat(message.sentAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
              assertThat(message.createdAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
              assertThat(message.dedupKey()).isEqualTo("ack");
              assertThat(message.body()).isEqualTo(delivery.delivered.get(0).body());
              assertThat(message.error()).isNull();
            });
    assertThat(register.timeline(id))
        .last()
        .isEqualTo(
            new TimelineEntry(
                NOW.plus(Duration.ofMinutes(1)),
                "MESSAGE_SENT",
                "system",
                "ACKNOWLEDGEMENT via EMAIL",
                true));
  }

  @Test
  void answerBySmsPointsToTheStatusPageInsteadOfCarryingTheAnswer() {
    long id = complaint(Language.ru, PreferredContact.SMS, null, "+37120000000", null);
    String longAnswer = "Счёт будет пересчитан. ".repeat(200);

    notifications.notifyCustomer(
        id,
        NotificationKind.ANSWER,
        Map.of("answer", longAnswer, "outcome", "PARTIALLY_UPHELD"),
        "answer");

    assertThat(delivery.delivered)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.channel()).isEqualTo(MessageChannel.SMS);
              assertThat(message.body())
                  .contains("№ 2026-000001", "частично обоснованной", "/status")
                  .doesNotContain("пересчитан")
                  .hasSizeLessThan(400);
            });
    // the outbox shows what the customer got
    assertThat(notifications.messages(id))
        .singleElement()
        .extracting(OutboundMessage::body)
        .isEqualTo(delivery.delivered.get(0).body());
  }

  @Test
  void repeatedDedupKeySendsNothing() {
    long id = complaint(Language.ru, PreferredContact.SMS, null, "+37120000000", null);

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");
    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");

    assertThat(delivery.delivered).hasSize(1);
    assertThat(notifications.messages(id)).hasSize(1);
    assertThat(register.timeline(id)).filteredOn(e -> e.type().equals("MESSAGE_SENT")).hasSize(1);
  }

  @Test
  void sameDedupKeyOnAnotherComplaintIsSent() {
    long first = complaint(Language.en, PreferredContact.EMAIL, "a@example.com", null, null);
    long second = complaint(Language.en, PreferredContact.EMAIL, "b@example.com", null, null);

    notifications.notifyCustomer(first, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");
    notifications.notifyCustomer(second, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");

    assertThat(delivery.delivered)
        .extracting(OutboundMessage::recipient)
        .containsExactly("a@example.com", "b@example.com");
  }

  @Test
  void missingPreferredContactFallsBackToAnotherTheCustomerGave() {
    long smsWithoutPhone =
        complaint(Language.lt, PreferredContact.SMS, "jonas@example.lt", null, "Gedimino pr. 1");
    long emailWithoutAddress =
        complaint(Language.lv, PreferredContact.EMAIL, " ", null, "Brīvības iela 1, Rīga");
    long postWithoutAddress =
        complaint(Language.ru, PreferredContact.POST, null, "+37120000001", null);

    notifications.notifyCustomer(smsWithoutPhone, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "a");
    notifications.notifyCustomer(
        emailWithoutAddress, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "a");
    notifications.notifyCustomer(
        postWithoutAddress, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "a");

    assertThat(delivery.delivered)
        .extracting(OutboundMessage::channel, OutboundMessage::recipient)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MessageChannel.EMAIL, "jonas@example.lt"),
            org.assertj.core.groups.Tuple.tuple(MessageChannel.POST, "Brīvības iela 1, Rīga"),
            org.assertj.core.groups.Tuple.tuple(MessageChannel.SMS, "+37120000001"));
  }

  @Test
  void customerWithoutAnyContactIsRecordedAsUndeliverable() {
    long id = complaint(Language.lv, PreferredContact.EMAIL, null, null, null);

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");
    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");

    assertThat(delivery.delivered).isEmpty();
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.UNDELIVERABLE);
              assertThat(message.channel()).isNull();
            });
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .containsExactly("REGISTERED", "MESSAGE_UNDELIVERABLE");
  }

  @Test
  void failedDeliveryIsRecordedRethrownAndRetriedWithTheSameKey() {
    long id = complaint(Language.en, PreferredContact.EMAIL, "anna@example.com", null, null);
    delivery.failing = true;

    assertThatThrownBy(
            () ->
                notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack"))
        .isInstanceOf(MessageDeliveryFailed.class)
        .hasMessageContaining("IllegalStateException")
        .hasMessageNotContaining("anna")
        .hasNoCause();
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.FAILED);
              assertThat(message.error()).contains("gateway down");
              assertThat(message.sentAt()).isNull();
            });

    delivery.failing = false;
    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");

    assertThat(delivery.delivered).hasSize(1);
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.SENT);
              assertThat(message.error()).isNull();
            });
  }

  @Test
  void messageSentByAJobThatRollsBackIsNotSentAgainByItsRetry() {
    long id = complaint(Language.lv, PreferredContact.EMAIL, "anna@example.lv", null, null);
    TransactionTemplate job = new TransactionTemplate(transactionManager);

    job.executeWithoutResult(
        status -> {
          notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-7");
          status.setRollbackOnly(); // e.g. the engine's optimistic lock fails on commit
        });
    job.executeWithoutResult(
        status ->
            notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-7"));

    assertThat(delivery.delivered).hasSize(1);
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.SENT);
              assertThat(message.attempts()).isEqualTo(1);
            });
    assertThat(register.timeline(id))
        .filteredOn(e -> e.type().equals(NotificationService.MESSAGE_SENT))
        .hasSize(1);
  }

  @Test
  void failedAttemptStaysRecordedWhenTheJobRollsBack() {
    long id = complaint(Language.en, PreferredContact.EMAIL, "anna@example.com", null, null);
    delivery.failing = true;
    TransactionTemplate job = new TransactionTemplate(transactionManager);

    assertThatThrownBy(
        () ->
            job.executeWithoutResult(
                status ->
                    notifications.notifyCustomer(
                        id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-8")));

    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.FAILED);
              assertThat(message.attempts()).isEqualTo(1);
            });
    assertThat(register.timeline(id))
        .filteredOn(e -> e.type().equals(NotificationService.MESSAGE_FAILED))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.visibleToCustomer()).isFalse();
              assertThat(e.detail())
                  .contains("ACKNOWLEDGEMENT", "attempt 1")
                  .doesNotContain("anna");
            });
  }

  @Test
  void retriedStepSendsWhatItRendersNowNotWhatTheFailedRunRecorded() {
    long id = complaint(Language.en, PreferredContact.EMAIL, "anna@example.com", null, null);
    delivery.failing = true;

    assertThatThrownBy(
            () ->
                notifications.notifyCustomer(
                    id,
                    NotificationKind.SURVEY_INVITATION,
                    Map.of(
                        "surveyLink",
                        "https://desk.example/surveys/first",
                        "surveyExpiresDate",
                        DUE),
                    "survey"))
        .isInstanceOf(MessageDeliveryFailed.class);
    delivery.failing = false;
    // the failed run's survey token was rolled back with its job; the retry made another
    notifications.notifyCustomer(
        id,
        NotificationKind.SURVEY_INVITATION,
        Map.of("surveyLink", "https://desk.example/surveys/second", "surveyExpiresDate", DUE),
        "survey");

    assertThat(delivery.delivered)
        .singleElement()
        .satisfies(
            message ->
                assertThat(message.body())
                    .contains("https://desk.example/surveys/second")
                    .doesNotContain("first"));
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.SENT);
              assertThat(message.attempts()).isEqualTo(2);
              assertThat(message.body()).contains("https://desk.example/surveys/second");
            });
  }

  @Test
  void groupNotificationIsInternalAndInEnglish() {
    long id = complaint(Language.lv, PreferredContact.EMAIL, "anna@example.lv", null, null);

    notifications.notifyGroup(
        id, "handlers", NotificationKind.DRAFT_REMINDER, Map.of(), "draft-reminder");

    assertThat(delivery.delivered)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.channel()).isEqualTo(MessageChannel.GROUP);
              assertThat(message.recipient()).isEqualTo("group:handlers");
              assertThat(message.language()).isEqualTo(Language.en);
              assertThat(message.subject())
                  .isEqualTo("Reminder: the answer to 2026-000001 is due on 23 March 2026");
            });
    assertThat(register.timeline(id))
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.type()).isEqualTo("MESSAGE_SENT");
              assertThat(entry.detail()).isEqualTo("DRAFT_REMINDER via GROUP");
              assertThat(entry.visibleToCustomer()).isFalse();
            });
  }

  @Test
  void inquiryGoesToTheNamedOrganisation() {
    long id = complaint(Language.lv, PreferredContact.EMAIL, "anna@example.lv", null, null);

    notifications.notifyOrganisation(
        id,
        "AS Sadales tīkls",
        NotificationKind.EXTERNAL_INQUIRY,
        Map.of("question", "Kad tika pārtraukta piegāde?"),
        "inquiry-1");
    notifications.notifyOrganisation(
        id,
        "AS Sadales tīkls",
        NotificationKind.EXTERNAL_INQUIRY,
        Map.of("question", "Kad tika pārtraukta piegāde?"),
        "inquiry-1");

    assertThat(delivery.delivered)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.channel()).isEqualTo(MessageChannel.ORGANISATION);
              assertThat(message.recipient()).isEqualTo("AS Sadales tīkls");
              assertThat(message.body()).startsWith("Dear colleagues at AS Sadales tīkls,");
            });
  }

  @Test
  void answerCarriesOutcomeTextAndReasonsOfTheApprovedDraft() {
    long id = complaint(Language.ru, PreferredContact.EMAIL, "ivan@example.lv", null, null);
    long draft =
        drafts.save(
            id, "Начисление верное.", "REJECTED", "Показания счётчика подтверждены.", "handler1");
    drafts.review(draft, true, "supervisor1", null);
    register.recordAnswer(id, "REJECTED", "Начисление верное.", NOW);

    notifications.notifyCustomer(id, NotificationKind.ANSWER, Map.of(), "answer");

    assertThat(delivery.delivered)
        .singleElement()
        .satisfies(
            message ->
                assertThat(message.body())
                    .contains(
                        "Ваша жалоба признана необоснованной.",
                        "Начисление верное.",
                        "Обоснование: Показания счётчика подтверждены.")
                    .doesNotContain("{"));
  }

  @Test
  void forgottenParameterFailsBeforeAnythingIsRecorded() {
    long id = complaint(Language.lv, PreferredContact.EMAIL, "anna@example.lv", null, null);

    assertThatThrownBy(
            () ->
                notifications.notifyCustomer(
                    id,
                    NotificationKind.APPEAL_NOTICE,
                    Map.of("authorityName", "Sabiedrisko pakalpojumu regulēšanas komisija"),
                    "appeal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authorityContacts");
    assertThat(notifications.messages(id)).isEmpty();
  }

  @Test
  void staffKindIsNotSentToTheCustomerNorCustomerKindToStaff() {
    long id = complaint(Language.lv, PreferredContact.EMAIL, "anna@example.lv", null, null);

    assertThatThrownBy(
            () -> notifications.notifyCustomer(id, NotificationKind.CASE_OVERDUE, Map.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> notifications.notifyGroup(id, "handlers", NotificationKind.ANSWER, Map.of(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long complaint(
      Language language, PreferredContact contact, String email, String phone, String address) {
    return register
        .register(
            new NewComplaint(
                Channel.WEB_FORM,
                language,
                "Anna Bērziņa",
                email,
                phone,
                null,
                address,
                contact,
                "Radiators ir auksts",
                "Nav apkures.",
                null,
                null,
                RECEIVED,
                DUE,
                null))
        .id();
  }
}
