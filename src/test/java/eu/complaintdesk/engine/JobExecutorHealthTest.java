package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The job executor's health without a query: active, and its acquisition not failing. */
class JobExecutorHealthTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:00:00Z"));

  /** A job executor that says it runs, and records whether it was asked to acquire at once. */
  static final class RunningJobExecutor extends DefaultJobExecutor {
    boolean nudged;

    RunningJobExecutor() {
      isActive = true;
    }

    @Override
    public void jobWasAdded() {
      nudged = true;
    }
  }

  @Test
  void aStoppedJobExecutorIsDown() {
    Health health = new JobExecutorHealth(new DefaultJobExecutor(), clock).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("active", false);
  }

  @Test
  void anAcquisitionUnderWayIsNoFailureUntilTheGraceHasPassed() {
    RunningJobExecutor executor = new RunningJobExecutor();
    JobExecutorHealth health = new JobExecutorHealth(executor, clock);
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);

    // the job executor begins an attempt (the wrapped factory marks it) that does not succeed
    executor.getAcquireJobsCmd(3);
    clock.advance(Duration.ofSeconds(5));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(executor.nudged).isFalse();

    // a later attempt fails too: failing since the first one
    clock.advance(Duration.ofSeconds(4));
    executor.getAcquireJobsCmd(3);
    clock.advance(JobExecutorHealth.GRACE.minusSeconds(8));
    Health failing = health.health();
    assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
    assertThat(failing.getDetails())
        .containsEntry("acquiring", false)
        .containsEntry("failingSince", "2026-03-10T10:00:00Z");
    // and the job executor is asked to try again rather than wait out its backoff
    assertThat(executor.nudged).isTrue();
  }
}
