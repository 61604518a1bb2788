package eu.complaintdesk.notification;

/** Where an outbound message stands. */
public enum DeliveryState {
  /** Recorded, not yet handed over (or the hand-over is in progress). */
  PENDING,
  SENT,
  /** The last attempt failed; the next call with the same dedup key tries again. */
  FAILED,
  /** The customer gave no contact at all; nothing can be sent. */
  UNDELIVERABLE,
  /**
   * Deliberately not sent, the reason kept as the message's error: the acknowledgements to this
   * contact reached their daily cap ({@link AcknowledgementCap}).
   */
  NOT_SENT
}
