package eu.complaintdesk.digest;

import eu.complaintdesk.register.SqlValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of the digests ({@code staff_digest}): one row per user and day, claimed before the
 * e-mail is made. The unique key (user, day) decides between nodes: the node whose insert succeeds
 * sends; a failed send may be claimed again by a conditional update, by one node only. A row left
 * SENDING (its node died while sending) is never claimed again: a digest missed is better than one
 * sent twice. Every statement commits on its own.
 */
@Component
class DigestSends {

  /** What became of a user's digest of a day. */
  enum State {
    /** Claimed by a node that is making or sending it. */
    SENDING,
    SENT,
    /** The last attempt failed; claimed again after a while, up to the maximum of attempts. */
    FAILED,
    /** Failed every attempt; not tried again that day. */
    GIVEN_UP,
    /** Nothing was due: no e-mail. */
    NOTHING_DUE,
    /** The user switched the digest off. */
    OFF;

    /** Whether nothing more happens to the row that day. */
    boolean isFinal() {
      return this != FAILED;
    }
  }

  /** A day's row of a user, as the job needs it. */
  record Row(State state, int attempts, Instant claimedAt) {}

  private final JdbcClient jdbc;

  DigestSends(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rows of the day, by user id. */
  Map<String, Row> ofDay(LocalDate day) {
    return jdbc
        .sql(
            "select user_id, state, attempts, claimed_at from staff_digest where digest_date = :day")
        .param("day", day)
        .query(
            (rs, n) ->
                Map.entry(
                    rs.getString("user_id"),
                    new Row(
                        State.valueOf(rs.getString("state")),
                        rs.getInt("attempts"),
                        rs.getObject("claimed_at", OffsetDateTime.class).toInstant())))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * Claims the user's digest of the day: the first claim inserts the row, a later one takes a
   * FAILED row with fewer than {@code maxAttempts} attempts whose last claim is before {@code
   * retryBefore}. The row's id, or empty when another node has it or it is done.
   */
  Optional<Long> claim(
      String userId, LocalDate day, Instant now, int maxAttempts, Instant retryBefore) {
    try {
      jdbc.sql(
              "insert into staff_digest (user_id, digest_date, state, attempts, claimed_at)"
                  + " values (:user, :day, :state, 1, :now)")
          .param("user", userId)
          .param("day", day)
          .param("state", State.SENDING.name())
          .param("now", SqlValues.toDb(now))
          .update();
    } catch (DuplicateKeyException e) {
      int claimed =
          jdbc.sql(
                  "update staff_digest set state = :sending, attempts = attempts + 1,"
                      + " claimed_at = :now, error_message = null"
                      + " where user_id = :user and digest_date = :day and state = :failed"
                      + " and attempts < :max and claimed_at < :retryBefore")
              .param("sending", State.SENDING.name())
              .param("now", SqlValues.toDb(now))
              .param("user", userId)
              .param("day", day)
              .param("failed", State.FAILED.name())
              .param("max", maxAttempts)
              .param("retryBefore", SqlValues.toDb(retryBefore))
              .update();
      if (claimed == 0) {
        return Optional.empty();
      }
    }
    return Optional.of(
        jdbc.sql("select id from staff_digest where user_id = :user and digest_date = :day")
            .param("user", userId)
            .param("day", day)
            .query(Long.class)
            .single());
  }

  /** The claimed digest ends without an e-mail: nothing due, or switched off. */
  void finish(long id, State state, int tasks) {
    jdbc.sql("update staff_digest set state = :state, tasks = :tasks where id = :id")
        .param("state", state.name())
        .param("tasks", tasks)
        .param("id", id)
        .update();
  }

  void sent(long id, int tasks, Instant now) {
    jdbc.sql(
            "update staff_digest set state = :state, tasks = :tasks, sent_at = :now,"
                + " error_message = null where id = :id")
        .param("state", State.SENT.name())
        .param("tasks", tasks)
        .param("now", SqlValues.toDb(now))
        .param("id", id)
        .update();
  }

  /** The attempt failed: FAILED to be tried again, or GIVEN_UP after the last attempt. */
  State failed(long id, int maxAttempts, String error) {
    jdbc.sql(
            "update staff_digest set state = case when attempts >= :max then :givenUp"
                + " else :failed end, error_message = :error where id = :id")
        .param("max", maxAttempts)
        .param("givenUp", State.GIVEN_UP.name())
        .param("failed", State.FAILED.name())
        .param("error", error.length() > 200 ? error.substring(0, 200) : error)
        .param("id", id)
        .update();
    return jdbc.sql("select state from staff_digest where id = :id")
        .param("id", id)
        .query(String.class)
        .optional()
        .map(State::valueOf)
        .orElse(State.GIVEN_UP);
  }

  /** Deletes the rows of days before {@code day}: staff data kept no longer than needed. */
  int forgetBefore(LocalDate day) {
    return jdbc.sql("delete from staff_digest where digest_date < :day").param("day", day).update();
  }
}
