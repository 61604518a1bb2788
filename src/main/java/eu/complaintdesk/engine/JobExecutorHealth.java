package eu.complaintdesk.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultAcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether the job executor runs timers and asynchronous steps: it is active, and its last attempt
 * to acquire jobs went through. Part of readiness: a node whose job executor cannot reach the
 * database sends no acknowledgement and fires no deadline.
 *
 * <p>Cheap by design (a health check runs every few seconds on every node): no query. The
 * acquisition is watched instead, by wrapping the job executor's {@link AcquireJobsCommandFactory}:
 * each attempt marks when it began, and its committed transaction that it succeeded. An attempt
 * that has not succeeded {@link #GRACE} after the first unsuccessful one began means acquisition is
 * failing (the engine logs the cause and backs off, up to its {@code max-wait}, 60 s). While
 * failing, each health check nudges the job executor to try again ({@link JobExecutor#jobWasAdded},
 * at most once per {@link #GRACE}), so that readiness comes back soon after the database does,
 * rather than after the backoff.
 *
 * <p>Replaces the Camunda starter's indicator of the same name (which only tells "active").
 */
final class JobExecutorHealth implements HealthIndicator {

  static final Duration GRACE = Duration.ofSeconds(10);

  private final JobExecutor jobExecutor;
  private final Clock clock;
  private volatile Instant firstUnsuccessful;
  private volatile Instant lastSuccess;
  private volatile Instant lastNudge = Instant.EPOCH;

  JobExecutorHealth(JobExecutor jobExecutor, Clock clock) {
    this.jobExecutor = jobExecutor;
    this.clock = clock;
    AcquireJobsCommandFactory acquisition = jobExecutor.getAcquireJobsCmdFactory();
    jobExecutor.setAcquireJobsCmdFactory(
        new Watched(
            acquisition != null ? acquisition : new DefaultAcquireJobsCommandFactory(jobExecutor)));
  }

  @Override
  public Health health() {
    if (!jobExecutor.isActive()) {
      return Health.down().withDetail("active", false).build();
    }
    Instant since = firstUnsuccessful;
    Instant now = clock.instant();
    if (since != null && Duration.between(since, now).compareTo(GRACE) > 0) {
      if (Duration.between(lastNudge, now).compareTo(GRACE) > 0) {
        lastNudge = now;
        jobExecutor.jobWasAdded();
      }
      Health.Builder down = Health.down().withDetail("active", true).withDetail("acquiring", false);
      down.withDetail("failingSince", since.toString());
      if (lastSuccess != null) {
        down.withDetail("lastAcquisition", lastSuccess.toString());
      }
      return down.build();
    }
    Health.Builder up = Health.up().withDetail("active", true).withDetail("acquiring", true);
    if (lastSuccess != null) {
      up.withDetail("lastAcquisition", lastSuccess.toString());
    }
    return up.build();
  }

  private void attempted() {
    if (firstUnsuccessful == null) {
      firstUnsuccessful = clock.instant();
    }
  }

  private void succeeded() {
    lastSuccess = clock.instant();
    firstUnsuccessful = null;
  }

  /** The engine's acquisition command, marked before it runs and after it commits. */
  private final class Watched implements AcquireJobsCommandFactory {

    private final AcquireJobsCommandFactory delegate;

    Watched(AcquireJobsCommandFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Command<AcquiredJobs> getCommand(int numJobsToAcquire) {
      Command<AcquiredJobs> acquire = delegate.getCommand(numJobsToAcquire);
      attempted();
      return commandContext -> {
        AcquiredJobs acquired = acquire.execute(commandContext);
        Context.getCommandContext()
            .getTransactionContext()
            .addTransactionListener(TransactionState.COMMITTED, committed -> succeeded());
        return acquired;
      };
    }
  }
}
