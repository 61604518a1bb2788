package eu.complaintdesk.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers the result of a submission made with an {@code Idempotency-Key}, so that a retry gets
 * the first result. The access code is kept with it for the retention period only ({@code
 * complaints.intake.idempotency-retention}, a day by default): the register itself keeps only its
 * hash.
 */
@Repository
class IdempotentSubmissions {

  record First(String requestHash, long complaintId, String accessCode, LocalDate dueDate) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration retention;

  IdempotentSubmissions(
      JdbcClient jdbc,
      Clock clock,
      @Value("${complaints.intake.idempotency-retention:P1D}") Duration retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  Optional<First> find(String key) {
    return jdbc.sql(
            "select request_hash, complaint_id, access_code, response_due_date"
                + " from idempotent_submission where idempotency_key = :key and created_at >= :from")
        .param("key", key)
        .param("from", clock.instant().minus(retention).atOffset(ZoneOffset.UTC))
        .query(
            (rs, row) ->
                new First(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .optional();
  }

  /** Stores the first result; fails with a duplicate key if a concurrent request got there. */
  void remember(String key, First first) {
    Instant now = clock.instant();
    jdbc.sql("delete from idempotent_submission where created_at < :from")
        .param("from", now.minus(retention).atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql(
            "insert into idempotent_submission (idempotency_key, request_hash, complaint_id,"
                + " access_code, response_due_date, created_at)"
                + " values (:key, :hash, :complaintId, :accessCode, :dueDate, :now)")
        .param("key", key)
        .param("hash", first.requestHash())
        .param("complaintId", first.complaintId())
        .param("accessCode", first.accessCode())
        .param("dueDate", first.dueDate())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
  }

  static String hash(String canonicalRequest) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
