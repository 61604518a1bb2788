package eu.complaintdesk.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates as people of the page's language write them ("2026. gada 4. decembris"). */
final class PageDates {

  private PageDates() {}

  static String date(LocalDate date, Locale locale) {
    return date == null
        ? null
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(style(locale))
            .format(date);
  }

  static String dateTime(Instant instant, ZoneId zone, Locale locale) {
    if (instant == null) {
      return null;
    }
    Locale style = style(locale);
    var local = instant.atZone(zone);
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(style).format(local)
        + ", "
        + DateTimeFormatter.ofPattern("HH:mm", style).format(local);
  }

  /** English pages are read in Europe: day before month. */
  private static Locale style(Locale locale) {
    return "en".equals(locale.getLanguage()) ? Locale.UK : locale;
  }
}
