package eu.complaintdesk.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Working days, working hours and deadlines of the organisation's country and time zone.
 *
 * <p>A working day is a weekday that is not a public holiday. Public holidays come from the
 * jollyday library and are corrected by the yearly override table ({@code
 * complaints.calendar.overrides}): an override day off is never a working day, an override working
 * day always is, even on a Saturday. Working hours are the same on every working day, by default
 * 09:00–18:00 local time; the opening instant belongs to them, the closing instant does not.
 *
 * <p>Thread-safe; holidays are computed once per year and cached.
 */
@Component
public class WorkingCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingCalendar.class);

  /** Longer than any real run of non-working days; guards against an impossible override table. */
  private static final int MAX_DAYS_WITHOUT_WORK = 60;

  private final CalendarProperties properties;
  private final ZoneId zone;
  private final LocalTime opening;
  private final LocalTime closing;
  private final HolidayManager holidayManager;
  private final Map<Integer, YearDays> years = new ConcurrentHashMap<>();

  public WorkingCalendar(CalendarProperties properties) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.zone = properties.zone();
    this.opening = properties.workingHoursStart();
    this.closing = properties.workingHoursEnd();
    this.holidayManager =
        HolidayManager.getInstance(
            ManagerParameters.create(properties.country().name().toLowerCase(Locale.ROOT)));
    log.info(
        "Working calendar: country {}, zone {}, working hours {}-{}, override years {}",
        properties.country(),
        zone,
        opening,
        closing,
        new TreeSet<>(
            properties.overrides().getOrDefault(properties.country(), Map.of()).keySet()));
  }

  /** The time zone in which working days and working hours are counted. */
  public ZoneId zone() {
    return zone;
  }

  /** The date of an instant in the calendar's zone. */
  public LocalDate localDate(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /**
   * Whether a date is a working day: not a Saturday or Sunday, not a public holiday and not an
   * override day off; or listed as an override working day, which wins over everything else.
   */
  public boolean isWorkingDay(LocalDate date) {
    YearDays yearDays = yearDays(date.getYear());
    if (yearDays.workingDays().contains(date)) {
      return true;
    }
    DayOfWeek dayOfWeek = date.getDayOfWeek();
    if (dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY) {
      return false;
    }
    return !yearDays.daysOff().contains(date);
  }

  /**
   * When something received at {@code receivedAt} counts as received. Inside working hours that is
   * the instant itself; before opening on a working day it is that day's opening; otherwise (after
   * closing, or on a day that is not a working day) it is the opening of the next working day.
   */
  public Instant effectiveReceipt(Instant receivedAt) {
    ZonedDateTime local = receivedAt.atZone(zone);
    LocalDate date = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (isWorkingDay(date)) {
      if (time.isBefore(opening)) {
        return openingOf(date);
      }
      if (time.isBefore(closing)) {
        return receivedAt;
      }
    }
    return openingOf(nextWorkingDayAfter(date));
  }

  /**
   * The deadline for something received at {@code receivedAt}: the close of working hours on the
   * {@code workingDays}-th working day after the day of effective receipt (see {@link
   * #effectiveReceipt}). With 0 working days it is the close of the day of effective receipt.
   */
  public Instant deadline(Instant receivedAt, int workingDays) {
    requireNotNegative(workingDays);
    LocalDate receiptDay = localDate(effectiveReceipt(receivedAt));
    return closingOf(addWorkingDays(receiptDay, workingDays));
  }

  /**
   * Moves a deadline later by {@code workingDays} working days: the close of working hours on the
   * {@code workingDays}-th working day after the deadline's local date. Used when a paused clock
   * resumes and for the extension. With 0 working days it is the close of the deadline's date.
   */
  public Instant addWorkingDays(Instant deadline, int workingDays) {
    requireNotNegative(workingDays);
    return closingOf(addWorkingDays(localDate(deadline), workingDays));
  }

  /**
   * The number of working days d with {@code from}'s local date &lt; d &lt;= {@code to}'s local
   * date; 0 if {@code to} is not after {@code from}. A clock paused at {@code from} and resumed at
   * {@code to} moves its deadline by this many working days.
   */
  public int workingDaysBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    LocalDate last = localDate(to);
    int count = 0;
    for (LocalDate day = localDate(from).plusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        count++;
      }
    }
    return count;
  }

  /**
   * How many working days something received at {@code receivedAt} took until {@code doneAt}: the
   * working days after the day of effective receipt (see {@link #effectiveReceipt}) up to and
   * including the day of {@code doneAt}. Done on the day of effective receipt is 0; done by the
   * deadline of N working days ({@link #deadline}) is at most N. Time the clock was paused counts.
   */
  public int workingDaysTaken(Instant receivedAt, Instant doneAt) {
    return workingDaysBetween(effectiveReceipt(receivedAt), doneAt);
  }

  /**
   * The opening of working hours on the working day {@code workingDays} working days before the
   * deadline's local date, for reminders. With 0 working days it is the opening of the deadline's
   * date. The result may lie in the past; callers decide what to do then.
   */
  public Instant workingDaysBefore(Instant deadline, int workingDays) {
    requireNotNegative(workingDays);
    LocalDate day = localDate(deadline);
    for (int i = 0; i < workingDays; i++) {
      day = previousWorkingDayBefore(day);
    }
    return openingOf(day);
  }

  private LocalDate addWorkingDays(LocalDate start, int workingDays) {
    LocalDate day = start;
    for (int i = 0; i < workingDays; i++) {
      day = nextWorkingDayAfter(day);
    }
    return day;
  }

  private LocalDate nextWorkingDayAfter(LocalDate date) {
    LocalDate day = date.plusDays(1);
    for (int i = 0; i < MAX_DAYS_WITHOUT_WORK; i++, day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        return day;
      }
    }
    throw noWorkingDayNear(date);
  }

  private LocalDate previousWorkingDayBefore(LocalDate date) {
    LocalDate day = date.minusDays(1);
    for (int i = 0; i < MAX_DAYS_WITHOUT_WORK; i++, day = day.minusDays(1)) {
      if (isWorkingDay(day)) {
        return day;
      }
    }
    throw noWorkingDayNear(date);
  }

  private IllegalStateException noWorkingDayNear(LocalDate date) {
    return new IllegalStateException(
        "No working day within "
            + MAX_DAYS_WITHOUT_WORK
            + " days of "
            + date
            + "; check complaints.calendar.overrides");
  }

  private Instant openingOf(LocalDate date) {
    return ZonedDateTime.of(date, opening, zone).toInstant();
  }

  private Instant closingOf(LocalDate date) {
    return ZonedDateTime.of(date, closing, zone).toInstant();
  }

  private YearDays yearDays(int year) {
    return years.computeIfAbsent(year, this::loadYear);
  }

  private YearDays loadYear(int year) {
    Set<LocalDate> daysOff = new HashSet<>();
    for (Holiday holiday : holidayManager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)) {
      // getDate() is the day the holiday is observed (moved off a weekend by the library's rules),
      // getActualDate() the calendar day itself; both are days off.
      daysOff.add(holiday.getDate());
      daysOff.add(holiday.getActualDate());
    }
    CalendarProperties.YearOverrides overrides = properties.overridesFor(year);
    daysOff.addAll(overrides.daysOff());
    if (properties.hasOverridesFor(year)) {
      log.debug(
          "Holidays {} {}: {} from the library and overrides, {} override working days",
          properties.country(),
          year,
          daysOff.size(),
          overrides.workingDays().size());
    } else {
      log.info(
          "No holiday overrides for {} {}: moved days off and bridge days of that year are not"
              + " known; add them to complaints.calendar.overrides",
          properties.country(),
          year);
    }
    return new YearDays(Set.copyOf(daysOff), Set.copyOf(overrides.workingDays()));
  }

  private static void requireNotNegative(int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
    }
  }

  /** The corrected non-working and working days of one year. */
  private record YearDays(Set<LocalDate> daysOff, Set<LocalDate> workingDays) {}
}
