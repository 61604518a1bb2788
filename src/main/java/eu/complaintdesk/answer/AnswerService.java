package eu.complaintdesk.answer;

import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Outcome;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Drafts, the four-eyes review, the decision and the answer to the customer. What is decided and
 * sent is always the draft stored in the register, never what a later task was completed with.
 */
@Service
class AnswerService {

  private final ComplaintRegister register;
  private final AnswerDrafts drafts;
  private final NotificationService notifications;
  private final Clock clock;
  private final AnswerLetters letters;

  AnswerService(
      ComplaintRegister register,
      AnswerDrafts drafts,
      NotificationService notifications,
      Clock clock,
      AnswerLetters letters) {
    this.register = register;
    this.drafts = drafts;
    this.notifications = notifications;
    this.clock = clock;
    this.letters = letters;
  }

  long saveDraft(
      long complaintId, String text, Outcome outcome, String refusalReasons, String draftedBy) {
    return drafts.save(complaintId, text, outcome.name(), refusalReasons, draftedBy);
  }

  void recordInquiryRequest(long complaintId, String handler, int organisations) {
    register.addEvent(
        complaintId,
        "EXTERNAL_INFORMATION_NEEDED",
        handler,
        "Organisations to ask: " + organisations,
        false);
  }

  /** The draft under review: the complaint's latest, which must be the one the review is for. */
  AnswerDraft draftUnderReview(long complaintId, long draftId) {
    return drafts
        .latest(complaintId)
        .filter(draft -> draft.id() == draftId)
        .orElseThrow(() -> new IllegalStateException("Draft " + draftId + " is not the latest"));
  }

  void recordReview(long draftId, boolean approved, String reviewer, String comment) {
    drafts.review(draftId, approved, reviewer, comment);
  }

  /** The outcome of the approved draft, recorded as the decision. */
  Outcome recordDecision(long complaintId, long draftId, String reviewer) {
    AnswerDraft draft = draftUnderReview(complaintId, draftId);
    if (!Boolean.TRUE.equals(draft.approved())) {
      throw new IllegalStateException("Draft " + draftId + " was not approved");
    }
    Outcome outcome = Outcome.valueOf(draft.proposedOutcome());
    register.addEvent(complaintId, "DECIDED", reviewer, outcome.name(), false);
    return outcome;
  }

  /**
   * Sends the approved draft of a complaint as the answer; its letter names the appeal authority
   * the model determined when the complaint was not fully upheld ({@code null} otherwise).
   */
  void sendDecision(
      long complaintId,
      long draftId,
      String authorityName,
      String authorityContacts,
      String effectKey) {
    AnswerDraft draft = draftUnderReview(complaintId, draftId);
    send(
        complaintId,
        draft.proposedOutcome(),
        draft.text(),
        authorityName,
        authorityContacts,
        effectKey);
  }

  /** Keeps the answer to a proposal or an information request until it is sent. */
  void recordReplyText(long complaintId, String text) {
    register.recordAnswerText(complaintId, text);
  }

  /**
   * Sends the answer to a proposal or an information request: the text its task stored ({@link
   * #recordReplyText}). A case of an earlier release that held it as a variable had it copied here
   * at start-up ({@code engine/FreeTextPurge}).
   */
  void sendReply(long complaintId, String effectKey) {
    String text = register.get(complaintId).answerText();
    if (text == null) {
      throw new IllegalStateException("Complaint " + complaintId + " has no answer to send");
    }
    send(complaintId, null, text, null, null, effectKey);
  }

  void recordProposalEvaluation(long complaintId, boolean accepted, String evaluator) {
    register.addEvent(
        complaintId, accepted ? "PROPOSAL_ACCEPTED" : "PROPOSAL_DECLINED", evaluator, null, true);
  }

  /**
   * Records the answer, makes the answer letter (with the appeal notice when an appeal authority is
   * given), then tells the customer; the message takes its text from the register and carries the
   * letter.
   */
  private void send(
      long complaintId,
      String outcome,
      String text,
      String authorityName,
      String authorityContacts,
      String effectKey) {
    register.recordAnswer(complaintId, outcome, text, clock.instant());
    register.changeStatus(complaintId, ComplaintStatus.ANSWERED, "system", "Answer sent");
    long letterId = letters.create(complaintId, authorityName, authorityContacts, effectKey);
    notifications.notifyCustomer(
        complaintId, NotificationKind.ANSWER, Map.of(), effectKey, letterId);
  }

  void sendAppealNotice(
      long complaintId, String authorityName, String authorityContacts, String effectKey) {
    notifications.notifyCustomer(
        complaintId,
        NotificationKind.APPEAL_NOTICE,
        Map.of("authorityName", authorityName, "authorityContacts", authorityContacts),
        effectKey);
    register.addEvent(complaintId, "APPEAL_NOTICE", "system", authorityName, true);
  }
}
