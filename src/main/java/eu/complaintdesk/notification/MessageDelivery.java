package eu.complaintdesk.notification;

/**
 * Hands a recorded message to the outside world. {@link NotificationService} uses the first
 * delivery (in {@code @Order}) that {@link #supports supports} the message's channel; an e-mail or
 * SMS delivery only has to declare its channel and an order before {@link LogMessageDelivery}.
 */
public interface MessageDelivery {

  /** Delivers the message or throws; a thrown exception leaves the message to be retried. */
  void deliver(OutboundMessage message);

  default boolean supports(MessageChannel channel) {
    return true;
  }
}
