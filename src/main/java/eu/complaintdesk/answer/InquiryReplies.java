package eu.complaintdesk.answer;

import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.text.TextCharacters;
import eu.complaintdesk.text.TextPieces;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies of other organisations that came by e-mail (the inbox finds them: an e-mail whose {@code
 * In-Reply-To} or {@code References} names an inquiry's e-mail or its reminder). Each e-mail is
 * kept first (table {@code inquiry_reply_email}, in pieces of at most {@link TextPieces#MAX}
 * characters, with a timeline entry for staff), then its inquiry is told: while the inquiry's
 * {@code UserTask_RecordExternalReply} is open and no reply is recorded, the task is completed with
 * the e-mail's first piece as {@code externalReply}, which its listener records as the inquiry's
 * reply by {@link ExternalInquiries#EMAIL_ACTOR}. Otherwise (the handler recorded a reply that came
 * by phone or post, an earlier e-mail did, or the case is finished) the e-mail stays kept as an
 * additional reply that the case file shows.
 */
@Component
public class InquiryReplies {

  /** Timeline entry (staff only): an organisation's reply e-mail was kept; detail its name. */
  public static final String EMAIL_RECEIVED = "EXTERNAL_REPLY_EMAIL_RECEIVED";

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final TaskService tasks;
  private final ExternalInquiries inquiries;

  InquiryReplies(
      JdbcClient jdbc, ComplaintRegister register, TaskService tasks, ExternalInquiries inquiries) {
    this.jdbc = jdbc;
    this.register = register;
    this.tasks = tasks;
    this.inquiries = inquiries;
  }

  /** The inquiry a reply e-mail answers: the inquiry's id, its case and the organisation asked. */
  public record AnsweredInquiry(long id, long complaintId, String organisation) {}

  /** An organisation's reply e-mail as the case file shows it (the pieces joined). */
  public record EmailReply(
      long inquiryId, String organisation, Instant receivedAt, String text, boolean recorded) {}

  /**
   * The inquiry of the case whose outbound message has the dedup key: the inquiry's own e-mail
   * ({@code message_key}) or its reminder ({@code message_key + ":reminder"}).
   */
  public Optional<AnsweredInquiry> find(long complaintId, String dedupKey) {
    return jdbc
        .sql(
            "select id, complaint_id, organisation from external_inquiry"
                + " where complaint_id = :complaintId and (message_key = :key"
                + " or message_key || :suffix = :key) order by id")
        .param("complaintId", complaintId)
        .param("key", dedupKey)
        .param("suffix", InquiryReminders.REMINDER_SUFFIX)
        .query(
            (rs, row) ->
                new AnsweredInquiry(
                    rs.getLong("id"), rs.getLong("complaint_id"), rs.getString("organisation")))
        .list()
        .stream()
        .findFirst();
  }

  /**
   * Keeps the reply e-mail ({@code messageKey} as {@code inbound_email} keeps it), its text in
   * pieces of at most {@link TextPieces#MAX} characters, and notes it in the timeline for staff.
   * Joins the caller's transaction (the inbox commits it with the e-mail's files and its
   * Message-ID).
   */
  @Transactional
  public void keep(AnsweredInquiry inquiry, String messageKey, String text, Instant receivedAt) {
    List<String> pieces = TextPieces.of(text);
    for (int part = 0; part < pieces.size(); part++) {
      jdbc.sql(
              "insert into inquiry_reply_email (inquiry_id, complaint_id, message_key, part,"
                  + " reply_text, received_at) values (:inquiryId, :complaintId, :key, :part,"
                  + " :text, :receivedAt)")
          .param("inquiryId", inquiry.id())
          .param("complaintId", inquiry.complaintId())
          .param("key", messageKey)
          .param("part", part + 1)
          .param("text", pieces.get(part))
          .param("receivedAt", toDb(receivedAt))
          .update();
    }
    register.addEvent(
        inquiry.complaintId(),
        EMAIL_RECEIVED,
        ExternalInquiries.EMAIL_ACTOR,
        inquiry.organisation(),
        false);
  }

  /**
   * Tells the inquiry of a kept reply e-mail: completes its open reply task with the e-mail's first
   * piece, as the system, if no reply is recorded yet; else nothing (the e-mail stays an additional
   * reply). Joins the caller's transaction. Answers whether the task was completed.
   */
  @Transactional
  public boolean tell(String messageKey) {
    Optional<Kept> kept =
        jdbc.sql(
                "select e.inquiry_id, e.complaint_id, e.reply_text, i.replied_at"
                    + " from inquiry_reply_email e join external_inquiry i on i.id = e.inquiry_id"
                    + " where e.message_key = :key and e.part = 1")
            .param("key", messageKey)
            .query(
                (rs, row) ->
                    new Kept(
                        rs.getLong("inquiry_id"),
                        rs.getLong("complaint_id"),
                        rs.getString("reply_text"),
                        instant(rs, "replied_at") != null))
            .optional();
    if (kept.isEmpty() || kept.get().replied() || kept.get().text() == null) {
      return false;
    }
    Complaint complaint = register.get(kept.get().complaintId());
    if (complaint.status().isFinal() || complaint.processInstanceId() == null) {
      return false;
    }
    Optional<Task> task = openTask(complaint.processInstanceId(), kept.get().inquiryId());
    if (task.isEmpty()) {
      return false;
    }
    inquiries.recordReply(kept.get().inquiryId(), kept.get().text(), ExternalInquiries.EMAIL_ACTOR);
    // the task's completion listener finds the reply recorded and keeps this whole text
    tasks.complete(
        task.get().getId(),
        Map.of(ComplaintVariables.EXTERNAL_REPLY, engineText(kept.get().text())));
    return true;
  }

  /**
   * The reply as the task's {@code externalReply}: the engine keeps a text variable of at most
   * {@link TaskInput#MAX_TEXT} characters (the register has the whole piece).
   */
  static String engineText(String text) {
    String allowed = TextCharacters.strip(text).strip();
    if (allowed.length() > TaskInput.MAX_TEXT) {
      int end = TaskInput.MAX_TEXT - 1;
      if (Character.isHighSurrogate(allowed.charAt(end - 1))) {
        end--;
      }
      allowed = allowed.substring(0, end) + "…";
    }
    return allowed.isEmpty() ? "…" : allowed;
  }

  private record Kept(long inquiryId, long complaintId, String text, boolean replied) {}

  /**
   * The open {@code UserTask_RecordExternalReply} of the inquiry, found by its {@code inquiryId}.
   */
  private Optional<Task> openTask(String processInstanceId, long inquiryId) {
    return tasks
        .createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY)
        .list()
        .stream()
        .filter(
            task -> {
              Object id = tasks.getVariable(task.getId(), ComplaintVariables.INQUIRY_ID);
              return id instanceof Number number && number.longValue() == inquiryId;
            })
        .findFirst();
  }

  /**
   * The case's reply e-mails, oldest first, each with its pieces joined; {@code recorded}: it
   * became the inquiry's reply (else it is an additional reply the handler reads here).
   */
  public List<EmailReply> emailReplies(long complaintId) {
    Map<String, EmailReply> replies = new LinkedHashMap<>();
    jdbc.sql(
            "select e.message_key, e.inquiry_id, i.organisation, e.received_at, e.reply_text,"
                + " i.recorded_by, i.reply, e.part from inquiry_reply_email e"
                + " join external_inquiry i on i.id = e.inquiry_id"
                + " where e.complaint_id = :complaintId order by e.id")
        .param("complaintId", complaintId)
        .query(
            rs -> {
              String key = rs.getString("message_key");
              String text = rs.getString("reply_text");
              EmailReply earlier = replies.get(key);
              if (earlier == null) {
                boolean recorded =
                    ExternalInquiries.EMAIL_ACTOR.equals(rs.getString("recorded_by"))
                        && text != null
                        && text.equals(rs.getString("reply"));
                replies.put(
                    key,
                    new EmailReply(
                        rs.getLong("inquiry_id"),
                        rs.getString("organisation"),
                        instant(rs, "received_at"),
                        text,
                        recorded));
              } else if (text != null) {
                replies.put(
                    key,
                    new EmailReply(
                        earlier.inquiryId(),
                        earlier.organisation(),
                        earlier.receivedAt(),
                        (earlier.text() == null ? "" : earlier.text()) + text,
                        earlier.recorded()));
              }
            });
    return List.copyOf(replies.values());
  }
}
