package eu.complaintdesk.digest;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.notification.StaffEmail;
import eu.complaintdesk.notification.StaffLinks;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.system.Schedulers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The morning digest: on a working day ({@link WorkingCalendar}: weekends and public holidays
 * skipped), from {@code complaints.digest.time} in the organisation's zone, every staff member
 * (member of a {@link Groups#STAFF} group, with an e-mail address, digest not switched off) gets
 * one e-mail listing their tasks and their groups' unclaimed tasks due today or overdue ({@link
 * DigestTasks}, {@link DigestMail}); nothing due, no e-mail.
 *
 * <p>Every node looks once a minute, from {@code time} until {@code send-until}: a node started
 * late in the morning sends what is not yet sent, and a failed send is tried again {@link
 * #RETRY_AFTER} later, {@link #MAX_ATTEMPTS} attempts in all, then given up (logged by row id,
 * never with the address). Each user's digest of a day is claimed in {@code staff_digest} before it
 * is made ({@link DigestSends}), so it goes out once whatever the nodes and restarts. Off unless
 * e-mail is configured, or with {@code complaints.digest.enabled=false}; {@link #run} then still
 * works (the tests call it).
 */
@Component
class DigestJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

  static final int MAX_ATTEMPTS = 3;
  static final Duration RETRY_AFTER = Duration.ofMinutes(10);
  static final Duration LOOK_EVERY = Duration.ofMinutes(1);

  /** How long the rows of past days are kept. */
  static final int KEEP_DAYS = 90;

  private final DigestProperties properties;
  private final boolean enabled;
  private final DigestSends sends;
  private final DigestTasks tasks;
  private final DigestSettings settings;
  private final StaffEmail email;
  private final IdentityService identity;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final DigestMail mail;
  private final Language language;
  private ScheduledExecutorService scheduler;

  /** The day on which every staff member's digest was found done: later looks that day skip. */
  private volatile LocalDate doneDay;

  DigestJob(
      DigestProperties properties,
      DigestSends sends,
      DigestTasks tasks,
      DigestSettings settings,
      StaffEmail email,
      IdentityService identity,
      WorkingCalendar calendar,
      Clock clock,
      @Value("${complaints.notifications.staff-language:en}") Language language,
      StaffLinks links) {
    this.properties = properties;
    this.enabled = properties.enabledWith(email.available());
    this.sends = sends;
    this.tasks = tasks;
    this.settings = settings;
    this.email = email;
    this.identity = identity;
    this.calendar = calendar;
    this.clock = clock;
    this.language = language;
    this.mail = new DigestMail(email, language, calendar.zone(), links);
  }

  /** What one run did. */
  record Result(int sent, int failed, int nothingDue, int off) {
    static final Result NONE = new Result(0, 0, 0, 0);
  }

  /** One look now, over every staff member. */
  Result runOnce() {
    return run(clock.instant(), null);
  }

  /**
   * One look at {@code now}: outside the morning window or on a day that is not a working day
   * nothing; otherwise the digest of every staff member (only of {@code onlyUsers} when given: a
   * test's own) not yet sent, given up or decided that day.
   */
  Result run(Instant now, Collection<String> onlyUsers) {
    ZonedDateTime local = now.atZone(calendar.zone());
    LocalDate today = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (time.isBefore(properties.time())
        || !time.isBefore(properties.sendUntil())
        || !calendar.isWorkingDay(today)
        || (onlyUsers == null && today.equals(doneDay))) {
      return Result.NONE;
    }
    Map<String, DigestSends.Row> rows = sends.ofDay(today);
    Map<String, String> staff = staffAddresses(onlyUsers);
    Instant endOfToday = today.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    int sent = 0;
    int failed = 0;
    int nothingDue = 0;
    int off = 0;
    boolean open = false;
    for (Map.Entry<String, String> user : staff.entrySet()) {
      DigestSends.Row row = rows.get(user.getKey());
      if (row != null && row.state().isFinal()) {
        continue;
      }
      if (row != null
          && (row.attempts() >= MAX_ATTEMPTS || row.claimedAt().isAfter(now.minus(RETRY_AFTER)))) {
        open = true;
        continue;
      }
      Optional<Long> claimed =
          sends.claim(user.getKey(), today, now, MAX_ATTEMPTS, now.minus(RETRY_AFTER));
      if (claimed.isEmpty()) {
        continue;
      }
      long id = claimed.get();
      try {
        if (!settings.isEnabled(user.getKey())) {
          sends.finish(id, DigestSends.State.OFF, 0);
          off++;
          continue;
        }
        DigestTasks.Due due = tasks.of(user.getKey(), endOfToday, properties.maxTasks());
        if (due.total() == 0) {
          sends.finish(id, DigestSends.State.NOTHING_DUE, 0);
          nothingDue++;
          continue;
        }
        DigestMail.Text text = mail.render(due, today, now);
        email.send(user.getValue(), language, text.subject(), text.body(), "digest-" + id);
        sends.sent(id, (int) due.total(), now);
        sent++;
      } catch (RuntimeException e) {
        failed++;
        DigestSends.State state = sends.failed(id, MAX_ATTEMPTS, e.getClass().getSimpleName());
        if (state == DigestSends.State.GIVEN_UP) {
          log.warn(
              "Digest {} could not be sent in {} attempts ({}); given up for {}",
              id,
              MAX_ATTEMPTS,
              e.getClass().getSimpleName(),
              today);
        } else {
          open = true;
          log.warn(
              "Digest {} could not be sent ({}); tried again in {} minutes",
              id,
              e.getClass().getSimpleName(),
              RETRY_AFTER.toMinutes());
        }
      }
    }
    if (onlyUsers == null && !open && failed == 0) {
      doneDay = today;
      int forgotten = sends.forgetBefore(today.minusDays(KEEP_DAYS));
      if (forgotten > 0) {
        log.debug(
            "Digest rows of days before {} deleted: {}", today.minusDays(KEEP_DAYS), forgotten);
      }
    }
    Result result = new Result(sent, failed, nothingDue, off);
    if (!result.equals(Result.NONE)) {
      log.info(
          "Digest {}: {} sent, {} failed, {} with nothing due, {} switched off",
          today,
          sent,
          failed,
          nothingDue,
          off);
    }
    return result;
  }

  /** The staff members with an e-mail address, by user id (all, or those of {@code only}). */
  private Map<String, String> staffAddresses(Collection<String> only) {
    Map<String, String> addresses = new TreeMap<>();
    for (String group : new TreeSet<>(Groups.STAFF)) {
      for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
        if (user.getEmail() != null
            && !user.getEmail().isBlank()
            && (only == null || only.contains(user.getId()))) {
          addresses.put(user.getId(), user.getEmail().strip());
        }
      }
    }
    return addresses;
  }

  // --- the schedule ---------------------------------------------------------------------------

  @Override
  public synchronized void start() {
    if (!enabled) {
      log.info(
          "Morning digest is off on this node (complaints.digest.enabled=false or no"
              + " spring.mail.host)");
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "staff-digest");
              thread.setDaemon(true);
              return thread;
            });
    long every = LOOK_EVERY.toMillis();
    scheduler.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    log.info(
        "Morning digest on working days from {} until {} ({})",
        properties.time(),
        properties.sendUntil(),
        calendar.zone());
  }

  private void runQuietly() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      // The database may be unreachable for a while; the next look tries again.
      log.warn("Morning digest failed: {}", e.getClass().getSimpleName());
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
