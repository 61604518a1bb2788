package eu.complaintdesk.calendar;

import eu.complaintdesk.calendar.CalendarProperties.Country;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The calendar as shipped: {@code complaints.calendar} bound from application.yaml. */
final class ShippedCalendar {

  private static final CalendarProperties PROPERTIES = bind();
  private static final Map<Country, WorkingCalendar> CALENDARS = new EnumMap<>(Country.class);

  private ShippedCalendar() {}

  /** The shipped settings, bound the way Spring Boot binds them at startup. */
  static CalendarProperties properties() {
    return PROPERTIES;
  }

  /** A calendar with the shipped settings and override table for the given country. */
  static synchronized WorkingCalendar forCountry(Country country) {
    return CALENDARS.computeIfAbsent(
        country,
        c ->
            new WorkingCalendar(
                new CalendarProperties(
                    c,
                    null,
                    PROPERTIES.workingHoursStart(),
                    PROPERTIES.workingHoursEnd(),
                    PROPERTIES.overrides())));
  }

  /** A local date-time ("2026-11-23T10:00") in the calendar's zone, as an instant. */
  static Instant at(WorkingCalendar calendar, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(calendar.zone()).toInstant();
  }

  private static CalendarProperties bind() {
    try {
      var sources =
          new YamlPropertySourceLoader()
              .load("application.yaml", new ClassPathResource("application.yaml"));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bindOrCreate("complaints.calendar", CalendarProperties.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
