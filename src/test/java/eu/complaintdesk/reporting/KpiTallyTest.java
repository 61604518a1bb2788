package eu.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KpiTallyTest {

  static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  static final ReportPeriod PERIOD =
      new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

  @Test
  void figuresFollowTheirDefinitions() {
    KpiTally tally = new KpiTally(NOW);
    // answered on time, upheld, rated 5
    tally.add(complaint("UPHELD", true, 2, false, false, 5));
    // answered late, rejected, appeal notice, extended, rated 2
    tally.add(complaint("REJECTED", false, 15, true, true, 2));
    // answered on time, partially upheld, appeal notice, invited but not rated
    tally.add(complaint("PARTIALLY_UPHELD", true, 4, false, true, null));
    // information request answered on time the same day, no outcome
    tally.add(
        facts("INFORMATION_REQUEST", "BILLING", "ANSWERED", NOW.plusSeconds(60), NOW, null)
            .withAnswer(0, true)
            .facts());
    // open complaint past its due date, repeat
    tally.add(
        new ReportedCase(
            "2026-000005",
            NOW,
            "PHONE",
            "SERVICE_COMPLAINT",
            "BILLING",
            null,
            "IN_PROGRESS",
            NOW.minus(Duration.ofDays(1)),
            false,
            null,
            null,
            true,
            false,
            false,
            null,
            null,
            null));
    // registered, not yet classified, not yet due
    tally.add(facts(null, null, "REGISTERED", NOW.plus(Duration.ofDays(9)), null, null).facts());

    Kpis kpis = tally.result(PERIOD, "Europe/Riga", 40, 7);

    assertThat(kpis.received()).isEqualTo(6);
    assertThat(kpis.byFeedbackType())
        .containsEntry("SERVICE_COMPLAINT", 4L)
        .containsEntry("INFORMATION_REQUEST", 1L)
        .containsEntry("PRAISE", 0L)
        .containsEntry(KpiTally.UNCLASSIFIED, 1L);
    assertThat(kpis.byChannel()).containsEntry("PHONE", 1L).containsEntry("WEB_FORM", 5L);
    assertThat(kpis.byCategory())
        .containsEntry("HEATING_QUALITY", 3L)
        .containsEntry("BILLING", 2L)
        .containsEntry(KpiTally.UNCLASSIFIED, 1L);
    assertThat(kpis.timeliness()).isEqualTo(new Kpis.Timeliness(4, 3, 1, 0.75));
    assertThat(kpis.responseTime()).isEqualTo(new Kpis.ResponseTime(4, 3.0, 5.25));
    assertThat(kpis.extension()).isEqualTo(new Kpis.Extension(4, 1, 0.25));
    assertThat(kpis.appealNotice()).isEqualTo(new Kpis.AppealNotice(3, 2, 2, 0.6667));
    assertThat(kpis.satisfaction().invited()).isEqualTo(3);
    assertThat(kpis.satisfaction().answers()).isEqualTo(2);
    assertThat(kpis.satisfaction().responseRate()).isEqualTo(0.6667);
    assertThat(kpis.satisfaction().averageScore()).isEqualTo(3.5);
    assertThat(kpis.satisfaction().distribution())
        .containsExactly(
            java.util.Map.entry("1", 0L),
            java.util.Map.entry("2", 1L),
            java.util.Map.entry("3", 0L),
            java.util.Map.entry("4", 0L),
            java.util.Map.entry("5", 1L));
    assertThat(kpis.backlog()).isEqualTo(new Kpis.Backlog(2, 1, 40, 7));
    assertThat(kpis.repeatComplaints()).isEqualTo(1);
    assertThat(kpis.outcomes())
        .containsEntry("UPHELD", 1L)
        .containsEntry("PARTIALLY_UPHELD", 1L)
        .containsEntry("REJECTED", 1L);
  }

  @Test
  void nothingToCountGivesNullRatesAndZeroCounts() {
    Kpis kpis = new KpiTally(NOW).result(PERIOD, "Europe/Riga", 0, 0);

    assertThat(kpis.received()).isZero();
    assertThat(kpis.timeliness().onTimeRate()).isNull();
    assertThat(kpis.responseTime().medianWorkingDays()).isNull();
    assertThat(kpis.responseTime().averageWorkingDays()).isNull();
    assertThat(kpis.extension().rate()).isNull();
    assertThat(kpis.appealNotice().rate()).isNull();
    assertThat(kpis.satisfaction().averageScore()).isNull();
    assertThat(kpis.outcomes()).containsOnlyKeys("UPHELD", "PARTIALLY_UPHELD", "REJECTED");
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(KpiTally.median(new int[] {9, 1, 4, 2})).isEqualTo(3.0);
    assertThat(KpiTally.median(new int[] {1, 2})).isEqualTo(1.5);
    assertThat(KpiTally.median(new int[] {7})).isEqualTo(7.0);
    assertThat(KpiTally.average(new int[] {1, 1, 2})).isEqualTo(1.33);
    assertThat(KpiTally.ratio(2, 3)).isEqualTo(0.6667);
  }

  @Test
  void caseWaitingForTheCustomerIsOpenButNotOverdue() {
    KpiTally tally = new KpiTally(NOW);
    tally.add(
        facts(null, null, "AWAITING_INFORMATION", NOW.minus(Duration.ofDays(2)), null, null)
            .facts());
    tally.add(facts(null, null, "REGISTERED", NOW.minus(Duration.ofDays(2)), null, null).facts());

    Kpis.Backlog backlog = tally.result(PERIOD, "Europe/Riga", 2, 1).backlog();

    assertThat(backlog.open()).isEqualTo(2);
    assertThat(backlog.overdue()).isEqualTo(1);
  }

  private static ReportedCase complaint(
      String outcome,
      boolean onTime,
      int workingDays,
      boolean extended,
      boolean appealNotice,
      Integer score) {
    return new ReportedCase(
        "2026-00000" + workingDays,
        NOW,
        "WEB_FORM",
        "SERVICE_COMPLAINT",
        "HEATING_QUALITY",
        null,
        "CLOSED",
        NOW,
        extended,
        NOW,
        outcome,
        false,
        appealNotice,
        true,
        score,
        workingDays,
        onTime);
  }

  private static Builder facts(
      String type,
      String category,
      String status,
      Instant due,
      Instant answeredAt,
      String outcome) {
    return new Builder(type, category, status, due, answeredAt, outcome, null, null);
  }

  private record Builder(
      String type,
      String category,
      String status,
      Instant due,
      Instant answeredAt,
      String outcome,
      Integer workingDays,
      Boolean onTime) {

    Builder withAnswer(int days, boolean inTime) {
      return new Builder(type, category, status, due, answeredAt, outcome, days, inTime);
    }

    ReportedCase facts() {
      return new ReportedCase(
          "2026-000099",
          NOW,
          "WEB_FORM",
          type,
          category,
          null,
          status,
          due,
          false,
          answeredAt,
          outcome,
          false,
          false,
          false,
          null,
          workingDays,
          onTime);
    }
  }
}
