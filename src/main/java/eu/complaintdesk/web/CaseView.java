package eu.complaintdesk.web;

import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A case as its customer sees it on the status page, in the page's language. */
record CaseView(
    String registrationNumber,
    String status,
    String statusLabel,
    String typeLabel,
    String received,
    String responseDue,
    boolean extended,
    boolean open,
    boolean awaitingInformation,
    List<Event> timeline) {

  /** An event; {@code letterId} is the customer's answer letter for download, if it is one. */
  record Event(String at, String text, Long letterId) {}

  static CaseView of(
      Complaint complaint,
      List<TimelineEntry> entries,
      LocalDate responseDueDate,
      ZoneId zone,
      MessageSource messages,
      Locale locale) {
    return new CaseView(
        complaint.registrationNumber(),
        complaint.status().name(),
        messages.getMessage("status." + complaint.status().name(), null, locale),
        complaint.feedbackType() == null
            ? messages.getMessage("type.undecided", null, locale)
            : messages.getMessage(
                "type." + complaint.feedbackType(), null, complaint.feedbackType(), locale),
        PageDates.dateTime(complaint.receivedAt(), zone, locale),
        PageDates.date(responseDueDate, locale),
        complaint.extended(),
        !complaint.status().isFinal(),
        complaint.status() == ComplaintStatus.AWAITING_INFORMATION,
        events(entries, zone, messages, locale));
  }

  /**
   * The customer's part of the timeline. A case goes back to REGISTERED when the missing
   * information arrives; that second time it reads as the information received.
   */
  private static List<Event> events(
      List<TimelineEntry> entries, ZoneId zone, MessageSource messages, Locale locale) {
    List<Event> events = new ArrayList<>();
    boolean registered = false;
    for (TimelineEntry entry : entries) {
      if (!entry.visibleToCustomer()) {
        continue;
      }
      String text =
          registered && "REGISTERED".equals(entry.type())
              ? messages.getMessage("event.REGISTERED.again", null, locale)
              : text(entry, zone, messages, locale);
      registered |= "REGISTERED".equals(entry.type());
      events.add(
          new Event(PageDates.dateTime(entry.occurredAt(), zone, locale), text, letterId(entry)));
    }
    return events;
  }

  /**
   * The event in words. Details are written by the system in English for staff; only the parts a
   * customer needs (a date, a score, what was sent, the appeal authority) are taken from them.
   */
  private static String text(
      TimelineEntry entry, ZoneId zone, MessageSource messages, Locale locale) {
    String code = "event." + entry.type();
    String detail = entry.detail() == null ? "" : entry.detail();
    Object[] arguments =
        switch (entry.type()) {
          case "RESPONSE_DUE_SET", "DEADLINE_EXTENDED" ->
              new Object[] {dueDate(detail, zone, locale)};
          case "SURVEY_ANSWERED" -> new Object[] {detail.replace("score ", "")};
          case "APPEAL_NOTICE", "ATTACHMENT_RECEIVED" -> new Object[] {detail};
          case "ATTACHMENT_REFUSED" ->
              new Object[] {
                detail.contains(": ") ? detail.substring(0, detail.lastIndexOf(": ")) : detail
              };
          case "MESSAGE_SENT" -> {
            String kind =
                detail.contains(" via ") ? detail.substring(0, detail.indexOf(" via ")) : detail;
            yield new Object[] {messages.getMessage("kind." + kind, null, kind, locale)};
          }
          default -> null;
        };
    return messages.getMessage(code, arguments, entry.type(), locale);
  }

  private static Long letterId(TimelineEntry entry) {
    if (!"ANSWER_LETTER".equals(entry.type()) || entry.detail() == null) {
      return null;
    }
    try {
      return Long.valueOf(entry.detail().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String dueDate(String detail, ZoneId zone, Locale locale) {
    String instant = detail.split(": ", 2)[0];
    try {
      return PageDates.date(Instant.parse(instant).atZone(zone).toLocalDate(), locale);
    } catch (DateTimeParseException e) {
      return "";
    }
  }
}
