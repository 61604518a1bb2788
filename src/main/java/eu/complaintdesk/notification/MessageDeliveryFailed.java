package eu.complaintdesk.notification;

/**
 * A message could not be handed over; the step that sent it fails and is retried. The message names
 * only the message, complaint number, channel and the kind of error — never the recipient — because
 * the engine logs it; the full error is kept with the message in the register.
 */
public class MessageDeliveryFailed extends RuntimeException {

  MessageDeliveryFailed(OutboundMessage message, int attempt, RuntimeException cause) {
    super(
        "Message "
            + message.id()
            + " ("
            + message.kind()
            + ") for complaint "
            + message.registrationNumber()
            + " could not be delivered by "
            + message.channel()
            + " (attempt "
            + attempt
            + "): "
            + cause.getClass().getSimpleName());
  }
}
