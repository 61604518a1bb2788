package eu.complaintdesk.privacy;

import eu.complaintdesk.answer.AnswerAnonymisation;
import eu.complaintdesk.attachment.AttachmentAnonymisation;
import eu.complaintdesk.customermessage.CustomerMessageAnonymisation;
import eu.complaintdesk.inbox.InboxAnonymisation;
import eu.complaintdesk.intake.IntakeAnonymisation;
import eu.complaintdesk.notification.NotificationAnonymisation;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.survey.SurveyAnonymisation;
import eu.complaintdesk.system.SessionAnonymisation;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymising one case, the same for the retention job and an erasure on request: each table's
 * owner removes what its rows hold of the customer and of free text ({@code *Anonymisation} of
 * register, answer, customermessage, survey, attachment, notification, intake, system; inbox marks
 * the case's e-mails, which its poller then deletes from the mailbox), the engine ends a running
 * instance and deletes the history that could hold it ({@link EngineHistoryEraser}), and the
 * timeline records that it happened, by whom, when, not what. Everything the reports read stays
 * (see README "Records and privacy").
 *
 * <p>One transaction per case, whose first statement locks the case ({@link #lockCase}).
 * Idempotent: a case anonymised before is left as it is (empty).
 */
@Service
class Anonymisation {

  private final ComplaintRegister register;
  private final RegisterAnonymisation registerPart;
  private final AnswerAnonymisation answers;
  private final CustomerMessageAnonymisation customerMessages;
  private final SurveyAnonymisation surveys;
  private final AttachmentAnonymisation attachments;
  private final NotificationAnonymisation notifications;
  private final IntakeAnonymisation intake;
  private final SessionAnonymisation sessions;
  private final EngineHistoryEraser engine;
  private final InboxAnonymisation inbox;

  Anonymisation(
      ComplaintRegister register,
      RegisterAnonymisation registerPart,
      AnswerAnonymisation answers,
      CustomerMessageAnonymisation customerMessages,
      SurveyAnonymisation surveys,
      AttachmentAnonymisation attachments,
      NotificationAnonymisation notifications,
      IntakeAnonymisation intake,
      SessionAnonymisation sessions,
      EngineHistoryEraser engine,
      InboxAnonymisation inbox) {
    this.register = register;
    this.registerPart = registerPart;
    this.answers = answers;
    this.customerMessages = customerMessages;
    this.surveys = surveys;
    this.attachments = attachments;
    this.notifications = notifications;
    this.intake = intake;
    this.sessions = sessions;
    this.engine = engine;
    this.inbox = inbox;
  }

  /**
   * Anonymises the case; what was removed, or empty when it was anonymised before (or is unknown).
   *
   * @param actor who: the privacy officer of an erasure, {@code system} for the retention
   */
  @Transactional
  public Optional<Erased> anonymise(long complaintId, AnonymisationReason reason, String actor) {
    lockCase(complaintId);
    Optional<Complaint> found = register.find(complaintId);
    if (found.isEmpty() || !registerPart.anonymise(complaintId, reason.name())) {
      return Optional.empty();
    }
    Complaint complaint = found.get();
    Erased erased = new Erased().add(Erased.COMPLAINTS, 1);
    if (engine.endRunning(complaint.processInstanceId())) {
      erased.add(Erased.PROCESSES_ENDED, 1);
    }
    erased
        .add(Erased.MESSAGES_CANCELLED, notifications.cancelPending(complaintId))
        .add(Erased.CUSTOMER_MESSAGES, customerMessages.anonymise(complaintId))
        .add(Erased.DRAFTS, answers.anonymiseDrafts(complaintId))
        .add(Erased.EXTERNAL_REPLIES, answers.anonymiseInquiries(complaintId))
        .add(Erased.SURVEY_COMMENTS, surveys.anonymise(complaintId))
        .add(Erased.SUBMISSION_RECORDS, intake.anonymise(complaintId))
        .add(Erased.SESSIONS, sessions.forgetCase(complaint.registrationNumber()))
        .add(removeDocuments(complaintId));
    notifications.anonymiseMessages(complaintId);
    EngineHistoryEraser.Counts history =
        engine.erase(complaint.processInstanceId(), complaint.registrationNumber());
    erased
        .add(Erased.ENGINE_VARIABLES, history.variables())
        .add(Erased.ENGINE_DECISIONS, history.decisions())
        .add(Erased.ENGINE_COMMENTS, history.comments())
        .add(Erased.ENGINE_ATTACHMENTS, history.attachments())
        // other running instances with the case's number (restarted in Cockpit)
        .add(Erased.PROCESSES_ENDED, history.processesEnded());
    register.addEvent(complaintId, reason.eventType(), actor, null, false);
    return Optional.of(erased);
  }

  /**
   * Locks the case's row until the transaction ends: the first statement of an erasure or
   * anonymisation, so that it waits for a send step still writing about the case before it holds
   * anything else ({@link NotificationAnonymisation#lockCase}).
   */
  void lockCase(long complaintId) {
    notifications.lockCase(complaintId);
  }

  /**
   * Removes the case's documents only (retention of documents): attachments, answer letters,
   * message bodies and the customer's e-mails in the inbox's mailbox (they carry the attachments);
   * empty when removed before (or the case was anonymised).
   */
  @Transactional
  public Optional<Erased> removeDocuments(long complaintId, String actor) {
    if (!registerPart.markDocumentsRemoved(complaintId)) {
      return Optional.empty();
    }
    Erased erased = removeDocuments(complaintId);
    register.addEvent(complaintId, "DOCUMENTS_REMOVED", actor, null, false);
    return Optional.of(erased);
  }

  private Erased removeDocuments(long complaintId) {
    return new Erased()
        .add(Erased.ATTACHMENTS, attachments.remove(complaintId))
        .add(Erased.LETTERS, notifications.removeLetters(complaintId))
        .add(Erased.MESSAGE_BODIES, notifications.removeMessageBodies(complaintId))
        .add(Erased.INBOUND_EMAILS, inbox.anonymise(complaintId));
  }
}
