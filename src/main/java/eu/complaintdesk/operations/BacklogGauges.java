package eu.complaintdesk.operations;

import eu.complaintdesk.notification.MessageChannel;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What is waiting, as gauges: jobs due now that the job executor has not run yet, open incidents,
 * and messages whose last delivery attempt failed, per channel. Counted with three queries at most
 * once per {@code complaints.operations.metrics-max-age} (10 s shipped) however often Prometheus
 * scrapes, so scraping never loads the database. While the database cannot be reached the gauges
 * read NaN (unknown), not a stale number.
 */
final class BacklogGauges implements MeterBinder {

  static final String JOB_BACKLOG = "complaints.jobs.backlog";
  static final String INCIDENTS = "complaints.incidents.open";
  static final String FAILED_MESSAGES = "complaints.notifications.failed";

  private static final Logger log = LoggerFactory.getLogger(BacklogGauges.class);

  private record Counts(
      double dueJobs, double incidents, Map<MessageChannel, Double> failed, Instant at) {}

  private final ManagementService management;
  private final RuntimeService runtime;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration maxAge;
  private volatile Counts counts;

  BacklogGauges(
      ManagementService management,
      RuntimeService runtime,
      JdbcClient jdbc,
      Clock clock,
      Duration maxAge) {
    this.management = management;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(JOB_BACKLOG, this, g -> g.current().dueJobs())
        .description("Jobs due now (timers, asynchronous steps) not yet run, with retries left")
        .register(registry);
    Gauge.builder(INCIDENTS, this, g -> g.current().incidents())
        .description("Open incidents (steps that failed all their retries)")
        .register(registry);
    for (MessageChannel channel : MessageChannel.values()) {
      Gauge.builder(FAILED_MESSAGES, this, g -> g.current().failed().getOrDefault(channel, 0.0))
          .description("Messages whose last delivery attempt failed (state FAILED)")
          .tag("channel", channel.name())
          .register(registry);
    }
  }

  /** The counts, at most {@link #maxAge} old; counted anew by one scrape at a time. */
  private Counts current() {
    Counts known = counts;
    if (known != null && !isOld(known)) {
      return known;
    }
    synchronized (this) {
      if (counts == null || isOld(counts)) {
        counts = count();
      }
      return counts;
    }
  }

  private boolean isOld(Counts known) {
    return Duration.between(known.at(), clock.instant()).compareTo(maxAge) >= 0;
  }

  private Counts count() {
    try {
      long dueJobs = management.createJobQuery().executable().active().count();
      long incidents = runtime.createIncidentQuery().count();
      Map<MessageChannel, Double> failed = new EnumMap<>(MessageChannel.class);
      jdbc.sql(
              "select channel, count(*) as failed from outbound_message"
                  + " where delivery_state = 'FAILED' and channel is not null group by channel")
          .query(
              (rs, row) -> {
                failed.put(MessageChannel.valueOf(rs.getString(1)), (double) rs.getLong(2));
                return null;
              })
          .list();
      return new Counts(dueJobs, incidents, failed, clock.instant());
    } catch (RuntimeException e) {
      log.debug("Gauges not counted: {}", e.getClass().getName());
      Map<MessageChannel, Double> unknown = new EnumMap<>(MessageChannel.class);
      for (MessageChannel channel : MessageChannel.values()) {
        unknown.put(channel, Double.NaN);
      }
      return new Counts(Double.NaN, Double.NaN, unknown, clock.instant());
    }
  }
}
