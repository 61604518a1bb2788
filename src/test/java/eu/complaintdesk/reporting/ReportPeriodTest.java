package eu.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.complaintdesk.problem.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

class ReportPeriodTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  @Test
  void withoutDatesTheLastThirtyDaysUpToTodayAreCovered() {
    assertThat(ReportPeriod.of(null, "", TODAY))
        .isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 6), TODAY));
  }

  @Test
  void withOnlyToThirtyDaysEndingThenAndWithOnlyFromUpToToday() {
    assertThat(ReportPeriod.of(null, "2026-10-31", TODAY))
        .isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 31)));
    assertThat(ReportPeriod.of("2026-01-01", null, TODAY))
        .isEqualTo(new ReportPeriod(LocalDate.of(2026, 1, 1), TODAY));
  }

  @Test
  void oneDayAndAFullLeapYearAreAccepted() {
    assertThat(ReportPeriod.of("2026-12-05", "2026-12-05", TODAY).from()).isEqualTo(TODAY);
    assertThat(ReportPeriod.of("2024-01-01", "2024-12-31", TODAY).to())
        .isEqualTo(LocalDate.of(2024, 12, 31));
  }

  @ParameterizedTest(name = "from={0} to={1}: 400 on {2} ({3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-13-01 |            | from | not a date
          yesterday  |            | from | not a date
                     | 05.12.2026 | to   | not ISO
          2026-12-06 |            | from | from in the future
          2026-12-01 | 2026-12-06 | to   | to in the future
          2026-12-02 | 2026-12-01 | from | from after to
          2025-01-01 | 2026-01-02 | to   | 367 days
                     | -999999999-01-01 | to | far past (would overflow)
          1999-12-31 |            | from | before any complaint
          """)
  void badDatesAreRefusedNamingTheField(String from, String to, String field, String reason) {
    ApiProblem problem =
        catchThrowableOfType(ApiProblem.class, () -> ReportPeriod.of(from, to, TODAY));

    assertThat(problem).as(reason).isNotNull();
    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problem.field()).as(reason).isEqualTo(field);
    assertThat(problem.getMessage()).startsWith(field + ":");
  }

  @Test
  void daysAreTakenInTheCalendarsZone() {
    ReportPeriod day = ReportPeriod.of("2026-12-01", "2026-12-01", TODAY);
    ZoneId riga = ZoneId.of("Europe/Riga");

    assertThat(day.start(riga)).isEqualTo(Instant.parse("2026-11-30T22:00:00Z"));
    assertThat(day.end(riga)).isEqualTo(Instant.parse("2026-12-01T22:00:00Z"));
  }
}
