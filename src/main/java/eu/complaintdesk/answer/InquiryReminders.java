package eu.complaintdesk.answer;

import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.directory.DirectoryEntry;
import eu.complaintdesk.directory.OrganisationDirectory;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.StaffNotifications;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.ComplaintRegister;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one reminder to an organisation that has not answered an inquiry in its working days: when it
 * is due ({@link #reminderAt}, computed by the send step for {@code
 * BoundaryEvent_InquiryReplyOverdue}), and what it does ({@link #remind}, {@code
 * ServiceTask_RemindOrganisation}).
 */
@Component
public class InquiryReminders {

  /** Timeline entry (staff only): the organisation was sent its reminder; detail its name. */
  public static final String REMINDED = "EXTERNAL_INQUIRY_REMINDED";

  /** The dedup key of an inquiry's reminder e-mail: its {@code message_key} with this suffix. */
  public static final String REMINDER_SUFFIX = ":reminder";

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final NotificationService notifications;
  private final StaffNotifications staff;
  private final OrganisationDirectory directory;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final int defaultAnswerDays;

  InquiryReminders(
      JdbcClient jdbc,
      ComplaintRegister register,
      NotificationService notifications,
      StaffNotifications staff,
      OrganisationDirectory directory,
      WorkingCalendar calendar,
      Clock clock,
      @Value("${complaints.inquiries.default-answer-days:10}") int defaultAnswerDays) {
    if (defaultAnswerDays < 0) {
      throw new IllegalArgumentException(
          "complaints.inquiries.default-answer-days must not be negative");
    }
    this.jdbc = jdbc;
    this.register = register;
    this.notifications = notifications;
    this.staff = staff;
    this.directory = directory;
    this.calendar = calendar;
    this.clock = clock;
    this.defaultAnswerDays = defaultAnswerDays;
  }

  /** What the reminder needs to know about an inquiry. */
  private record Asked(
      long complaintId,
      String organisation,
      String organisationId,
      Instant askedAt,
      String messageKey,
      Instant repliedAt,
      Instant remindedAt) {}

  /**
   * When the inquiry's organisation is reminded: at the close of the {@code answerWorkingDays}-th
   * working day (its directory entry's, else {@code complaints.inquiries.default-answer-days})
   * after it was asked ({@link WorkingCalendar#deadline}).
   */
  public Instant reminderAt(long inquiryId) {
    Asked asked = asked(inquiryId);
    int days = entry(asked).map(DirectoryEntry::answerWorkingDays).orElse(defaultAnswerDays);
    return calendar.deadline(asked.askedAt(), Math.max(0, days));
  }

  /**
   * Reminds the organisation unless its reply is recorded: an organisation of the directory with an
   * e-mail address gets one reminder by e-mail in its language (dedup key {@code message_key +
   * ":reminder"}, so that a reply to it reaches the inquiry as a reply to the inquiry does), which
   * is noted ({@code reminded_at}, timeline); and whoever works on its reply task (else the
   * handler's department) is told that the organisation has not answered (once per inquiry), with
   * whether it was reminded or must be contacted by phone or post.
   */
  public void remind(
      long complaintId,
      String processInstanceId,
      long inquiryId,
      String candidateGroup,
      String stepKey) {
    Asked asked = asked(inquiryId);
    if (asked.complaintId() != complaintId) {
      throw new IllegalArgumentException("External inquiry " + inquiryId + " is not of the case");
    }
    if (asked.repliedAt() != null) {
      return;
    }
    Optional<DirectoryEntry> entry = entry(asked);
    boolean byEmail =
        entry.isPresent() && entry.get().email() != null && asked.messageKey() != null;
    if (byEmail) {
      DirectoryEntry organisation = entry.get();
      Map<String, Object> parameters = new HashMap<>();
      parameters.put("organisation", organisation.name(organisation.language()));
      parameters.put("askedDate", asked.askedAt());
      notifications.notifyByEmail(
          complaintId,
          organisation.email(),
          organisation.language(),
          NotificationKind.EXTERNAL_INQUIRY_REMINDER,
          parameters,
          asked.messageKey() + REMINDER_SUFFIX);
      markReminded(inquiryId, complaintId, organisation.name(notifications.staffLanguage()));
    }
    if (candidateGroup == null) {
      return;
    }
    String name =
        entry.map(e -> e.name(notifications.staffLanguage())).orElse(asked.organisation());
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("organisation", name);
    parameters.put("askedDate", asked.askedAt());
    parameters.put("remindedOrganisation", byEmail ? name : null);
    parameters.put("contactOrganisation", byEmail ? null : name);
    staff.toWorkers(
        complaintId,
        processInstanceId,
        ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY,
        candidateGroup,
        NotificationKind.EXTERNAL_INQUIRY_UNANSWERED,
        parameters,
        "inquiry:" + inquiryId + ":unanswered");
  }

  /** Notes the reminder once: {@code reminded_at} and a timeline entry for staff. */
  @Transactional
  void markReminded(long inquiryId, long complaintId, String organisationName) {
    Instant now = clock.instant();
    int updated =
        jdbc.sql(
                "update external_inquiry set reminded_at = :now"
                    + " where id = :id and reminded_at is null")
            .param("now", toDb(now))
            .param("id", inquiryId)
            .update();
    if (updated > 0) {
      register.addEvent(
          complaintId, now, REMINDED, ComplaintRegister.SYSTEM_ACTOR, organisationName, false);
    }
  }

  /** When the inquiry's organisation was reminded, if it was. */
  public Optional<Instant> remindedAt(long inquiryId) {
    return Optional.ofNullable(asked(inquiryId).remindedAt());
  }

  /**
   * The directory's entry of the organisation asked: by its directory id, else by the name the
   * handler gave (the draft form gives directory ids; an older case may name one).
   */
  private Optional<DirectoryEntry> entry(Asked asked) {
    return directory.find(asked.organisationId()).or(() -> directory.find(asked.organisation()));
  }

  private Asked asked(long inquiryId) {
    return jdbc.sql(
            "select complaint_id, organisation, organisation_id, asked_at, message_key,"
                + " replied_at, reminded_at from external_inquiry where id = :id")
        .param("id", inquiryId)
        .query(
            (rs, row) ->
                new Asked(
                    rs.getLong("complaint_id"),
                    rs.getString("organisation"),
                    rs.getString("organisation_id"),
                    instant(rs, "asked_at"),
                    rs.getString("message_key"),
                    instant(rs, "replied_at"),
                    instant(rs, "reminded_at")))
        .optional()
        .orElseThrow(() -> new IllegalArgumentException("No external inquiry " + inquiryId));
  }
}
