package eu.complaintdesk.calendar;

import static eu.complaintdesk.calendar.ShippedCalendar.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.calendar.CalendarProperties.Country;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadline rules on the shipped Latvian calendar (Europe/Riga, 09:00-18:00) unless stated. */
class WorkingCalendarDeadlineTest {

  private final WorkingCalendar latvia = ShippedCalendar.forCountry(Country.LV);

  private Instant riga(String localDateTime) {
    return at(latvia, localDateTime);
  }

  @Nested
  class EffectiveReceipt {

    @ParameterizedTest(name = "received {0} counts from {1} ({2})")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2026-11-23T10:15:30 | 2026-11-23T10:15:30 | inside working hours: unchanged
            2026-11-23T09:00    | 2026-11-23T09:00    | the opening belongs to working hours
            2026-11-23T17:59:59 | 2026-11-23T17:59:59 | last second before closing
            2026-11-23T07:30    | 2026-11-23T09:00    | before opening on a working day: same day
            2026-11-23T00:00    | 2026-11-23T09:00    | at midnight: same day
            2026-11-23T18:00    | 2026-11-24T09:00    | at closing: next working day
            2026-11-23T20:45    | 2026-11-24T09:00    | after closing: next working day
            2026-11-27T19:00    | 2026-11-30T09:00    | Friday evening: Monday
            2026-11-28T11:00    | 2026-11-30T09:00    | Saturday: Monday
            2026-11-29T08:00    | 2026-11-30T09:00    | Sunday morning: Monday
            2026-11-17T18:30    | 2026-11-19T09:00    | eve of Proclamation Day: the day after it
            2026-11-18T08:00    | 2026-11-19T09:00    | before opening on a holiday: next working day
            2026-06-19T18:30    | 2026-06-25T09:00    | Friday before bridge day, Līgo and Jāņi
            2026-06-27T08:00    | 2026-06-27T09:00    | worked Saturday counts as a working day
            2026-12-23T19:00    | 2026-12-28T09:00    | eve of Christmas: the Monday after it
            2026-12-30T18:05    | 2027-01-04T09:00    | eve of New Year's Eve: first Monday of 2027
            """)
    void receiptOutsideWorkingHoursCountsFromTheNextOpening(
        String receivedAt, String countsFrom, String reason) {
      assertThat(latvia.effectiveReceipt(riga(receivedAt))).as(reason).isEqualTo(riga(countsFrom));
    }

    @Test
    void localDateIsTakenInTheCalendarZoneNotInUtc() {
      Instant lateUtcEvening = Instant.parse("2026-11-23T22:30:00Z"); // 00:30 on 24 Nov in Riga

      assertThat(latvia.localDate(lateUtcEvening)).isEqualTo(LocalDate.of(2026, 11, 24));
      assertThat(latvia.effectiveReceipt(lateUtcEvening))
          .isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    }
  }

  @Nested
  class Deadline {

    @ParameterizedTest(name = "received {0}, {1} working days: due {2} ({3})")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2026-11-23T10:00 | 10 | 2026-12-07T18:00 | received inside working hours on a Monday
            2026-11-23T07:30 | 10 | 2026-12-07T18:00 | before opening: counts from the same day
            2026-11-23T18:00 | 10 | 2026-12-08T18:00 | at closing: counts from the next day
            2026-11-27T19:00 | 10 | 2026-12-14T18:00 | Friday evening: counts from Monday
            2026-11-28T11:00 | 10 | 2026-12-14T18:00 | Saturday: counts from Monday
            2026-11-17T18:30 | 10 | 2026-12-03T18:00 | eve of Proclamation Day: counts from 19 Nov
            2026-06-18T10:00 | 10 | 2026-07-06T18:00 | skips Jāņi and bridge day, counts a Saturday
            2026-11-23T10:00 | 20 | 2026-12-21T18:00 | extended deadline
            2026-11-23T10:00 |  1 | 2026-11-24T18:00 | information request: the next working day
            2026-11-27T17:59 |  1 | 2026-11-30T18:00 | Friday before closing: Monday
            2026-11-27T18:00 |  1 | 2026-12-01T18:00 | Friday at closing: counts from Monday
            2026-11-17T10:00 |  1 | 2026-11-19T18:00 | skips Proclamation Day
            2026-11-23T10:00 |  0 | 2026-11-23T18:00 | zero days: close of the day of receipt
            2026-11-28T11:00 |  0 | 2026-11-30T18:00 | zero days from a weekend: close of Monday
            2026-12-14T10:00 | 10 | 2026-12-30T18:00 | crosses 24-26 December
            2026-12-14T10:00 | 20 | 2027-01-15T18:00 | crosses Christmas, 31 Dec and 1 Jan
            2026-12-23T19:00 |  1 | 2026-12-29T18:00 | received on the eve of Christmas
            """)
    void deadlineIsTheCloseOfTheNthWorkingDayAfterReceipt(
        String receivedAt, int workingDays, String due, String reason) {
      assertThat(latvia.deadline(riga(receivedAt), workingDays)).as(reason).isEqualTo(riga(due));
    }

    @Test
    void extendingByTenWorkingDaysGivesTwentyWorkingDaysFromReceipt() {
      Instant received = riga("2026-12-14T10:00");

      Instant extended = latvia.addWorkingDays(latvia.deadline(received, 10), 10);

      assertThat(extended).isEqualTo(latvia.deadline(received, 20));
    }

    @Test
    void negativeWorkingDaysAreRejected() {
      Instant received = riga("2026-11-23T10:00");

      assertThatThrownBy(() -> latvia.deadline(received, -1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> latvia.addWorkingDays(received, -1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> latvia.workingDaysBefore(received, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lithuanianDeadlineSkipsChristmasEve() {
      WorkingCalendar lithuania = ShippedCalendar.forCountry(Country.LT);

      assertThat(lithuania.effectiveReceipt(at(lithuania, "2026-12-23T18:30")))
          .isEqualTo(at(lithuania, "2026-12-28T09:00"));
      assertThat(lithuania.deadline(at(lithuania, "2026-12-23T10:00"), 1))
          .isEqualTo(at(lithuania, "2026-12-28T18:00"));
    }

    @Test
    void russianDeadlineStartsAfterTheNewYearHolidaysInMoscowTime() {
      WorkingCalendar russia = ShippedCalendar.forCountry(Country.RU);
      Instant received = Instant.parse("2026-01-05T09:00:00Z"); // 12:00 in Moscow, a holiday

      assertThat(russia.effectiveReceipt(received))
          .isEqualTo(Instant.parse("2026-01-12T06:00:00Z")); // 09:00 MSK
      assertThat(russia.deadline(received, 10))
          .isEqualTo(Instant.parse("2026-01-26T15:00:00Z")); // 18:00 MSK
    }

    @Test
    void configuredWorkingHoursDecideReceiptAndClosing() {
      WorkingCalendar eightToFive =
          new WorkingCalendar(
              new CalendarProperties(
                  Country.LV,
                  null,
                  LocalTime.of(8, 0),
                  LocalTime.of(17, 0),
                  ShippedCalendar.properties().overrides()));

      assertThat(eightToFive.effectiveReceipt(riga("2026-11-23T07:59")))
          .isEqualTo(riga("2026-11-23T08:00"));
      assertThat(eightToFive.effectiveReceipt(riga("2026-11-23T17:00")))
          .isEqualTo(riga("2026-11-24T08:00"));
      assertThat(eightToFive.deadline(riga("2026-11-23T17:30"), 1))
          .isEqualTo(riga("2026-11-25T17:00"));
    }
  }

  /** Europe/Riga: summer time starts on Sunday 29 March 2026 and ends on Sunday 25 October 2026. */
  @Nested
  class DaylightSavingTime {

    @Test
    void deadlineAcrossTheSpringChangeClosesAtSixInSummerTime() {
      Instant fridayMorning = Instant.parse("2026-03-27T08:00:00Z"); // 10:00 EET (UTC+2)

      assertThat(latvia.deadline(fridayMorning, 1))
          .isEqualTo(Instant.parse("2026-03-30T15:00:00Z")); // 18:00 EEST (UTC+3)
    }

    @Test
    void weekendReceiptAcrossTheSpringChangeCountsFromNineInSummerTime() {
      Instant saturdayEvening = Instant.parse("2026-03-28T18:00:00Z"); // 20:00 EET

      assertThat(latvia.effectiveReceipt(saturdayEvening))
          .isEqualTo(Instant.parse("2026-03-30T06:00:00Z")); // 09:00 EEST
    }

    @Test
    void deadlineAcrossTheAutumnChangeClosesAtSixInWinterTime() {
      Instant fridayNoon = Instant.parse("2026-10-23T09:00:00Z"); // 12:00 EEST (UTC+3)

      assertThat(latvia.deadline(fridayNoon, 1))
          .isEqualTo(Instant.parse("2026-10-26T16:00:00Z")); // 18:00 EET (UTC+2)
    }

    @Test
    void receiptInTheRepeatedHourOfTheAutumnChangeCountsFromMonday() {
      Instant repeatedHour = Instant.parse("2026-10-25T00:30:00Z"); // 03:30 EEST, Sunday

      assertThat(latvia.effectiveReceipt(repeatedHour))
          .isEqualTo(Instant.parse("2026-10-26T07:00:00Z")); // 09:00 EET
    }

    @Test
    void reminderBeforeADeadlineAcrossTheSpringChangeOpensAtNineInWinterTime() {
      Instant mondayDeadline = Instant.parse("2026-03-30T15:00:00Z"); // 18:00 EEST

      assertThat(latvia.workingDaysBefore(mondayDeadline, 1))
          .isEqualTo(Instant.parse("2026-03-27T07:00:00Z")); // Friday 09:00 EET
    }
  }

  @Nested
  class PausedClock {

    @ParameterizedTest(name = "from {0} to {1}: {2} working days ({3})")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2026-11-23T10:00 | 2026-11-30T08:00 | 5 | a week, weekend skipped, end date counts
            2026-11-23T10:00 | 2026-11-23T17:00 | 0 | same day
            2026-11-27T19:00 | 2026-11-29T12:00 | 0 | only the weekend
            2026-11-17T10:00 | 2026-11-19T10:00 | 1 | Proclamation Day skipped
            2026-12-18T12:00 | 2027-01-04T10:00 | 7 | Christmas and New Year skipped
            2026-06-19T12:00 | 2026-06-27T12:00 | 3 | bridge day skipped, worked Saturday counted
            2026-11-30T08:00 | 2026-11-23T10:00 | 0 | end before start
            """)
    void workingDaysBetweenCountsDaysAfterTheStartUpToTheEnd(
        String from, String to, int expected, String reason) {
      assertThat(latvia.workingDaysBetween(riga(from), riga(to))).as(reason).isEqualTo(expected);
    }

    @Test
    void resumedClockMovesTheDeadlineByThePausedWorkingDays() {
      Instant deadline = latvia.deadline(riga("2026-11-23T10:00"), 10);
      int paused = latvia.workingDaysBetween(riga("2026-11-25T11:00"), riga("2026-12-01T14:00"));

      assertThat(deadline).isEqualTo(riga("2026-12-07T18:00"));
      assertThat(paused).isEqualTo(4);
      assertThat(latvia.addWorkingDays(deadline, paused)).isEqualTo(riga("2026-12-11T18:00"));
    }

    @ParameterizedTest(name = "deadline {0} plus {1} working days: {2} ({3})")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2026-12-07T18:00 | 5 | 2026-12-14T18:00 | across a weekend
            2026-12-22T18:00 | 3 | 2026-12-29T18:00 | across Christmas
            2026-12-07T18:00 | 0 | 2026-12-07T18:00 | zero days: close of the same day
            2026-12-07T12:00 | 1 | 2026-12-08T18:00 | always ends at closing
            """)
    void addWorkingDaysEndsAtClosingOfTheNthWorkingDayLater(
        String deadline, int workingDays, String expected, String reason) {
      assertThat(latvia.addWorkingDays(riga(deadline), workingDays))
          .as(reason)
          .isEqualTo(riga(expected));
    }
  }

  @Nested
  class WorkingDaysTaken {

    @ParameterizedTest(name = "received {0}, answered {1}: {2} working days ({3})")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2026-11-23T10:00 | 2026-11-23T17:00 | 0  | answered the same working day
            2026-11-23T10:00 | 2026-11-24T09:30 | 1  | the next working day
            2026-11-27T19:00 | 2026-11-30T11:00 | 0  | Friday evening counts from Monday
            2026-11-28T11:00 | 2026-11-30T17:00 | 0  | Saturday counts from Monday
            2026-11-23T10:00 | 2026-12-07T17:59 | 10 | on the deadline's last working day
            2026-11-23T10:00 | 2026-12-08T09:00 | 11 | a working day after the deadline
            2026-11-17T10:00 | 2026-11-19T10:00 | 1  | Proclamation Day skipped
            2026-11-28T11:00 | 2026-11-28T12:00 | 0  | answered before the receipt counts
            """)
    void countsWorkingDaysAfterTheDayOfEffectiveReceipt(
        String receivedAt, String answeredAt, int expected, String reason) {
      assertThat(latvia.workingDaysTaken(riga(receivedAt), riga(answeredAt)))
          .as(reason)
          .isEqualTo(expected);
    }

    @Test
    void answeredByTheDeadlineTakesAtMostItsWorkingDays() {
      Instant received = riga("2026-12-18T16:00");
      Instant deadline = latvia.deadline(received, 10);

      assertThat(latvia.workingDaysTaken(received, deadline.minusSeconds(1))).isEqualTo(10);
    }
  }

  @Nested
  class Reminder {

    @ParameterizedTest(name = "deadline {0}, {1} working days before: {2} ({3})")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2026-12-07T18:00 | 2 | 2026-12-03T09:00 | two working days before, at opening
            2026-11-30T18:00 | 1 | 2026-11-27T09:00 | weekend skipped
            2026-11-19T18:00 | 1 | 2026-11-17T09:00 | Proclamation Day skipped
            2026-12-29T18:00 | 2 | 2026-12-23T09:00 | Christmas skipped
            2026-06-25T18:00 | 1 | 2026-06-19T09:00 | Jāņi, Līgo and bridge day skipped
            2026-12-07T18:00 | 0 | 2026-12-07T09:00 | zero days: opening of the deadline's day
            """)
    void workingDaysBeforeIsTheOpeningOfAnEarlierWorkingDay(
        String deadline, int workingDays, String expected, String reason) {
      assertThat(latvia.workingDaysBefore(riga(deadline), workingDays))
          .as(reason)
          .isEqualTo(riga(expected));
    }
  }
}
