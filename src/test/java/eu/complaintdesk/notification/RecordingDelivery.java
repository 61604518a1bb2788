package eu.complaintdesk.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.core.annotation.Order;

/** Takes every channel before {@link LogMessageDelivery}; records, or fails when told to. */
@Order(0)
class RecordingDelivery implements MessageDelivery {

  final List<OutboundMessage> delivered = new CopyOnWriteArrayList<>();
  volatile boolean failing;

  /** Runs while a message is being handed over, before it counts as delivered or fails. */
  volatile Runnable whileDelivering;

  @Override
  public void deliver(OutboundMessage message) {
    Runnable during = whileDelivering;
    if (during != null) {
      during.run();
    }
    if (failing) {
      throw new IllegalStateException("gateway down for " + message.recipient());
    }
    delivered.add(message);
  }

  void reset() {
    delivered.clear();
    failing = false;
    whileDelivering = null;
  }
}
