package eu.complaintdesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access code of a complaint whose receipt nobody showed the customer (registered by staff
 * through the Tasklist start form, or from the e-mail inbox), held until the acknowledgement has
 * told it: the register keeps only its hash, and the plain code must never be a process variable
 * (history keeps those). Held in the registration's transaction, read by the acknowledgement step
 * (each retry reads the same code, so whichever run delivers carries a code that works), released
 * once that message is recorded SENT. Rows older than {@link #HELD_FOR} are purged.
 */
@Component
public class AccessCodeHandovers {

  /** Long enough for an acknowledgement whose retries ended in an incident to be resolved. */
  static final Duration HELD_FOR = Duration.ofDays(30);

  private final JdbcClient jdbc;
  private final Clock clock;

  AccessCodeHandovers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Holds the complaint's plain access code for its acknowledgement; purges expired ones. */
  public void hold(long complaintId, String accessCode) {
    Instant now = clock.instant();
    jdbc.sql("delete from access_code_handover where expires_at < :now")
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql(
            "insert into access_code_handover (complaint_id, access_code, expires_at)"
                + " values (:complaintId, :code, :expiresAt)")
        .param("complaintId", complaintId)
        .param("code", accessCode)
        .param("expiresAt", now.plus(HELD_FOR).atOffset(ZoneOffset.UTC))
        .update();
  }

  /** The held code, unless none was held, it was released or it expired. */
  Optional<String> find(long complaintId) {
    return jdbc.sql(
            "select access_code from access_code_handover"
                + " where complaint_id = :complaintId and expires_at >= :now")
        .param("complaintId", complaintId)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .query(String.class)
        .optional();
  }

  /** Forgets the code: the customer has been told. */
  void release(long complaintId) {
    jdbc.sql("delete from access_code_handover where complaint_id = :complaintId")
        .param("complaintId", complaintId)
        .update();
  }
}
