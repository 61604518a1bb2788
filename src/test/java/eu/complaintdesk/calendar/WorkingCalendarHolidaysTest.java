package eu.complaintdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.CalendarProperties.Country;
import java.time.LocalDate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Real dates, checked against the shipped calendar: the library plus the shipped overrides. */
class WorkingCalendarHolidaysTest {

  @ParameterizedTest(name = "{0} {1}: working day = {2} ({3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          LV | 2023-11-20 | false | 18 November on a Saturday, moved to Monday
          LV | 2023-11-21 | true  | ordinary Tuesday after the moved holiday
          LV | 2023-05-05 | false | bridge day after 4 May
          LV | 2023-05-20 | true  | Saturday worked for the 5 May bridge day
          LV | 2023-05-29 | false | one-off holiday, hockey bronze
          LV | 2023-07-10 | false | Song and Dance Festival closed on a Sunday
          LV | 2026-01-01 | false | New Year
          LV | 2026-01-02 | false | bridge day after New Year
          LV | 2026-01-17 | true  | Saturday worked for the 2 January bridge day
          LV | 2026-04-03 | false | Good Friday
          LV | 2026-04-06 | false | Easter Monday
          LV | 2026-05-01 | false | Labour Day
          LV | 2026-05-04 | false | Restoration of Independence, a Monday
          LV | 2026-06-22 | false | bridge day before Līgo
          LV | 2026-06-23 | false | Līgo
          LV | 2026-06-24 | false | Jāņi
          LV | 2026-06-25 | true  | Thursday after Jāņi
          LV | 2026-06-27 | true  | Saturday worked for the 22 June bridge day
          LV | 2026-11-18 | false | Proclamation Day, a Wednesday
          LV | 2026-11-19 | true  | Thursday after Proclamation Day
          LV | 2026-11-23 | true  | ordinary Monday
          LV | 2026-11-28 | false | Saturday
          LV | 2026-11-29 | false | Sunday
          LV | 2026-12-24 | false | Christmas Eve
          LV | 2026-12-25 | false | Christmas
          LV | 2026-12-26 | false | second day of Christmas
          LV | 2026-12-28 | true  | Monday between Christmas and New Year
          LV | 2026-12-31 | false | New Year's Eve
          LV | 2027-01-01 | false | New Year
          LV | 2027-01-04 | true  | first Monday of 2027
          LT | 2026-02-16 | false | Restoration of the State
          LT | 2026-03-11 | false | Restoration of Independence
          LT | 2026-07-06 | false | Statehood Day, a Monday
          LT | 2026-07-07 | true  | Tuesday after Statehood Day
          LT | 2026-11-02 | false | All Souls' Day
          LT | 2026-12-23 | true  | Wednesday before Christmas Eve
          LT | 2026-12-24 | false | Christmas Eve, missing from the library
          LT | 2026-12-25 | false | Christmas
          RU | 2026-01-09 | false | day off moved from Saturday 3 January
          RU | 2026-01-10 | false | Saturday
          RU | 2026-01-12 | true  | first working day of 2026
          RU | 2026-02-23 | false | Defender of the Fatherland Day
          RU | 2026-03-09 | false | 8 March on a Sunday, moved to Monday
          RU | 2026-05-11 | false | 9 May on a Saturday, moved to Monday
          RU | 2026-06-12 | false | Russia Day
          RU | 2026-11-04 | false | Unity Day
          RU | 2026-11-05 | true  | Thursday after Unity Day
          RU | 2026-12-30 | true  | Wednesday before New Year's Eve
          RU | 2026-12-31 | false | day off moved from Sunday 4 January
          """)
  void shippedCalendarKnowsRealWorkingDaysAndHolidays(
      Country country, LocalDate date, boolean working, String reason) {
    assertThat(ShippedCalendar.forCountry(country).isWorkingDay(date))
        .as(reason)
        .isEqualTo(working);
  }

  static Stream<LocalDate> russianNewYearHolidays2026() {
    return IntStream.rangeClosed(1, 8).mapToObj(day -> LocalDate.of(2026, 1, day));
  }

  @ParameterizedTest(name = "RU {0} is a New Year holiday")
  @MethodSource("russianNewYearHolidays2026")
  void russianNewYearHolidaysAreNotWorkingDays(LocalDate date) {
    assertThat(ShippedCalendar.forCountry(Country.RU).isWorkingDay(date)).isFalse();
  }

  /**
   * The dates the library alone gets wrong: each shipped override row is load-bearing. If one of
   * these starts failing after a jollyday upgrade, the library has been fixed and the override row
   * may go.
   */
  @ParameterizedTest(name = "{0} {1}: library says working = {2}, shipped calendar corrects it")
  @CsvSource({
    "LV, 2023-11-20, true",
    "LV, 2023-07-10, true",
    "LV, 2026-06-22, true",
    "LV, 2026-06-27, false",
    "LT, 2026-12-24, true",
    "RU, 2026-01-12, false",
    "RU, 2026-12-31, true"
  })
  void overrideTableCorrectsTheLibrary(Country country, LocalDate date, boolean libraryWorking) {
    WorkingCalendar libraryOnly =
        new WorkingCalendar(new CalendarProperties(country, null, null, null, null));

    assertThat(libraryOnly.isWorkingDay(date)).isEqualTo(libraryWorking);
    assertThat(ShippedCalendar.forCountry(country).isWorkingDay(date)).isEqualTo(!libraryWorking);
  }
}
