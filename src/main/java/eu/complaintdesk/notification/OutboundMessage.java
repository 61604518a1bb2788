package eu.complaintdesk.notification;

import eu.complaintdesk.register.Language;
import java.time.Instant;

/**
 * A message as recorded in {@code outbound_message}. {@link #toString()} leaves out the recipient,
 * subject and body, which are personal data.
 *
 * @param channel {@code null} only when {@code state} is {@link DeliveryState#UNDELIVERABLE}
 * @param attempts hand-overs to the delivery so far (each recorded before it starts)
 * @param letterId the answer letter the message carries as an attachment, or {@code null}
 * @param replyToken random, in the e-mail's Message-ID so that a reply can be matched to its case
 *     ({@link OutboundMessageIds}); {@code null} for messages recorded before it existed
 * @param postedAt when staff recorded a POST message as posted (the post room), or {@code null}
 * @param postedBy who recorded it as posted, or {@code null}
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
    String error,
    int attempts,
    Long letterId,
    String replyToken,
    Instant postedAt,
    String postedBy) {

  /**
   * A stable identifier of this message for the receiving side: the same on every attempt, so a
   * mail client or SMS gateway can recognise a repeated hand-over (see ADR 0007).
   */
  public String reference() {
    return registrationNumber + "-" + id;
  }

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

  /** The same message with another body (what is handed over when the outbox shows less). */
  OutboundMessage withBody(String otherBody) {
    return new OutboundMessage(
        id,
        complaintId,
        registrationNumber,
        kind,
        channel,
        recipient,
        language,
        subject,
        otherBody,
        state,
        dedupKey,
        createdAt,
        sentAt,
        error,
        attempts,
        letterId,
        replyToken,
        postedAt,
        postedBy);
  }
}
