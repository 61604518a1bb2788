package eu.complaintdesk.deadline;

import static eu.complaintdesk.register.SqlValues.fromDb;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.register.ComplaintRegister;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline clock of a case: stopped while the customer is asked for missing information,
 * running again when it arrives. Its column ({@code complaint.clock_paused_at}) is written only
 * here; the register reads it with the complaint. Both changes are noted in the timeline
 * (internal).
 *
 * <p>Both methods throw {@link IllegalArgumentException} for an unknown complaint.
 */
@Component
class DeadlineClock {

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final Clock clock;

  DeadlineClock(JdbcClient jdbc, ComplaintRegister register, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.clock = clock;
  }

  /** Pauses the clock; if it is already paused, the earlier pause stands. */
  @Transactional
  void pause(long complaintId, Instant pausedAt) {
    Objects.requireNonNull(pausedAt, "pausedAt");
    int updated =
        jdbc.sql(
                "update complaint set clock_paused_at = coalesce(clock_paused_at, :pausedAt)"
                    + " where id = :id")
            .param("pausedAt", toDb(pausedAt))
            .param("id", complaintId)
            .update();
    if (updated == 0) {
      throw unknownComplaint(complaintId);
    }
    register.addEvent(
        complaintId,
        clock.instant(),
        "CLOCK_PAUSED",
        ComplaintRegister.SYSTEM_ACTOR,
        pausedAt.toString(),
        false);
  }

  /** Clears the pause and returns when it began; empty if the clock was not paused. */
  @Transactional
  Optional<Instant> resume(long complaintId) {
    List<OffsetDateTime> paused =
        jdbc.sql("select clock_paused_at from complaint where id = :id for update")
            .param("id", complaintId)
            .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
            .list();
    if (paused.isEmpty()) {
      throw unknownComplaint(complaintId);
    }
    Instant pausedAt = fromDb(paused.get(0));
    if (pausedAt == null) {
      return Optional.empty();
    }
    jdbc.sql("update complaint set clock_paused_at = null where id = :id")
        .param("id", complaintId)
        .update();
    register.addEvent(
        complaintId,
        clock.instant(),
        "CLOCK_RESUMED",
        ComplaintRegister.SYSTEM_ACTOR,
        pausedAt.toString(),
        false);
    return Optional.of(pausedAt);
  }

  private static IllegalArgumentException unknownComplaint(long id) {
    return new IllegalArgumentException("No complaint " + id);
  }
}
