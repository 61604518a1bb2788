package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.register.SqlValues.generatedId;
import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.directory.DirectoryEntry;
import eu.complaintdesk.directory.OrganisationDirectory;
import eu.complaintdesk.notification.DeliveryState;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** The sentence an inquiry asks when the handler wrote no question. */
  static final String DEFAULT_QUESTION = "EXTERNAL_INQUIRY.defaultQuestion";

  private static final String SYSTEM = ComplaintRegister.SYSTEM_ACTOR;

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final NotificationService notifications;
  private final Clock clock;
  private final OrganisationDirectory directory;

  ExternalInquiries(
      JdbcClient jdbc,
      ComplaintRegister register,
      NotificationService notifications,
      Clock clock,
      OrganisationDirectory directory) {
    this.jdbc = jdbc;
    this.register = register;
    this.notifications = notifications;
    this.clock = clock;
    this.directory = directory;
  }

  /** The organisations to ask: one per line of {@code externalOrganisations}, each once. */
  public List<String> organisations(VariableScope scope) {
    Object value = scope.getVariable(EXTERNAL_ORGANISATIONS);
    return value == null ? List.of() : parse(value.toString());
  }

  static List<String> parse(String organisations) {
    return organisations.lines().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /**
   * Opens the inquiry and asks it. An organisation of the directory with an e-mail address gets
   * {@code EXTERNAL_INQUIRY} by e-mail in its language: its name, the registration number, the
   * question ({@link #rememberQuestion}, else the default sentence) and to reply to the e-mail;
   * nothing else of the case. Any other (a name not in the directory, reached by phone or post, or
   * an entry without an address) gets the message recorded for the log as before, and staff a
   * timeline entry ({@code EXTERNAL_INQUIRY_BY_HAND}) to contact it. The dedup key of the message
   * is {@code effectKey}, which the inquiry keeps as its {@code message_key}.
   */
  long ask(long complaintId, String organisation, String effectKey) {
    Optional<DirectoryEntry> entry = directory.find(organisation);
    String question = question(complaintId).orElse(null);
    long inquiryId =
        open(
            complaintId,
            organisation,
            effectKey,
            entry.map(DirectoryEntry::id).orElse(null),
            question);
    if (entry.isPresent() && entry.get().email() != null) {
      DirectoryEntry to = entry.get();
      notifications.notifyByEmail(
          complaintId,
          to.email(),
          to.language(),
          NotificationKind.EXTERNAL_INQUIRY,
          parameters(to.name(to.language()), question, to.language()),
          effectKey);
      return inquiryId;
    }
    Language staff = notifications.staffLanguage();
    String name = entry.map(e -> e.name(staff)).orElse(organisation);
    notifications.notifyOrganisation(
        complaintId,
        organisation,
        NotificationKind.EXTERNAL_INQUIRY,
        parameters(name, question, staff),
        effectKey);
    register.addEvent(
        complaintId, clock.instant(), "EXTERNAL_INQUIRY_BY_HAND", SYSTEM, name, false);
    return inquiryId;
  }

  private Map<String, Object> parameters(String name, String question, Language language) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("recipientOrganisation", name);
    parameters.put(
        "question", question != null ? question : notifications.text(DEFAULT_QUESTION, language));
    return parameters;
  }

  /**
   * Keeps the question of the complaint's next inquiries (free text, the register only), or forgets
   * it ({@code null}: they ask the default sentence).
   */
  @Transactional
  void rememberQuestion(long complaintId, String question) {
    jdbc.sql("delete from inquiry_question where complaint_id = :complaintId")
        .param("complaintId", complaintId)
        .update();
    if (question != null) {
      jdbc.sql(
              "insert into inquiry_question (complaint_id, question, written_at)"
                  + " values (:complaintId, :question, :now)")
          .param("complaintId", complaintId)
          .param("question", question)
          .param("now", toDb(clock.instant()))
          .update();
    }
  }

  /** The question the complaint's next inquiries ask, if the handler wrote one. */
  Optional<String> question(long complaintId) {
    return jdbc.sql("select question from inquiry_question where complaint_id = :complaintId")
        .param("complaintId", complaintId)
        .query(String.class)
        .optional();
  }

  /**
   * Keeps the inquiry, with the dedup key of the message that asks it ({@code message_key}: a reply
   * to that e-mail is this inquiry's); {@link IllegalArgumentException} for an unknown complaint.
   */
  @Transactional
  long open(long complaintId, String organisation, String messageKey) {
    return open(complaintId, organisation, messageKey, null, null);
  }

  /** As {@link #open(long, String, String)}, with the directory id (or null) and the question. */
  @Transactional
  long open(
      long complaintId,
      String organisation,
      String messageKey,
      String organisationId,
      String question) {
    register.requireExists(complaintId);
    Instant now = clock.instant();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into external_inquiry (complaint_id, organisation, asked_at, message_key,"
                + " organisation_id, question)"
                + " values (:complaintId, :organisation, :now, :messageKey, :organisationId,"
                + " :question)")
        .param("complaintId", complaintId)
        .param("organisation", organisation)
        .param("messageKey", messageKey)
        .param("organisationId", organisationId)
        .param("question", question)
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

  /**
   * Inquiries of the complaint, oldest first: each with the organisation's name (its directory name
   * in the staff language, else the name given), its question and the state of the e-mail that
   * asked it (none: it is contacted by hand).
   */
  public List<ExternalInquiry> inquiries(long complaintId) {
    Language staff = notifications.staffLanguage();
    Map<String, DirectoryEntry> entries = new HashMap<>();
    directory.entries().forEach(e -> entries.put(e.id(), e));
    return jdbc.sql(
            "select i.id, i.organisation, i.asked_at, i.reply, i.replied_at, i.recorded_by,"
                + " i.organisation_id, i.question, m.delivery_state"
                + " from external_inquiry i left join outbound_message m"
                + " on m.complaint_id = i.complaint_id and m.dedup_key = i.message_key"
                + " and m.channel = 'EMAIL'"
                + " where i.complaint_id = :complaintId order by i.id")
        .param("complaintId", complaintId)
        .query(
            (rs, row) -> {
              String organisation = rs.getString("organisation");
              String organisationId = rs.getString("organisation_id");
              DirectoryEntry entry = organisationId == null ? null : entries.get(organisationId);
              String state = rs.getString("delivery_state");
              return new ExternalInquiry(
                  rs.getLong("id"),
                  organisation,
                  instant(rs, "asked_at"),
                  rs.getString("reply"),
                  instant(rs, "replied_at"),
                  rs.getString("recorded_by"),
                  organisationId,
                  entry != null ? entry.name(staff) : organisation,
                  rs.getString("question"),
                  state == null ? null : DeliveryState.valueOf(state));
            })
        .list();
  }

  // --- issue 12, partners' replies (engineer D) ---------------------------------------------

  /** Who recorded a reply that came by e-mail ({@code recorded_by}, timeline actor). */
  public static final String EMAIL_ACTOR = "email";

  /**
   * Records the reply with which {@code UserTask_RecordExternalReply} is completed, by the user who
   * completes it; nothing when the inquiry already has its reply: the inbox records a reply
   * e-mail's whole text ({@link InquiryReplies#tell}) just before it completes the task with the
   * part the engine's variable holds (4 000 characters; the register's reply 10 000).
   */
  void recordTaskReply(long inquiryId, String reply, String user) {
    boolean replied =
        jdbc.sql("select replied_at from external_inquiry where id = :id")
            .param("id", inquiryId)
            .query((rs, row) -> rs.getTimestamp("replied_at") != null)
            .optional()
            .orElse(false);
    if (!replied) {
      recordReply(inquiryId, reply, user);
    }
  }
}
