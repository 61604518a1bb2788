package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The inbox's own SQL on H2, the default run's database (the integration tests run it on
 * PostgreSQL): which case a reply belongs to, and the count of failed attempts per e-mail.
 */
@SpringJUnitConfig(H2TestConfiguration.class)
class EmailRepliesDatabaseTest {

  static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @Autowired ComplaintRegister register;
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
            null, null, register, jdbc, clock, null, null, outboundIds, transactionManager);
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
  void registrationNumberInTheSubjectCountsOnlyFromTheCustomersAddress() {
    String subject = "Re: Jūsu sūdzība Nr. " + anna.registrationNumber() + " saņemta";

    assertThat(complaints.repliedCase(reply("anna.berzina@EXAMPLE.lv", subject)))
        .map(c -> c.id())
        .contains(anna.id());
    assertThat(complaints.repliedCase(reply("mallory@example.com", subject))).isEmpty();
    assertThat(
            complaints.repliedCase(
                reply("anna.berzina@example.lv", "Re: 9" + anna.registrationNumber())))
        .isEmpty();
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
