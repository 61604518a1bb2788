package eu.complaintdesk.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-day calendar settings, bound from {@code complaints.calendar}.
 *
 * <p>Holidays come from the jollyday library for {@link #country()}; {@link #overrides()} corrects
 * it per country and year. Anything left unset gets its default: country LV, the country's zone,
 * working hours 09:00–18:00, no overrides. Inconsistent settings fail at startup.
 *
 * @param country whose public holidays apply
 * @param zone time zone of the working day; derived from the country if not set
 * @param workingHoursStart local opening time of a working day
 * @param workingHoursEnd local closing time of a working day, after the opening
 * @param overrides corrections to the library: country, then year, then the corrected days
 */
@ConfigurationProperties("complaints.calendar")
public record CalendarProperties(
    Country country,
    ZoneId zone,
    LocalTime workingHoursStart,
    LocalTime workingHoursEnd,
    Map<Country, Map<Integer, YearOverrides>> overrides) {

  /** Countries whose calendars are supported, each with its default time zone. */
  public enum Country {
    LV("Europe/Riga"),
    LT("Europe/Vilnius"),
    RU("Europe/Moscow");

    private final ZoneId defaultZone;

    Country(String defaultZone) {
      this.defaultZone = ZoneId.of(defaultZone);
    }

    /** The zone used when {@code complaints.calendar.zone} is not set. */
    public ZoneId defaultZone() {
      return defaultZone;
    }
  }

  /**
   * Corrections to the holiday library for one year.
   *
   * @param daysOff extra non-working days: holidays moved off a weekend, bridge days, one-off
   *     holidays, holidays the library lacks
   * @param workingDays days that are working although the library or the weekend says otherwise,
   *     such as worked Saturdays or days the library wrongly lists as holidays
   */
  public record YearOverrides(List<LocalDate> daysOff, List<LocalDate> workingDays) {

    public YearOverrides {
      daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
      workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
    }

    static final YearOverrides NONE = new YearOverrides(List.of(), List.of());
  }

  public CalendarProperties {
    country = country == null ? Country.LV : country;
    zone = zone == null ? country.defaultZone() : zone;
    workingHoursStart = workingHoursStart == null ? LocalTime.of(9, 0) : workingHoursStart;
    workingHoursEnd = workingHoursEnd == null ? LocalTime.of(18, 0) : workingHoursEnd;
    if (!workingHoursStart.isBefore(workingHoursEnd)) {
      throw new IllegalArgumentException(
          "complaints.calendar.working-hours-start ("
              + workingHoursStart
              + ") must be before working-hours-end ("
              + workingHoursEnd
              + ")");
    }
    overrides = validatedCopy(overrides);
  }

  /** Defaults for everything: LV, Europe/Riga, 09:00–18:00, no overrides. */
  public static CalendarProperties defaults() {
    return new CalendarProperties(null, null, null, null, null);
  }

  /** The overrides of the configured country for one year; empty if there are none. */
  YearOverrides overridesFor(int year) {
    return overrides.getOrDefault(country, Map.of()).getOrDefault(year, YearOverrides.NONE);
  }

  /** Whether the override table has an entry for the configured country and this year. */
  boolean hasOverridesFor(int year) {
    return overrides.getOrDefault(country, Map.of()).containsKey(year);
  }

  private static Map<Country, Map<Integer, YearOverrides>> validatedCopy(
      Map<Country, Map<Integer, YearOverrides>> overrides) {
    Map<Country, Map<Integer, YearOverrides>> copy = new EnumMap<>(Country.class);
    if (overrides == null) {
      return Map.copyOf(copy);
    }
    overrides.forEach(
        (country, years) -> {
          Map<Integer, YearOverrides> yearsCopy = new TreeMap<>();
          Objects.requireNonNullElse(years, Map.<Integer, YearOverrides>of())
              .forEach(
                  (year, days) -> {
                    YearOverrides checked = days == null ? YearOverrides.NONE : days;
                    validate(country, year, checked);
                    yearsCopy.put(year, checked);
                  });
          copy.put(country, Map.copyOf(yearsCopy));
        });
    return Map.copyOf(copy);
  }

  private static void validate(Country country, int year, YearOverrides days) {
    String where = "complaints.calendar.overrides." + country + "." + year;
    Set<LocalDate> daysOff = new HashSet<>();
    for (LocalDate day : days.daysOff()) {
      requireYear(where + ".days-off", year, day);
      daysOff.add(day);
    }
    for (LocalDate day : days.workingDays()) {
      requireYear(where + ".working-days", year, day);
      if (daysOff.contains(day)) {
        throw new IllegalArgumentException(
            where + ": " + day + " is listed both as a day off and as a working day");
      }
    }
  }

  private static void requireYear(String where, int year, LocalDate day) {
    if (day == null || day.getYear() != year) {
      throw new IllegalArgumentException(where + ": " + day + " does not lie in " + year);
    }
  }
}
