package eu.complaintdesk.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Prometheus {@code complaints_notifications_delivery_failures_total{channel}}: failed delivery
 * attempts, per channel. Counted at once: the attempt happened and is on record ({@code
 * outbound_message.attempts}) whatever becomes of the job that made it. How many messages stand
 * FAILED now is the gauge {@code complaints_notifications_failed} (operations).
 */
@Component
class DeliveryMetrics {

  static final String DELIVERY_FAILURES = "complaints.notifications.delivery.failures";

  private final Map<MessageChannel, Counter> failures = new EnumMap<>(MessageChannel.class);

  DeliveryMetrics(MeterRegistry meters) {
    for (MessageChannel channel : MessageChannel.values()) {
      failures.put(
          channel,
          Counter.builder(DELIVERY_FAILURES)
              .description("Failed delivery attempts of notifications, per channel")
              .tag("channel", channel.name())
              .register(meters));
    }
  }

  void failed(MessageChannel channel) {
    failures.get(channel).increment();
  }
}
