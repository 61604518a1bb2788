package eu.complaintdesk.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's and the answer letters' part of anonymising a case ({@code privacy/}) and of the
 * retention of documents. A message keeps its kind, channel, language, state, dates and who posted
 * it; it loses its recipient, subject, body, print body and error. Letters are deleted.
 */
@Component
public class NotificationAnonymisation {

  /** The error of a message cancelled because the case's personal data was erased. */
  static final String CANCELLED = "cancelled: the personal data of the case was erased";

  private final JdbcClient jdbc;

  NotificationAnonymisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the case's row until the anonymisation commits ({@code for update}): the first statement
   * of an anonymisation, before it holds anything else. It waits for a send step that recorded a
   * message or a timeline entry of the case in a transaction still open (their foreign key check
   * holds a key-share lock on the row), and every such write that comes later waits for the
   * anonymisation's commit and then sees it ({@link NotificationService}). Taken last, after the
   * anonymisation deleted the engine's rows of the case, it could wait for a job whose final write
   * waits on those rows: a deadlock.
   */
  public void lockCase(long complaintId) {
    jdbc.sql("select id from complaint where id = :id for update")
        .param("id", complaintId)
        .query(Long.class)
        .list();
  }

  /**
   * Messages of the case not yet delivered (PENDING, FAILED) are never sent: NOT_SENT, with a fixed
   * reason. How many. Locks the case first ({@link #lockCase}; the anonymisation has done so
   * already), so that a message recorded meanwhile is either cancelled here or recorded after the
   * anonymisation's commit, which it then sees ({@link NotificationService}).
   */
  public int cancelPending(long complaintId) {
    lockCase(complaintId);
    return jdbc.sql(
            "update outbound_message set delivery_state = :notSent, error_message = :reason"
                + " where complaint_id = :id and delivery_state in (:open)")
        .param("notSent", DeliveryState.NOT_SENT.name())
        .param("reason", CANCELLED)
        .param("open", java.util.List.of(DeliveryState.PENDING.name(), DeliveryState.FAILED.name()))
        .param("id", complaintId)
        .update();
  }

  /** Empties the bodies of the case's messages; how many still held one. */
  public int removeMessageBodies(long complaintId) {
    return jdbc.sql(
            "update outbound_message set body = '', print_body = null"
                + " where complaint_id = :id and (body <> '' or print_body is not null)")
        .param("id", complaintId)
        .update();
  }

  /** Deletes the case's answer letters (PDF); how many there were. */
  public int removeLetters(long complaintId) {
    jdbc.sql(
            "update outbound_message set letter_id = null"
                + " where complaint_id = :id and letter_id is not null")
        .param("id", complaintId)
        .update();
    return jdbc.sql("delete from answer_letter where complaint_id = :id")
        .param("id", complaintId)
        .update();
  }

  /**
   * Removes the recipients, subjects, reply tokens and errors of the case's messages (the bodies
   * with {@link #removeMessageBodies}); how many messages. The reply tokens of messages to other
   * organisations and to staff stay (random, no personal data): a reply to one of them that comes
   * after the erasure is still recognised, and then kept nowhere (the inbox drops it and deletes it
   * from the mailbox) rather than registered as a new complaint.
   */
  public int anonymiseMessages(long complaintId) {
    return jdbc.sql(
            "update outbound_message set recipient = null, subject = '',"
                + " reply_token = case when kind in (:customerKinds) then null"
                + " else reply_token end,"
                + " error_message = case when error_message = :cancelled then error_message"
                + " else null end where complaint_id = :id")
        .param(
            "customerKinds",
            java.util.Arrays.stream(NotificationKind.values())
                .filter(NotificationKind::isForCustomer)
                .map(NotificationKind::name)
                .toList())
        .param("cancelled", CANCELLED)
        .param("id", complaintId)
        .update();
  }
}
