package eu.complaintdesk.staffweb;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Moments as the staff pages show them, to the minute in the organisation's time zone: {@code
 * ${times.format(c.receivedAt)}} in a template; nothing for no moment.
 */
public record StaffTimes(ZoneId zone) {

  /** The model attribute the templates find it under. */
  public static final String ATTRIBUTE = "times";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public String format(Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(zone));
  }
}
