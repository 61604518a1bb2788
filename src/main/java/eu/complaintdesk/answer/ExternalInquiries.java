package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.register.SqlValues.generatedId;
import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.ComplaintRegister;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inquiries to other organisations: one per organisation the handler named, each kept (table {@code
 * external_inquiry}) until its reply is recorded; both are noted in the case's timeline.
 */
@Component("externalInquiries")
public class ExternalInquiries {

  /** The register keeps organisation names of at most this length. */
  static final int MAX_NAME = 200;

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final NotificationService notifications;
  private final Clock clock;

  ExternalInquiries(
      JdbcClient jdbc, ComplaintRegister register, NotificationService notifications, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** The organisations to ask: one per line of {@code externalOrganisations}, each once. */
  public List<String> organisations(VariableScope scope) {
    Object value = scope.getVariable(EXTERNAL_ORGANISATIONS);
    return value == null ? List.of() : parse(value.toString());
  }

  static List<String> parse(String organisations) {
    return organisations.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  long ask(long complaintId, String organisation, String effectKey) {
    long inquiryId = open(complaintId, organisation, effectKey);
    notifications.notifyOrganisation(
        complaintId,
        organisation,
        NotificationKind.EXTERNAL_INQUIRY,
        Map.of("organisation", organisation),
        effectKey);
    return inquiryId;
  }

  /**
   * Keeps the inquiry, with the dedup key of the message that asks it ({@code message_key}: a reply
   * to that e-mail is this inquiry's); {@link IllegalArgumentException} for an unknown complaint.
   */
  @Transactional
  long open(long complaintId, String organisation, String messageKey) {
    register.requireExists(complaintId);
    Instant now = clock.instant();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into external_inquiry (complaint_id, organisation, asked_at, message_key)"
                + " values (:complaintId, :organisation, :now, :messageKey)")
        .param("complaintId", complaintId)
        .param("organisation", organisation)
        .param("messageKey", messageKey)
        .param("now", toDb(now))
        .update(key, "id");
    register.addEvent(
        complaintId,
        now,
        "EXTERNAL_INQUIRY_OPENED",
        ComplaintRegister.SYSTEM_ACTOR,
        organisation,
        false);
    return generatedId(key);
  }

  /** Records the reply; {@link IllegalArgumentException} for an unknown inquiry. */
  @Transactional
  void recordReply(long inquiryId, String reply, String recordedBy) {
    Long complaintId =
        jdbc.sql("select complaint_id from external_inquiry where id = :id")
            .param("id", inquiryId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new IllegalArgumentException("No external inquiry " + inquiryId));
    Instant now = clock.instant();
    jdbc.sql(
            "update external_inquiry set reply = :reply, replied_at = :now,"
                + " recorded_by = :recordedBy where id = :id")
        .param("reply", reply)
        .param("now", toDb(now))
        .param("recordedBy", recordedBy)
        .param("id", inquiryId)
        .update();
    register.addEvent(complaintId, now, "EXTERNAL_REPLY_RECORDED", recordedBy, null, false);
  }

  /** Inquiries of the complaint, oldest first. */
  public List<ExternalInquiry> inquiries(long complaintId) {
    return jdbc.sql(
            "select id, organisation, asked_at, reply, replied_at, recorded_by"
                + " from external_inquiry where complaint_id = :complaintId order by id")
        .param("complaintId", complaintId)
        .query(
            (rs, row) ->
                new ExternalInquiry(
                    rs.getLong("id"),
                    rs.getString("organisation"),
                    instant(rs, "asked_at"),
                    rs.getString("reply"),
                    instant(rs, "replied_at"),
                    rs.getString("recorded_by")))
        .list();
  }

  // --- issue 12, partners' replies (engineer D) ---------------------------------------------

  /** Who recorded a reply that came by e-mail ({@code recorded_by}, timeline actor). */
  public static final String EMAIL_ACTOR = "email";

  /**
   * The inquiry whose reply task the current thread completes with a reply that came by e-mail
   * ({@link InquiryReplies}): the task's completion listener records that reply as the e-mail's,
   * not as the task's assignee's.
   */
  private static final ThreadLocal<Long> COMPLETING_BY_EMAIL = new ThreadLocal<>();

  /**
   * Runs {@code completion} (the reply task's completion) as the e-mail's recording of the reply.
   */
  static void completingByEmail(long inquiryId, Runnable completion) {
    COMPLETING_BY_EMAIL.set(inquiryId);
    try {
      completion.run();
    } finally {
      COMPLETING_BY_EMAIL.remove();
    }
  }

  /**
   * Records the reply with which {@code UserTask_RecordExternalReply} is completed, by the user who
   * completes it; nothing when the inbox completes it with a reply e-mail, whose whole text it
   * recorded itself ({@link InquiryReplies#tell}: the engine's variable holds at most 4 000
   * characters, the register's reply 10 000).
   */
  void recordTaskReply(long inquiryId, String reply, String user) {
    Long byEmail = COMPLETING_BY_EMAIL.get();
    if (byEmail != null && byEmail == inquiryId) {
      return;
    }
    recordReply(inquiryId, reply, user);
  }
}
