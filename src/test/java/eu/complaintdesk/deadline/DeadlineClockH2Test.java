package eu.complaintdesk.deadline;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.testing.EmptyRegister;
import eu.complaintdesk.testing.H2TestConfiguration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The clock's SQL on H2 (the default run's database), as {@code H2PortabilityTest} the register's.
 */
@SpringJUnitConfig(H2TestConfiguration.class)
@ExtendWith(EmptyRegister.class)
class DeadlineClockH2Test {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired DeadlineClock deadlineClock;

  @Test
  void clockWorksOnH2() {
    long id = register.register(newComplaint(RECEIVED)).id();
    deadlineClock.pause(id, RECEIVED);

    assertThat(register.get(id).clockPausedAt()).isEqualTo(RECEIVED);
    assertThat(deadlineClock.resume(id)).contains(RECEIVED);
    assertThat(register.timeline(id)).hasSize(3);
  }
}
