package eu.complaintdesk.staffweb;

import eu.complaintdesk.register.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Moments as the staff pages show them, to the minute in the organisation's time zone and in the
 * staff language's numeric form: {@code ${times.format(c.receivedAt)}} in a template; nothing for
 * no moment. English and Lithuanian 2026-12-07 10:15, Latvian 07.12.2026. 10:15 (the ordinal full
 * stop after the year), Russian 07.12.2026 10:15.
 */
public record StaffTimes(ZoneId zone, Language language) {

  /** The model attribute the templates find it under. */
  public static final String ATTRIBUTE = "times";

  /** In English. */
  public StaffTimes(ZoneId zone) {
    this(zone, Language.en);
  }

  public String format(Instant instant) {
    return instant == null ? "" : MOMENTS.get(language).format(instant.atZone(zone));
  }

  /** A day: 2026-12-07, 07.12.2026. or 07.12.2026; nothing for no day. */
  public String date(LocalDate day) {
    return day == null ? "" : DAYS.get(language).format(day);
  }

  /** Each language's day, compiled once. */
  private static final Map<Language, DateTimeFormatter> DAYS = formats(StaffTimes::datePattern);

  /** Each language's moment (the day and the time to the minute), compiled once. */
  private static final Map<Language, DateTimeFormatter> MOMENTS =
      formats(language -> datePattern(language) + " HH:mm");

  private static Map<Language, DateTimeFormatter> formats(Function<Language, String> pattern) {
    Map<Language, DateTimeFormatter> formats = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      formats.put(language, DateTimeFormatter.ofPattern(pattern.apply(language)));
    }
    return formats;
  }

  private static String datePattern(Language language) {
    return switch (language) {
      case lv -> "dd.MM.yyyy.";
      case ru -> "dd.MM.yyyy";
      case lt, en -> "yyyy-MM-dd";
    };
  }
}
