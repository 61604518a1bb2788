package eu.complaintdesk.privacy;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.RegisterAnonymisation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The nightly retention job: at {@code complaints.retention.run-at} in the organisation's time
 * zone, removes the documents of cases closed before the documents' period and anonymises the cases
 * closed before the personal data's period ({@link RetentionProperties}), a chunk of cases at a
 * time, each case in its own transaction. Timeline entries DOCUMENTS_REMOVED and
 * PERSONAL_DATA_REMOVED (actor {@code system}).
 *
 * <p>Several nodes: every node runs the job; a case is claimed by a conditional update of its row
 * (anonymised or documents removed "if not yet"), so a second node waits for the first's
 * transaction and then skips the case. Nothing is done twice, as with the inbox's e-mails.
 */
@Component
class RetentionJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final RetentionProperties properties;
  private final RegisterAnonymisation register;
  private final Anonymisation anonymisation;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  RetentionJob(
      RetentionProperties properties,
      RegisterAnonymisation register,
      Anonymisation anonymisation,
      WorkingCalendar calendar,
      Clock clock) {
    this.properties = properties;
    this.register = register;
    this.anonymisation = anonymisation;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** What one run did: cases whose documents were removed, cases anonymised. */
  record Result(int documentsRemoved, int anonymised) {}

  /** One run now: both passes until no case is due (or only cases that failed are left). */
  Result runOnce() {
    Instant now = clock.instant();
    int documents =
        pass(
            cutoff(now, properties.documents()),
            before -> register.closedWithDocuments(before, properties.chunkSize()),
            id -> anonymisation.removeDocuments(id, ComplaintRegister.SYSTEM_ACTOR));
    int anonymised =
        pass(
            cutoff(now, properties.personalData()),
            before -> register.closedNotAnonymised(before, properties.chunkSize()),
            id ->
                anonymisation.anonymise(
                    id, AnonymisationReason.RETENTION, ComplaintRegister.SYSTEM_ACTOR));
    if (documents > 0 || anonymised > 0) {
      log.info(
          "Retention: documents removed from {} cases, {} cases anonymised", documents, anonymised);
    }
    return new Result(documents, anonymised);
  }

  /**
   * Cases closed before the start of the day, in the organisation's zone, that lies the period
   * before today.
   */
  Instant cutoff(Instant now, Period period) {
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    return today.minus(period).atStartOfDay(calendar.zone()).toInstant();
  }

  private int pass(
      Instant closedBefore,
      Function<Instant, List<Long>> due,
      LongFunction<Optional<Erased>> work) {
    int done = 0;
    Set<Long> failed = new HashSet<>();
    while (true) {
      List<Long> chunk = due.apply(closedBefore);
      if (chunk.isEmpty() || failed.containsAll(chunk)) {
        return done;
      }
      for (long id : chunk) {
        if (failed.contains(id)) {
          continue;
        }
        try {
          if (work.apply(id).isPresent()) {
            done++;
          }
        } catch (RuntimeException e) {
          failed.add(id);
          log.warn(
              "Retention: complaint {} failed ({}), tried again next night",
              id,
              e.getClass().getSimpleName());
        }
      }
    }
  }

  // --- the schedule ---------------------------------------------------------------------------

  @Override
  public synchronized void start() {
    if (!properties.enabled()) {
      log.info("Retention job is off on this node (complaints.retention.enabled=false)");
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "retention");
              thread.setDaemon(true);
              return thread;
            });
    scheduleNext();
  }

  private synchronized void scheduleNext() {
    if (scheduler == null) {
      return;
    }
    Duration delay = untilNextRun(clock.instant());
    scheduler.schedule(this::runAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Time until the next {@code run-at} in the organisation's zone, after {@code now}. */
  Duration untilNextRun(Instant now) {
    ZonedDateTime local = now.atZone(calendar.zone());
    ZonedDateTime next = local.toLocalDate().atTime(properties.runAt()).atZone(calendar.zone());
    if (!next.isAfter(local)) {
      next = local.toLocalDate().plusDays(1).atTime(properties.runAt()).atZone(calendar.zone());
    }
    return Duration.between(local, next);
  }

  private void runAndReschedule() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // The database may be unreachable for a while; the next night tries again.
      log.warn("Retention job failed: {}", e.getClass().getSimpleName());
    } finally {
      scheduleNext();
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
