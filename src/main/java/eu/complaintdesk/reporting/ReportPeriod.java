package eu.complaintdesk.reporting;

import eu.complaintdesk.problem.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;

/**
 * The days whose received cases a report covers, both inclusive, as dates of the calendar's time
 * zone ({@code complaints.calendar.*}).
 */
record ReportPeriod(LocalDate from, LocalDate to) {

  /** Days covered when neither end is given: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;

  /** The longest period a report may cover. */
  static final int MAX_DAYS = 366;

  /** Before any complaint could have been registered: dates before it are typing errors. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  /**
   * The period of the request's {@code from} and {@code to} (ISO dates, either may be left out):
   * without {@code to} it ends today, without {@code from} it covers {@value #DEFAULT_DAYS} days up
   * to {@code to}. An unreadable date, a date after today, {@code from} after {@code to} or more
   * than {@value #MAX_DAYS} days are refused with 400 naming the field.
   */
  static ReportPeriod of(String from, String to, LocalDate today) {
    LocalDate fromDate = date("from", from);
    LocalDate toDate = date("to", to);
    if (fromDate != null && fromDate.isAfter(today)) {
      throw badRequest("from", "from: must not be after today (" + today + ")");
    }
    if (toDate != null && toDate.isAfter(today)) {
      throw badRequest("to", "to: must not be after today (" + today + ")");
    }
    LocalDate end = toDate != null ? toDate : today;
    LocalDate start = fromDate != null ? fromDate : end.minusDays(DEFAULT_DAYS - 1L);
    if (start.isAfter(end)) {
      throw badRequest("from", "from: must not be after to (" + end + ")");
    }
    if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
      throw badRequest("to", "to: a period may cover at most " + MAX_DAYS + " days");
    }
    return new ReportPeriod(start, end);
  }

  /** The first instant of the period in {@code zone}. */
  Instant start(ZoneId zone) {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period in {@code zone}. */
  Instant end(ZoneId zone) {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw badRequest(field, field + ": not a date of the form yyyy-MM-dd");
    }
    if (date.isBefore(EARLIEST)) {
      throw badRequest(field, field + ": must not be before " + EARLIEST);
    }
    return date;
  }

  private static ApiProblem badRequest(String field, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, field, detail);
  }
}
