package eu.complaintdesk.deadline;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.testing.RegisterDatabaseTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The deadline clock, against a real PostgreSQL. */
@RegisterDatabaseTest
class DeadlineClockTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired DeadlineClock deadlineClock;

  @Test
  void clockPausesAndResumesOnce() {
    long id = register.register(newComplaint(RECEIVED)).id();
    Instant paused = NOW.plusSeconds(3600);

    assertThat(deadlineClock.resume(id)).isEmpty();
    deadlineClock.pause(id, paused);
    deadlineClock.pause(id, paused.plusSeconds(60));
    assertThat(register.get(id).clockPausedAt()).isEqualTo(paused);

    assertThat(deadlineClock.resume(id)).contains(paused);
    assertThat(register.get(id).clockPausedAt()).isNull();
    assertThat(deadlineClock.resume(id)).isEmpty();
  }

  @Test
  void clockOfAnUnknownComplaintIsRejected() {
    assertThatThrownBy(() -> deadlineClock.resume(404))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> deadlineClock.pause(404, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
