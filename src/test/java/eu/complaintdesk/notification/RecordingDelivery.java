package eu.complaintdesk.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.core.annotation.Order;

/** Takes every channel before {@link LogMessageDelivery}; records, or fails when told to. */
@Order(0)
class RecordingDelivery implements MessageDelivery {

  final List<OutboundMessage> delivered = new CopyOnWriteArrayList<>();
  volatile boolean failing;

  @Override
  public void deliver(OutboundMessage message) {
    if (failing) {
      throw new IllegalStateException("gateway down for " + message.recipient());
    }
    delivered.add(message);
  }

  void reset() {
    delivered.clear();
    failing = false;
  }
}
