package eu.complaintdesk.notification;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At most {@code complaints.limits.acknowledgements-per-contact-per-day} (10) acknowledgements go
 * to one e-mail address or phone number in 24 hours: anyone may submit in a stranger's name, and
 * every SMS costs money. Counted in {@code outbound_message}, so all nodes share the count. An
 * acknowledgement beyond the cap is recorded as {@link DeliveryState#NOT_SENT} with the reason; the
 * complaint is registered and handled as always.
 *
 * <p>The decision is by the message's place among the acknowledgements to the same contact recorded
 * before it (lower id, within 24 hours before it, not themselves withheld), so a retried step
 * decides as the first run did. Two sends recorded at the same moment on two nodes may both pass at
 * the edge of the cap; one more message is the worst case.
 */
@Component
class AcknowledgementCap {

  static final Duration WINDOW = Duration.ofHours(24);

  /** The contact as the SQL below compares it: e-mail without case, phone digits only. */
  private static final String EMAIL_KEY = "lower(recipient)";

  private static final String PHONE_KEY =
      "replace(replace(replace(replace(replace(recipient, ' ', ''), '-', ''), '(', ''), ')', ''),"
          + " '.', '')";

  private final JdbcClient jdbc;
  private final int perDay;

  AcknowledgementCap(
      JdbcClient jdbc,
      @Value("${complaints.limits.acknowledgements-per-contact-per-day:10}") int perDay) {
    if (perDay <= 0) {
      throw new IllegalArgumentException(
          "complaints.limits.acknowledgements-per-contact-per-day must be positive");
    }
    this.jdbc = jdbc;
    this.perDay = perDay;
  }

  /** Whether this recorded message is an acknowledgement beyond its contact's cap. */
  boolean isReached(OutboundMessage message) {
    if (message.kind() != NotificationKind.ACKNOWLEDGEMENT || message.recipient() == null) {
      return false;
    }
    String key;
    if (message.channel() == MessageChannel.EMAIL) {
      key = EMAIL_KEY;
    } else if (message.channel() == MessageChannel.SMS) {
      key = PHONE_KEY;
    } else {
      return false;
    }
    long earlier =
        jdbc.sql(
                "select count(*) from outbound_message where kind = :kind and channel = :channel"
                    + " and created_at > :since and id < :id and delivery_state <> :withheld and "
                    + key
                    + " = :contact")
            .param("kind", NotificationKind.ACKNOWLEDGEMENT.name())
            .param("channel", message.channel().name())
            .param("since", message.createdAt().minus(WINDOW).atOffset(ZoneOffset.UTC))
            .param("id", message.id())
            .param("withheld", DeliveryState.NOT_SENT.name())
            .param("contact", contact(message.channel(), message.recipient()))
            .query(Long.class)
            .single();
    return earlier >= perDay;
  }

  /** Why a message was withheld, as kept with it (no personal data). */
  String reason() {
    return "Not sent: "
        + perDay
        + " acknowledgements went to this contact within 24 hours"
        + " (complaints.limits.acknowledgements-per-contact-per-day)";
  }

  static String contact(MessageChannel channel, String recipient) {
    String value = recipient.strip();
    return channel == MessageChannel.EMAIL
        ? value.toLowerCase(Locale.ROOT)
        : value.replaceAll("[ ().-]", "");
  }
}
