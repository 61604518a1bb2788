package eu.complaintdesk.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The delivery of last resort, for every channel until real ones exist: writes one log line with
 * the kind, registration number, channel and message id — never the recipient, the customer's name
 * or the text.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class LogMessageDelivery implements MessageDelivery {

  private static final Logger log = LoggerFactory.getLogger(LogMessageDelivery.class);

  @Override
  public void deliver(OutboundMessage message) {
    log.info(
        "Delivered {} for complaint {} by {} (message {})",
        message.kind(),
        message.registrationNumber(),
        message.channel(),
        message.id());
  }
}
