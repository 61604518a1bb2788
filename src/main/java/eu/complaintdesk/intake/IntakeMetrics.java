package eu.complaintdesk.intake;

import eu.complaintdesk.register.Channel;
import eu.complaintdesk.system.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Prometheus {@code complaints_intake_total{channel}}: complaints registered, per channel, counted
 * when the registration commits. Every channel is there from the start (at 0), so that a rate is
 * defined before the first complaint of a channel arrives.
 */
@Component
class IntakeMetrics {

  static final String INTAKE = "complaints.intake";

  private final Map<Channel, Counter> registered = new EnumMap<>(Channel.class);

  IntakeMetrics(MeterRegistry meters) {
    for (Channel channel : Channel.values()) {
      registered.put(
          channel,
          Counter.builder(INTAKE)
              .description("Complaints registered, per channel")
              .tag("channel", channel.name())
              .register(meters));
    }
  }

  void registered(Channel channel) {
    Counter counter = registered.get(channel);
    AfterCommit.run(counter::increment);
  }
}
