package eu.complaintdesk.register;

import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who read what (issue 11): every staff read of a case file, an attachment, a letter or the outbox
 * (the messages sent, bodies included), recorded by the controller that serves it, in the same
 * request, once the read was allowed. A read that cannot be recorded fails: {@link #record} throws
 * and the staff member gets an error, not the file.
 *
 * <p>These are staff actions, not the customer's data: they are kept as long as the case and an
 * erasure leaves them. Only administrators see them (the case file page and {@code GET
 * /api/staff/complaints/{n}/reads}). The register owns the table because every package that serves
 * a read ({@code casefile/}, {@code attachment/}, {@code notification/}, {@code postroom/}) already
 * depends on it.
 */
@Service
public class CaseReads {

  /** What was read. */
  public enum Kind {
    /** The staff case file page; no item. */
    CASE_FILE,
    /** A file the customer sent; item: the attachment id. */
    ATTACHMENT,
    /** An answer letter (PDF); item: the letter id. */
    LETTER,
    /** A letter printed in the post room; item: the outbound message id. */
    POST_ROOM_LETTER,
    /** The outbox of the case (the messages sent to the customer, bodies included); no item. */
    OUTBOX
  }

  /** One recorded read. */
  public record CaseRead(Instant readAt, String reader, Kind kind, Long itemId) {}

  /** The latest reads of a case, newest first, and how many there are in all. */
  public record Latest(List<CaseRead> reads, long total) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  CaseReads(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records that {@code reader} read this of the complaint, now. Throws (a {@code
   * DataAccessException}) when it cannot be recorded, so the read fails rather than going
   * unrecorded.
   */
  public void record(long complaintId, String reader, Kind kind, Long itemId) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(kind, "kind");
    jdbc.sql(
            "insert into case_read (complaint_id, read_at, reader, read_kind, item_id)"
                + " values (:complaintId, :readAt, :reader, :kind, :itemId)")
        .param("complaintId", complaintId)
        .param("readAt", toDb(clock.instant()))
        .param("reader", reader)
        .param("kind", kind.name())
        .param("itemId", itemId)
        .update();
  }

  /**
   * At most {@code limit} reads of the complaint, newest first, and the number of all its reads.
   */
  public Latest latest(long complaintId, int limit) {
    List<CaseRead> reads =
        jdbc.sql(
                "select read_at, reader, read_kind, item_id from case_read"
                    + " where complaint_id = :complaintId order by read_at desc, id desc"
                    + " fetch first :limit rows only")
            .param("complaintId", complaintId)
            .param("limit", limit)
            .query(
                (rs, row) ->
                    new CaseRead(
                        instant(rs, "read_at"),
                        rs.getString("reader"),
                        Kind.valueOf(rs.getString("read_kind")),
                        rs.getObject("item_id", Long.class)))
            .list();
    long total =
        jdbc.sql("select count(*) from case_read where complaint_id = :complaintId")
            .param("complaintId", complaintId)
            .query(Long.class)
            .single();
    return new Latest(reads, total);
  }
}
