package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.intake.CustomerRequests;
import eu.complaintdesk.notification.OutboundMessageIds;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.RegisteredComplaint;
import eu.complaintdesk.testing.H2TestConfiguration;
import eu.complaintdesk.testing.RegisterTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's own SQL on H2, the default run's database (the integration tests run it on
 * PostgreSQL): which case a reply belongs to, which case a subject names, that a reply whose case
 * was not told tells it later, and the count of failed attempts per e-mail.
 */
@SpringJUnitConfig(H2TestConfiguration.class)
class EmailRepliesDatabaseTest {

  static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @Autowired ComplaintRegister register;
  @Autowired CustomerMessages customerMessages;
  @Autowired OutboundMessageIds outboundIds;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired DataSource dataSource;

  EmailComplaints complaints;
  RegisteredComplaint anna;

  @BeforeEach
  void register() {
    TestDatabases.clean(dataSource);
    complaints =
        new EmailComplaints(
            null,
            null,
            register,
            customerMessages,
            jdbc,
            clock,
            null,
            null,
            outboundIds,
            transactionManager,
            null,
            null);
    anna =
        register.register(
            new NewComplaint(
                Channel.EMAIL,
                Language.lv,
                "Anna Bērziņa",
                "Anna.Berzina@example.lv",
                null,
                null,
                null,
                PreferredContact.EMAIL,
                "Rēķins",
                "Rēķins ir par lielu.",
                null,
                null,
                RegisterTestConfiguration.NOW,
                RegisterTestConfiguration.NOW.plus(Duration.ofDays(14)),
                null));
  }

  @Test
  void replyNamingOurEmailToTheCustomerBelongsToItsCaseOnlyWithTheRightToken() {
    long acknowledgement = sent("ACKNOWLEDGEMENT");
    long reminderToStaff = sent("DRAFT_REMINDER");

    assertThat(
            complaints.repliedCase(
                reply(
                    "someone@example.com",
                    "Re: jūsu vēstule",
                    "<x@example.lv>",
                    "<outbound-" + acknowledgement + "." + TOKEN + "@desk.example>")))
        .map(c -> c.id())
        .contains(anna.id());
    assertThat(
            complaints.repliedCase(
                reply(
                    "someone@example.com",
                    "Re: jūsu vēstule",
                    "<outbound-" + acknowledgement + ".ffffffffffffffffffffffffffffffff@d.e>")))
        .isEmpty();
    assertThat(
            complaints.repliedCase(
                reply(
                    "someone@example.com",
                    "Re: atgādinājums",
                    "<outbound-" + reminderToStaff + "." + TOKEN + "@desk.example>")))
        .isEmpty();
  }

  @Test
  void registrationNumberInTheSubjectMakesNoReplyButNamesTheCaseOnlyFromTheCustomersAddress() {
    String subject = "Re: Jūsu sūdzība Nr. " + anna.registrationNumber() + " saņemta";

    assertThat(complaints.repliedCase(reply("anna.berzina@example.lv", subject))).isEmpty();
    assertThat(complaints.namedCase(reply("anna.berzina@EXAMPLE.lv", subject)))
        .map(c -> c.id())
        .contains(anna.id());
    assertThat(complaints.namedCase(reply("mallory@example.com", subject))).isEmpty();
    assertThat(
            complaints.namedCase(
                reply("anna.berzina@example.lv", "Re: 9" + anna.registrationNumber())))
        .isEmpty();
  }

  @Test
  void replyWhoseCaseWasNotToldTellsItAtTheNextPollOnlyOnce() {
    CustomerRequests customerRequests = mock(CustomerRequests.class);
    AttachmentService attachments = mock(AttachmentService.class);
    when(attachments.sort(List.of()))
        .thenReturn(new AttachmentService.Sorted(List.of(), List.of(), List.of()));
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    // First attempt: the message is kept with the Message-ID, then telling the case fails.
    doAnswer(
            call -> {
              transaction.executeWithoutResult(status -> call.<Runnable>getArgument(3).run());
              throw new OptimisticLockingException("the case changed at the same moment");
            })
        .when(customerRequests)
        .supplyInformation(any(), any(), any(), any(), any());
    // The attempt after it tells the case, which is recorded with the telling.
    doAnswer(
            call -> {
              transaction.executeWithoutResult(status -> call.<Runnable>getArgument(1).run());
              return null;
            })
        .when(customerRequests)
        .tellCase(any(), any());
    complaints =
        new EmailComplaints(
            null,
            attachments,
            register,
            customerMessages,
            jdbc,
            clock,
            null,
            customerRequests,
            outboundIds,
            transactionManager,
            null,
            null);
    IncomingEmail email =
        reply(
            "anna.berzina@example.lv",
            "Re: jūsu vēstule",
            "<outbound-" + sent("MISSING_INFORMATION_REQUEST") + "." + TOKEN + "@desk.example>");

    assertThatThrownBy(() -> complaints.register(email))
        .isInstanceOf(OptimisticLockingException.class);
    verify(customerRequests, never()).tellCase(any(), any());
    assertThat(complaints.registeredComplaint(email.messageKey())).contains(anna.id());

    assertThat(complaints.register(email)).isEqualTo(EmailComplaints.Outcome.ALREADY_REGISTERED);
    verify(customerRequests).tellCase(argThat(c -> c.id() == anna.id()), any());

    assertThat(complaints.register(email)).isEqualTo(EmailComplaints.Outcome.ALREADY_REGISTERED);
    verify(customerRequests, times(1)).tellCase(any(), any());
  }

  @Test
  void emailOfAnAnonymisedCaseArrivingAgainIsMarkedAgainAndNotTakenIn() {
    CustomerRequests customerRequests = mock(CustomerRequests.class);
    InboxAnonymisation inbox = new InboxAnonymisation(jdbc, clock);
    IncomingEmail email = reply("anna.berzina@example.lv", "Rēķins");
    jdbc.sql(
            "insert into inbound_email (message_key, complaint_id, registered_at, kind,"
                + " case_told_at) values (:key, :id, :now, 'REPLY', null)")
        .param("key", email.messageKey())
        .param("id", anna.id())
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    inbox.anonymise(anna.id());
    inbox.forgotten(inbox.toForget());
    complaints =
        new EmailComplaints(
            null,
            null,
            register,
            customerMessages,
            jdbc,
            clock,
            null,
            customerRequests,
            outboundIds,
            transactionManager,
            null,
            null);

    assertThat(complaints.register(email)).isEqualTo(EmailComplaints.Outcome.ALREADY_REGISTERED);

    assertThat(inbox.toForget()).containsExactly(email.messageKey());
    // the case is anonymised: an untold reply no longer tells it
    verify(customerRequests, never()).tellCase(any(), any());
    assertThat(complaints.register(email)).isEqualTo(EmailComplaints.Outcome.ALREADY_REGISTERED);
    assertThat(inbox.toForget()).containsExactly(email.messageKey());
  }

  @Test
  void answerToAStaffEmailOrTheDigestIsNeitherAComplaintNorAMessageOfTheCase() {
    long reminderToStaff = sent("DRAFT_REMINDER");
    jdbc.sql(
            "insert into staff_digest (user_id, digest_date, state, attempts, claimed_at)"
                + " values ('handler', :day, 'SENT', 1, :now)")
        .param("day", java.time.LocalDate.of(2026, 3, 2))
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    long digest = jdbc.sql("select max(id) from staff_digest").query(Long.class).single();

    assertThat(
            complaints.register(
                reply(
                    "handler@example.lv",
                    "Re: atgādinājums",
                    "<outbound-" + reminderToStaff + "." + TOKEN + "@desk.example>")))
        .isEqualTo(EmailComplaints.Outcome.STAFF_REPLY);
    assertThat(
            complaints.register(
                reply(
                    "handler@example.lv", "Re: šodienas uzdevumi", "<digest-" + digest + "@d.e>")))
        .isEqualTo(EmailComplaints.Outcome.STAFF_REPLY);
    assertThat(complaints.registeredComplaint("c".repeat(64))).isEmpty();
    assertThat(customerMessages.list(anna.id())).isEmpty();
    // a digest id never given, or a staff message with a wrong token, is no answer to staff
    assertThat(outboundIds.repliesToStaffEmail(List.of("<digest-" + (digest + 1) + "@d.e>")))
        .isFalse();
    assertThat(
            outboundIds.repliesToStaffEmail(
                List.of("<outbound-" + reminderToStaff + ".ffffffffffffffffffffffffffffffff@d.e>")))
        .isFalse();
    assertThat(
            outboundIds.repliesToStaffEmail(
                List.of("<outbound-" + sent("ACKNOWLEDGEMENT") + "." + TOKEN + "@d.e>")))
        .isFalse();
  }

  @Test
  void failedAttemptsAreCountedPerEmail() {
    assertThat(complaints.failedAttempt("a".repeat(64))).isEqualTo(1);
    assertThat(complaints.failedAttempt("a".repeat(64))).isEqualTo(2);
    assertThat(complaints.failedAttempt("b".repeat(64))).isEqualTo(1);
    assertThat(complaints.failedAttempt("a".repeat(64))).isEqualTo(3);
  }

  private long sent(String kind) {
    jdbc.sql(
            "insert into outbound_message (complaint_id, kind, channel, recipient, language,"
                + " subject, body, delivery_state, dedup_key, created_at, reply_token) values"
                + " (:complaintId, :kind, 'EMAIL', 'anna.berzina@example.lv', 'lv', 'Temats',"
                + " 'Teksts', 'SENT', :kind, :now, :token)")
        .param("complaintId", anna.id())
        .param("kind", kind)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("token", TOKEN)
        .update();
    return jdbc.sql("select id from outbound_message where complaint_id = :id and kind = :kind")
        .param("id", anna.id())
        .param("kind", kind)
        .query(Long.class)
        .single();
  }

  private static IncomingEmail reply(String from, String subject, String... references) {
    return new IncomingEmail(
        "c".repeat(64),
        from,
        null,
        subject,
        "Teksts",
        Language.lv,
        List.of(),
        RegisterTestConfiguration.NOW,
        List.of(references),
        false);
  }
}
