package eu.complaintdesk.survey;

import static eu.complaintdesk.register.SqlValues.blankToNull;
import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.register.ComplaintRegister;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The survey table: invitations by token and the customers' answers. Opening and answering are
 * noted in the case's timeline.
 */
@Component
public class Surveys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 24;

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final Clock clock;

  Surveys(JdbcClient jdbc, ComplaintRegister register, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.clock = clock;
  }

  /** Opens a survey and returns its token: 192 random bits, URL-safe Base64 without padding. */
  @Transactional
  public String open(long complaintId, Instant expiresAt) {
    register.requireExists(complaintId);
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    jdbc.sql(
            "insert into survey (complaint_id, token, created_at, expires_at)"
                + " values (:complaintId, :token, :now, :expiresAt)")
        .param("complaintId", complaintId)
        .param("token", token)
        .param("now", toDb(now))
        .param("expiresAt", toDb(Objects.requireNonNull(expiresAt, "expiresAt")))
        .update();
    register.addEvent(
        complaintId, now, "SURVEY_OPENED", ComplaintRegister.SYSTEM_ACTOR, null, false);
    return token;
  }

  /** The token of the newest survey of a complaint (tests answer it as the customer would). */
  public Optional<String> latestToken(long complaintId) {
    return jdbc
        .sql(
            "select token from survey where complaint_id = :complaintId"
                + " order by created_at desc, id desc")
        .param("complaintId", complaintId)
        .query(String.class)
        // a list, not a stream: an unclosed stream holds its connection (outside a transaction,
        // for good: a polling caller emptied the pool)
        .list()
        .stream()
        .findFirst();
  }

  public Optional<Survey> find(String token) {
    return survey(token, "");
  }

  /**
   * As {@link #find}, and locks the survey until the transaction ends, so that two answers sent at
   * once are taken one after the other.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Survey> lock(String token) {
    return survey(token, " for update");
  }

  private Optional<Survey> survey(String token, String lock) {
    if (token == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select token, complaint_id, expires_at, score, customer_comment, answered_at"
                + " from survey where token = :token"
                + lock)
        .param("token", token)
        .query(Surveys::survey)
        .optional();
  }

  /**
   * Records the customer's rating. {@link IllegalArgumentException} for an unknown token or a score
   * outside 1–5; {@link IllegalStateException} if the survey expired or was answered.
   */
  @Transactional
  public void answer(String token, int score, String comment) {
    if (score < 1 || score > 5) {
      throw new IllegalArgumentException("Score must be between 1 and 5");
    }
    Survey survey = find(token).orElseThrow(() -> new IllegalArgumentException("Unknown survey"));
    Instant now = clock.instant();
    if (survey.answeredAt() != null) {
      throw new IllegalStateException("Survey has already been answered");
    }
    if (!now.isBefore(survey.expiresAt())) {
      throw new IllegalStateException("Survey has expired");
    }
    int updated =
        jdbc.sql(
                "update survey set score = :score, customer_comment = :comment,"
                    + " answered_at = :now where token = :token and answered_at is null")
            .param("score", score)
            .param("comment", blankToNull(comment))
            .param("now", toDb(now))
            .param("token", token)
            .update();
    if (updated == 0) {
      throw new IllegalStateException("Survey has already been answered");
    }
    register.addEvent(
        survey.complaintId(),
        now,
        "SURVEY_ANSWERED",
        ComplaintRegister.CUSTOMER_ACTOR,
        "score " + score,
        true);
  }

  /** The complaint's surveys, oldest first (a subject access export lists them). */
  public List<Survey> ofComplaint(long complaintId) {
    return jdbc.sql(
            "select token, complaint_id, expires_at, score, customer_comment, answered_at"
                + " from survey where complaint_id = :complaintId order by created_at, id")
        .param("complaintId", complaintId)
        .query(Surveys::survey)
        .list();
  }

  private static Survey survey(ResultSet rs, int row) throws SQLException {
    return new Survey(
        rs.getString("token"),
        rs.getLong("complaint_id"),
        instant(rs, "expires_at"),
        rs.getObject("score", Integer.class),
        rs.getString("customer_comment"),
        instant(rs, "answered_at"));
  }
}
