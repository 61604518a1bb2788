package eu.complaintdesk.inbox;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.testing.H2TestConfiguration;
import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.RegisterTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The inbox's part of anonymising a case on H2, the default run's database ({@code
 * MailboxErasureIT} runs it on PostgreSQL): the case's e-mails are marked, only they; the poller
 * finds the marks, oldest first; recording them forgotten clears the marks, and a case marked again
 * (a second anonymisation) marks nothing.
 */
@SpringJUnitConfig(H2TestConfiguration.class)
@Import(InboxAnonymisation.class)
class InboxAnonymisationDatabaseTest {

  @Autowired InboxAnonymisation inbox;
  @Autowired ComplaintRegister register;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired DataSource dataSource;

  long anna;
  long janis;

  @BeforeEach
  void emails() {
    TestDatabases.clean(dataSource);
    clock.set(RegisterTestConfiguration.NOW);
    anna = register.register(newComplaint(RegisterTestConfiguration.NOW)).id();
    janis = register.register(newComplaint(RegisterTestConfiguration.NOW)).id();
    takenIn("a-complaint", anna, "COMPLAINT");
    takenIn("a-reply", anna, "REPLY");
    takenIn("j-complaint", janis, "COMPLAINT");
  }

  @Test
  void theCasesEmailsAreMarkedAndForgottenOnce() {
    assertThat(inbox.toForget()).isEmpty();

    assertThat(inbox.anonymise(anna)).isEqualTo(2);

    assertThat(inbox.toForget()).containsExactlyInAnyOrder("a-complaint", "a-reply");
    assertThat(inbox.anonymise(anna)).isZero();

    assertThat(inbox.forgotten(List.of("a-complaint", "a-reply"))).isEqualTo(2);

    assertThat(inbox.toForget()).isEmpty();
    assertThat(forgottenAt("a-complaint")).isNotNull();
    assertThat(forgottenAt("a-reply")).isNotNull();
    assertThat(forgottenAt("j-complaint")).isNull();
    // forgotten once: marked no more, recorded no more
    assertThat(inbox.anonymise(anna)).isZero();
    assertThat(inbox.forgotten(List.of("a-complaint"))).isZero();
    assertThat(inbox.forgotten(List.of())).isZero();
  }

  @Test
  void onlyTheKeysFoundInTheRoundAreRecordedForgotten() {
    inbox.anonymise(anna);
    List<String> round = inbox.toForget();
    // marked while the round searched the mailbox: for the next round
    inbox.anonymise(janis);

    inbox.forgotten(round);

    assertThat(inbox.toForget()).containsExactly("j-complaint");
  }

  @Test
  void oldestMarksComeFirstAndOneRoundTakesAtMostItsShare() {
    long many = register.register(newComplaint(RegisterTestConfiguration.NOW)).id();
    IntStream.range(0, InboxAnonymisation.MAX_PER_ROUND)
        .forEach(i -> takenIn("m-" + i, many, "REPLY"));
    inbox.anonymise(janis);
    clock.advance(Duration.ofMinutes(1));
    inbox.anonymise(many);

    List<String> round = inbox.toForget();

    assertThat(round).hasSize(InboxAnonymisation.MAX_PER_ROUND).startsWith("j-complaint");
    inbox.forgotten(round);
    assertThat(inbox.toForget()).hasSize(1);
  }

  private void takenIn(String key, long complaintId, String kind) {
    jdbc.sql(
            "insert into inbound_email (message_key, complaint_id, registered_at, kind)"
                + " values (:key, :id, :now, :kind)")
        .param("key", key)
        .param("id", complaintId)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("kind", kind)
        .update();
  }

  private Object forgottenAt(String key) {
    return jdbc.sql("select forgotten_at from inbound_email where message_key = :key")
        .param("key", key)
        .query((row, number) -> row.getObject(1))
        .list()
        .get(0);
  }
}
