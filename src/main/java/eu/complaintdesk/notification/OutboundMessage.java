package eu.complaintdesk.notification;

import eu.complaintdesk.register.Language;
import java.time.Instant;

/**
 * A message as recorded in {@code outbound_message}. {@link #toString()} leaves out the recipient,
 * subject and body, which are personal data.
 *
 * @param channel {@code null} only when {@code state} is {@link DeliveryState#UNDELIVERABLE}
 */
public record OutboundMessage(
    long id,
    long complaintId,
    String registrationNumber,
    NotificationKind kind,
    MessageChannel channel,
    String recipient,
    Language language,
    String subject,
    String body,
    DeliveryState state,
    String dedupKey,
    Instant createdAt,
    Instant sentAt,
    String error) {

  @Override
  public String toString() {
    return "OutboundMessage[id="
        + id
        + ", registrationNumber="
        + registrationNumber
        + ", kind="
        + kind
        + ", channel="
        + channel
        + ", state="
        + state
        + "]";
  }
}
