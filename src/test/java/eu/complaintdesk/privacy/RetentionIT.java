package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly retention on PostgreSQL: a case closed longer ago than the period is anonymised, one
 * closed recently and one still open are not; a second run changes nothing; documents kept shorter
 * than personal data go first. The job runs over the test's own cases only (ids from its first case
 * on), and never by the clock in the tests ({@code complaints.retention.enabled=false}). Cases are
 * closed as the customer withdraws them; the time of closing is then moved back in the register, as
 * if the years had passed.
 */
class RetentionIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired RetentionJob job;
  @Autowired RetentionProperties properties;
  @Autowired ComplaintRegister register;
  @Autowired RegisterAnonymisation registerPart;
  @Autowired Anonymisation anonymisation;
  @Autowired WorkingCalendar calendar;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  @Test
  void closedCasesPastRetentionAreAnonymisedOthersAreNotAndASecondRunIsHarmless() {
    assertThat(job.isRunning()).as("the tests' retention job never runs by the clock").isFalse();
    List<String> submitted = submit(3);
    String old = submitted.get(0);
    String recent = submitted.get(1);
    String open = submitted.get(2);
    for (String number : List.of(old, recent)) {
      register.changeStatus(id(number), ComplaintStatus.WITHDRAWN, "customer", "Withdrawn");
    }
    Instant cutoff = job.cutoff(Instant.now(), properties.personalData());
    closedAt(old, cutoff.minus(Duration.ofDays(1)));
    closedAt(recent, cutoff.plus(Duration.ofDays(1)));
    // an open case never closed, however old
    jdbc.update(
        "update complaint set received_at = ? where id = ?",
        java.sql.Timestamp.from(cutoff.minus(Duration.ofDays(400))),
        id(open));

    // only this test's cases: other tests' cases are never the job's business here
    RetentionJob.Result first = job.runAfter(id(old) - 1);

    assertThat(first).isEqualTo(new RetentionJob.Result(1, 1, 0));
    Complaint anonymised = register.findByRegistrationNumber(old).orElseThrow();
    assertThat(anonymised.customerName()).isNull();
    assertThat(anonymised.customerEmail()).isNull();
    assertThat(anonymised.subject()).isNull();
    assertThat(anonymised.description()).isNull();
    assertThat(anonymised.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    assertThat(anonymised.channel()).isNotNull();
    assertThat(reason(old)).isEqualTo("RETENTION");
    assertThat(register.timeline(id(old)))
        .filteredOn(e -> e.type().equals("PERSONAL_DATA_REMOVED"))
        .singleElement()
        .extracting(TimelineEntry::actor)
        .isEqualTo(ComplaintRegister.SYSTEM_ACTOR);
    for (String kept : List.of(recent, open)) {
      Complaint untouched = register.findByRegistrationNumber(kept).orElseThrow();
      assertThat(untouched.customerName()).as(kept).isEqualTo("Anna Ozola");
      assertThat(untouched.subject()).as(kept).isEqualTo("Radiators are cold");
      assertThat(reason(kept)).as(kept).isNull();
      assertThat(documentsRemoved(kept)).as(kept).isFalse();
    }
    List<TimelineEntry> timeline = register.timeline(id(old));

    RetentionJob.Result second = job.runAfter(id(old) - 1);

    assertThat(second).isEqualTo(new RetentionJob.Result(0, 0, 0));
    assertThat(register.timeline(id(old))).isEqualTo(timeline);
  }

  @Test
  void documentsKeptShorterThanPersonalDataAreRemovedFirstAndThePersonalDataStays() {
    RetentionJob shorter =
        new RetentionJob(
            new RetentionProperties(Period.ofYears(3), Period.ofYears(1), null, null, false),
            registerPart,
            anonymisation,
            calendar,
            clock,
            new SimpleMeterRegistry());
    List<String> submitted = submit(3);
    String closedLongAgo = submitted.get(0);
    String closedBetween = submitted.get(1);
    String closedRecently = submitted.get(2);
    for (String number : submitted) {
      register.changeStatus(id(number), ComplaintStatus.WITHDRAWN, "customer", "Withdrawn");
    }
    Instant now = clock.instant();
    closedAt(closedLongAgo, shorter.cutoff(now, Period.ofYears(3)).minus(Duration.ofDays(1)));
    closedAt(closedBetween, shorter.cutoff(now, Period.ofYears(1)).minus(Duration.ofDays(1)));
    closedAt(closedRecently, shorter.cutoff(now, Period.ofYears(1)).plus(Duration.ofDays(1)));
    assertThat(messageBodies(closedBetween)).as("the acknowledgement's body").isPositive();

    RetentionJob.Result result = shorter.runAfter(id(closedLongAgo) - 1);

    assertThat(result).isEqualTo(new RetentionJob.Result(2, 1, 0));
    assertThat(reason(closedLongAgo)).isEqualTo("RETENTION");
    Complaint between = register.findByRegistrationNumber(closedBetween).orElseThrow();
    assertThat(reason(closedBetween)).isNull();
    assertThat(between.customerName()).isEqualTo("Anna Ozola");
    assertThat(between.subject()).isEqualTo("Radiators are cold");
    assertThat(documentsRemoved(closedBetween)).isTrue();
    assertThat(messageBodies(closedBetween)).isZero();
    assertThat(register.timeline(id(closedBetween)))
        .filteredOn(e -> e.type().equals("DOCUMENTS_REMOVED"))
        .singleElement()
        .extracting(TimelineEntry::actor)
        .isEqualTo(ComplaintRegister.SYSTEM_ACTOR);
    assertThat(register.timeline(id(closedBetween)))
        .noneMatch(e -> e.type().equals("PERSONAL_DATA_REMOVED"));
    assertThat(documentsRemoved(closedRecently)).isFalse();
    assertThat(messageBodies(closedRecently)).isPositive();
  }

  @Test
  void theCutoffIsTheStartOfTheDayThePeriodBeforeTodayInTheOrganisationsZone() {
    ZoneId zone = calendar.zone();
    Instant now = LocalDate.of(2030, 3, 15).atTime(LocalTime.of(2, 30)).atZone(zone).toInstant();

    assertThat(job.cutoff(now, Period.ofYears(3)))
        .isEqualTo(LocalDate.of(2027, 3, 15).atStartOfDay(zone).toInstant());
    assertThat(job.untilNextRun(now.minus(1, ChronoUnit.HOURS)))
        .isEqualTo(Duration.between(now.minus(1, ChronoUnit.HOURS), now));
    assertThat(job.untilNextRun(now)).isEqualTo(Duration.ofDays(1));
  }

  /** Cases submitted now, their acknowledgements done: the job executor no longer works on them. */
  private List<String> submit(int count) {
    CaseDriver cases = new CaseDriver(port);
    List<String> numbers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      numbers.add(cases.submit(CaseDriver.HEATING_COMPLAINT));
    }
    for (String number : numbers) {
      cases.awaitNoDueJobs(
          org.awaitility.Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> register.findByRegistrationNumber(number).orElseThrow().processInstanceId(),
                  pid -> pid != null));
    }
    return numbers;
  }

  private void closedAt(String number, Instant at) {
    jdbc.update(
        "update complaint set closed_at = ? where id = ?", java.sql.Timestamp.from(at), id(number));
  }

  private String reason(String number) {
    return jdbc.queryForObject(
        "select anonymised_reason from complaint where id = ?", String.class, id(number));
  }

  private boolean documentsRemoved(String number) {
    return jdbc.queryForObject(
        "select documents_removed_at is not null from complaint where id = ?",
        Boolean.class,
        id(number));
  }

  private int messageBodies(String number) {
    return jdbc.queryForObject(
        "select count(*) from outbound_message where complaint_id = ? and body <> ''",
        Integer.class,
        id(number));
  }

  private long id(String number) {
    return register.findByRegistrationNumber(number).orElseThrow().id();
  }
}
