package eu.complaintdesk.answer;

import static eu.complaintdesk.register.SqlValues.blankToNull;
import static eu.complaintdesk.register.SqlValues.generatedId;
import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.register.ComplaintRegister;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answer drafts and their four-eyes review. Saving and reviewing are noted in the case's timeline
 * (internal).
 */
@Component
public class AnswerDrafts {

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final Clock clock;

  AnswerDrafts(JdbcClient jdbc, ComplaintRegister register, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.clock = clock;
  }

  /** Stores a draft; {@link IllegalArgumentException} for an unknown complaint. */
  @Transactional
  public long save(
      long complaintId,
      String text,
      String proposedOutcome,
      String refusalReasons,
      String draftedBy) {
    register.requireExists(complaintId);
    Instant now = clock.instant();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into answer_draft (complaint_id, draft_text, proposed_outcome,"
                + " refusal_reasons, drafted_by, drafted_at)"
                + " values (:complaintId, :text, :outcome, :reasons, :draftedBy, :now)")
        .param("complaintId", complaintId)
        .param("text", text)
        .param("outcome", proposedOutcome)
        .param("reasons", blankToNull(refusalReasons))
        .param("draftedBy", draftedBy)
        .param("now", toDb(now))
        .update(key, "id");
    long draftId = generatedId(key);
    register.addEvent(complaintId, now, "DRAFT_SAVED", draftedBy, proposedOutcome, false);
    return draftId;
  }

  public Optional<AnswerDraft> latest(long complaintId) {
    List<AnswerDraft> drafts = list(complaintId);
    return drafts.isEmpty() ? Optional.empty() : Optional.of(drafts.get(drafts.size() - 1));
  }

  /** All drafts of the complaint, oldest first. */
  public List<AnswerDraft> list(long complaintId) {
    return jdbc.sql(
            "select id, draft_text, proposed_outcome, refusal_reasons, drafted_by, drafted_at,"
                + " approved, reviewed_by, review_comment, reviewed_at from answer_draft"
                + " where complaint_id = :complaintId order by id")
        .param("complaintId", complaintId)
        .query(
            (rs, row) ->
                new AnswerDraft(
                    rs.getLong("id"),
                    rs.getString("draft_text"),
                    rs.getString("proposed_outcome"),
                    rs.getString("refusal_reasons"),
                    rs.getString("drafted_by"),
                    instant(rs, "drafted_at"),
                    rs.getObject("approved", Boolean.class),
                    rs.getString("reviewed_by"),
                    rs.getString("review_comment"),
                    instant(rs, "reviewed_at")))
        .list();
  }

  /**
   * Records the four-eyes decision on a draft. Throws {@link IllegalStateException} if the reviewer
   * drafted it or the draft was already reviewed.
   */
  @Transactional
  public void review(long draftId, boolean approved, String reviewer, String comment) {
    var draft =
        jdbc.sql("select complaint_id, drafted_by, approved from answer_draft where id = :id")
            .param("id", draftId)
            .query(
                (rs, row) ->
                    new Object[] {
                      rs.getLong("complaint_id"),
                      rs.getString("drafted_by"),
                      rs.getObject("approved", Boolean.class)
                    })
            .optional()
            .orElseThrow(() -> new IllegalArgumentException("No answer draft " + draftId));
    if (Objects.equals(draft[1], reviewer)) {
      throw new IllegalStateException("Draft " + draftId + " must be reviewed by someone else");
    }
    Instant now = clock.instant();
    int updated =
        jdbc.sql(
                "update answer_draft set approved = :approved, reviewed_by = :reviewer,"
                    + " review_comment = :comment, reviewed_at = :now"
                    + " where id = :id and approved is null")
            .param("approved", approved)
            .param("reviewer", reviewer)
            .param("comment", blankToNull(comment))
            .param("now", toDb(now))
            .param("id", draftId)
            .update();
    if (updated == 0) {
      throw new IllegalStateException("Draft " + draftId + " has already been reviewed");
    }
    register.addEvent(
        (Long) draft[0],
        now,
        approved ? "DRAFT_APPROVED" : "DRAFT_RETURNED",
        reviewer,
        null,
        false);
  }
}
