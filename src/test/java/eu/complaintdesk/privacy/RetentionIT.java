package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The nightly retention on PostgreSQL: a case closed longer ago than the period is anonymised, one
 * closed recently and one still open are not; a second run changes nothing. Cases are closed as the
 * customer withdraws them; the time of closing is then moved back in the register, as if the years
 * had passed.
 */
class RetentionIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired RetentionJob job;
  @Autowired RetentionProperties properties;
  @Autowired ComplaintRegister register;
  @Autowired JdbcTemplate jdbc;

  @Test
  void closedCasesPastRetentionAreAnonymisedOthersAreNotAndASecondRunIsHarmless() {
    CaseDriver cases = new CaseDriver(port);
    String old = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String recent = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String open = cases.submit(CaseDriver.HEATING_COMPLAINT);
    for (String number : List.of(old, recent, open)) {
      // the acknowledgement's job done: the job executor no longer works on the case
      cases.awaitNoDueJobs(
          org.awaitility.Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () -> register.findByRegistrationNumber(number).orElseThrow().processInstanceId(),
                  pid -> pid != null));
    }
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

    RetentionJob.Result first = job.runOnce();

    assertThat(first.anonymised()).isGreaterThanOrEqualTo(1);
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
    }
    List<TimelineEntry> timeline = register.timeline(id(old));

    RetentionJob.Result second = job.runOnce();

    assertThat(second.anonymised()).isZero();
    assertThat(second.documentsRemoved()).isZero();
    assertThat(register.timeline(id(old))).isEqualTo(timeline);
  }

  @Test
  void theCutoffIsTheStartOfTheDayThePeriodBeforeTodayInTheOrganisationsZone() {
    ZoneId zone = ZoneId.of("Europe/Riga");
    Instant now = LocalDate.of(2030, 3, 15).atTime(LocalTime.of(2, 30)).atZone(zone).toInstant();

    assertThat(job.cutoff(now, Period.ofYears(3)))
        .isEqualTo(LocalDate.of(2027, 3, 15).atStartOfDay(zone).toInstant());
    assertThat(job.untilNextRun(now.minus(1, ChronoUnit.HOURS)))
        .isEqualTo(Duration.between(now.minus(1, ChronoUnit.HOURS), now));
    assertThat(job.untilNextRun(now)).isEqualTo(Duration.ofDays(1));
  }

  private void closedAt(String number, Instant at) {
    jdbc.update(
        "update complaint set closed_at = ? where id = ?", java.sql.Timestamp.from(at), id(number));
  }

  private String reason(String number) {
    return jdbc.queryForObject(
        "select anonymised_reason from complaint where id = ?", String.class, id(number));
  }

  private long id(String number) {
    return register.findByRegistrationNumber(number).orElseThrow().id();
  }
}
