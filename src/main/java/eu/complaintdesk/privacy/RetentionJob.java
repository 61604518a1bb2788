package eu.complaintdesk.privacy;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.system.Schedulers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The nightly retention job: at {@code complaints.retention.run-at} in the organisation's time
 * zone, removes the documents of cases closed before the documents' period and anonymises the cases
 * closed before the personal data's period ({@link RetentionProperties}), a chunk of cases at a
 * time, each case in its own transaction. A case that fails is counted ({@link #FAILURES}), logged
 * by id and tried again the next night; the run carries on with the cases after it. Timeline
 * entries DOCUMENTS_REMOVED and PERSONAL_DATA_REMOVED (actor {@code system}).
 *
 * <p>Several nodes: every node runs the job; a case is claimed by a conditional update of its row
 * (anonymised or documents removed "if not yet"), so a second node waits for the first's
 * transaction and then skips the case. Nothing is done twice, as with the inbox's e-mails.
 */
@Component
class RetentionJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  static final String FAILURES = "complaints.retention.failures";

  private final RetentionProperties properties;
  private final RegisterAnonymisation register;
  private final Anonymisation anonymisation;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final Counter documentFailures;
  private final Counter anonymisationFailures;
  private ScheduledExecutorService scheduler;

  RetentionJob(
      RetentionProperties properties,
      RegisterAnonymisation register,
      Anonymisation anonymisation,
      WorkingCalendar calendar,
      Clock clock,
      MeterRegistry meters) {
    this.properties = properties;
    this.register = register;
    this.anonymisation = anonymisation;
    this.calendar = calendar;
    this.clock = clock;
    this.documentFailures = failures(meters, "documents");
    this.anonymisationFailures = failures(meters, "personal-data");
  }

  /**
   * Prometheus {@code complaints_retention_failures_total{pass}}: cases a run could not handle
   * ({@code documents} or {@code personal-data}); they are tried again the next night.
   */
  private static Counter failures(MeterRegistry meters, String pass) {
    return Counter.builder(FAILURES)
        .description("Cases the retention job failed on, tried again the next night")
        .tag("pass", pass)
        .register(meters);
  }

  /** What one run did: cases whose documents were removed, cases anonymised, cases that failed. */
  record Result(int documentsRemoved, int anonymised, int failed) {}

  /** One run now: both passes over every due case, each case tried once. */
  Result runOnce() {
    return runAfter(0);
  }

  /**
   * One run over the due cases with an id above {@code afterId} only (0: all; a test limits it to
   * its own cases).
   */
  Result runAfter(long afterId) {
    Instant now = clock.instant();
    Instant documentsBefore = cutoff(now, properties.documents());
    Instant personalDataBefore = cutoff(now, properties.personalData());
    Pass documents =
        pass(
            afterId,
            properties.chunkSize(),
            (after, limit) -> register.closedWithDocuments(documentsBefore, after, limit),
            id -> anonymisation.removeDocuments(id, ComplaintRegister.SYSTEM_ACTOR),
            documentFailures);
    Pass anonymised =
        pass(
            afterId,
            properties.chunkSize(),
            (after, limit) -> register.closedNotAnonymised(personalDataBefore, after, limit),
            id ->
                anonymisation.anonymise(
                    id, AnonymisationReason.RETENTION, ComplaintRegister.SYSTEM_ACTOR),
            anonymisationFailures);
    int failed = documents.failed() + anonymised.failed();
    if (documents.done() > 0 || anonymised.done() > 0 || failed > 0) {
      log.info(
          "Retention: documents removed from {} cases, {} cases anonymised, {} failed",
          documents.done(),
          anonymised.done(),
          failed);
    }
    return new Result(documents.done(), anonymised.done(), failed);
  }

  /**
   * Cases closed before the start of the day, in the organisation's zone, that lies the period
   * before today.
   */
  Instant cutoff(Instant now, Period period) {
    LocalDate today = now.atZone(calendar.zone()).toLocalDate();
    return today.minus(period).atStartOfDay(calendar.zone()).toInstant();
  }

  /** The due cases with an id above the first argument, at most the second argument of them. */
  interface DueCases {
    List<Long> after(long afterId, int limit);
  }

  /** What one pass did: cases done, cases that failed (tried again the next night). */
  record Pass(int done, int failed) {}

  /**
   * Works through the due cases a chunk at a time, paging on by the last id seen: every due case is
   * tried once, so cases that fail every night never hold up those after them.
   */
  static Pass pass(
      long afterId,
      int chunkSize,
      DueCases due,
      LongFunction<Optional<Erased>> work,
      Counter failures) {
    int done = 0;
    int failed = 0;
    long after = afterId;
    while (true) {
      List<Long> chunk = due.after(after, chunkSize);
      if (chunk.isEmpty()) {
        return new Pass(done, failed);
      }
      for (long id : chunk) {
        after = Math.max(after, id);
        try {
          if (work.apply(id).isPresent()) {
            done++;
          }
        } catch (RuntimeException e) {
          failed++;
          failures.increment();
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
      Schedulers.stop(scheduler);
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
