package eu.complaintdesk.inbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox's part of anonymising a case ({@code privacy/}): the customer's e-mails of the case —
 * the complaint and the replies, with their text and files — are still in the mailbox (the inbox
 * folder, or the processed folder). The mailbox is not part of the database transaction, so the
 * anonymisation only marks the case's e-mails ({@code inbound_email.forget_requested_at}); the
 * {@link InboxPoller}'s next round deletes the messages of the marked Message-IDs from the mailbox
 * and records them as forgotten ({@code forgotten_at}, the mark cleared). A round that fails leaves
 * the marks for the next one.
 */
@Component
public class InboxAnonymisation {

  /** At most this many marked e-mails are looked for in one round; the rest in the next ones. */
  static final int MAX_PER_ROUND = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  InboxAnonymisation(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Marks the case's e-mails to be deleted from the mailbox; how many were newly marked. */
  public int anonymise(long complaintId) {
    return jdbc.sql(
            "update inbound_email set forget_requested_at = :now where complaint_id = :id"
                + " and forget_requested_at is null and forgotten_at is null")
        .param("id", complaintId)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** The keys (hash of the Message-ID) of marked e-mails, oldest mark first; usually none. */
  List<String> toForget() {
    return jdbc.sql(
            "select message_key from inbound_email where forget_requested_at is not null"
                + " order by forget_requested_at, message_key"
                + " fetch first "
                + MAX_PER_ROUND
                + " rows only")
        .query(String.class)
        .list();
  }

  /**
   * Records the e-mails of these keys as deleted from the mailbox (the mark is cleared); how many
   * were marked.
   */
  int forgotten(Collection<String> messageKeys) {
    if (messageKeys.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "update inbound_email set forgotten_at = :now, forget_requested_at = null"
                + " where message_key in (:keys) and forget_requested_at is not null")
        .param("keys", messageKeys)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }
}
