package eu.complaintdesk.register;

import static eu.complaintdesk.register.SqlValues.toDb;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's part of anonymising a case ({@code privacy/}): the complaint loses the customer's
 * name, contacts, address, customer number and every text, its access code stops working, and the
 * timeline keeps its kinds, dates and actors but not their details. What the reports read (dates,
 * channel, type, category, priority, status, outcome, deadlines, extension, repeat flag, the
 * timeline's kinds) stays. Call it inside the caller's transaction.
 */
@Component
public class RegisterAnonymisation {

  /**
   * Stored in place of the access code's hash: never the hex hash of any code, so no code opens the
   * case any more (the same 404 as an unknown number).
   */
  static final String NO_ACCESS = "anonymised";

  private final JdbcClient jdbc;
  private final Clock clock;

  RegisterAnonymisation(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Anonymises the complaint and clears its timeline's details, once: false (and nothing changed)
   * when it was anonymised before or does not exist. A concurrent caller (another node's retention
   * job) waits for the row and then finds it anonymised.
   *
   * @param reason why, stored with the complaint: RETENTION or ERASURE
   */
  public boolean anonymise(long complaintId, String reason) {
    Instant now = clock.instant();
    int updated =
        jdbc.sql(
                "update complaint set customer_name = null, customer_email = null,"
                    + " customer_email_lower = null, customer_phone = null, customer_number = null,"
                    + " customer_address = null, subject = null, description = null,"
                    + " remedy_sought = null, extension_reason = null, answer_text = null,"
                    + " missing_information = null,"
                    + " access_code_hash = :noAccess, anonymised_at = :now,"
                    + " anonymised_reason = :reason,"
                    + " documents_removed_at = coalesce(documents_removed_at, :now)"
                    + " where id = :id and anonymised_at is null")
            .param("noAccess", NO_ACCESS)
            .param("now", toDb(now))
            .param("reason", reason)
            .param("id", complaintId)
            .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("update complaint_event set detail = null where complaint_id = :id")
        .param("id", complaintId)
        .update();
    return true;
  }

  /**
   * Notes that the case's documents (attachments, letters, message bodies) were removed, once:
   * false when noted before (or the case was anonymised, which removes them too).
   */
  public boolean markDocumentsRemoved(long complaintId) {
    return jdbc.sql(
                "update complaint set documents_removed_at = :now"
                    + " where id = :id and documents_removed_at is null")
            .param("now", toDb(clock.instant()))
            .param("id", complaintId)
            .update()
        > 0;
  }

  /**
   * Up to {@code limit} cases closed before {@code closedBefore} and not anonymised, with an id
   * above {@code afterId}, by id: a run pages on by the last id it saw, so a case that fails is not
   * met again in the same run.
   */
  public List<Long> closedNotAnonymised(Instant closedBefore, long afterId, int limit) {
    return due("anonymised_at is null", closedBefore, afterId, limit);
  }

  /**
   * Up to {@code limit} cases closed before {@code closedBefore} that still hold documents, with an
   * id above {@code afterId}, by id.
   */
  public List<Long> closedWithDocuments(Instant closedBefore, long afterId, int limit) {
    return due("documents_removed_at is null", closedBefore, afterId, limit);
  }

  private List<Long> due(String condition, Instant closedBefore, long afterId, int limit) {
    return jdbc.sql(
            "select id from complaint where "
                + condition
                + " and closed_at < :before and id > :after"
                + " order by id fetch first :limit rows only")
        .param("before", toDb(closedBefore))
        .param("after", afterId)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /** Those of these cases that still hold personal data (not anonymised), by id. */
  public List<Long> withPersonalData(Collection<Long> complaintIds) {
    if (complaintIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select id from complaint where id in (:ids) and anonymised_at is null order by id")
        .param("ids", complaintIds)
        .query(Long.class)
        .list();
  }
}
