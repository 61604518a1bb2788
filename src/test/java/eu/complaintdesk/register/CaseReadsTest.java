package eu.complaintdesk.register;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.RegisterDatabaseTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** Who read what, against a real PostgreSQL. */
@RegisterDatabaseTest
class CaseReadsTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired CaseReads reads;
  @Autowired MutableClock clock;

  @Test
  void readsAreListedNewestFirstUpToTheLimitWithTheirTotal() {
    long id = register.register(newComplaint(RECEIVED)).id();
    long other = register.register(newComplaint(RECEIVED)).id();
    reads.record(id, "handler", CaseReads.Kind.CASE_FILE, null);
    clock.advance(Duration.ofMinutes(1));
    reads.record(id, "handler", CaseReads.Kind.ATTACHMENT, 12L);
    clock.advance(Duration.ofMinutes(1));
    reads.record(id, "registrar", CaseReads.Kind.LETTER, 3L);
    reads.record(other, "handler", CaseReads.Kind.CASE_FILE, null);

    CaseReads.Latest latest = reads.latest(id, 2);

    assertThat(latest.total()).isEqualTo(3);
    assertThat(latest.reads())
        .containsExactly(
            new CaseReads.CaseRead(
                NOW.plus(Duration.ofMinutes(2)), "registrar", CaseReads.Kind.LETTER, 3L),
            new CaseReads.CaseRead(
                NOW.plus(Duration.ofMinutes(1)), "handler", CaseReads.Kind.ATTACHMENT, 12L));
    assertThat(reads.latest(other, 50).reads()).hasSize(1);
  }

  @Test
  void aReadThatCannotBeRecordedFails() {
    assertThatThrownBy(() -> reads.record(-1, "handler", CaseReads.Kind.CASE_FILE, null))
        .isInstanceOf(DataAccessException.class);
  }
}
