package eu.complaintdesk.answer;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Outcome;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Drafts, the four-eyes review, the decision and the answer to the customer. */
@Service
class AnswerService {

  private final ComplaintRegister register;
  private final NotificationService notifications;
  private final Clock clock;

  AnswerService(ComplaintRegister register, NotificationService notifications, Clock clock) {
    this.register = register;
    this.notifications = notifications;
    this.clock = clock;
  }

  long saveDraft(
      long complaintId, String text, Outcome outcome, String refusalReasons, String draftedBy) {
    return register.saveDraft(complaintId, text, outcome.name(), refusalReasons, draftedBy);
  }

  void recordInquiryRequest(long complaintId, String handler, int organisations) {
    register.addEvent(
        complaintId,
        "EXTERNAL_INFORMATION_NEEDED",
        handler,
        "Organisations to ask: " + organisations,
        false);
  }

  void recordReview(long draftId, boolean approved, String reviewer, String comment) {
    register.recordReview(draftId, approved, reviewer, comment);
  }

  void recordDecision(long complaintId, Outcome outcome, String reviewer) {
    register.addEvent(complaintId, "DECIDED", reviewer, outcome.name(), false);
  }

  /** Records the answer in the register and sends it to the customer. */
  void sendAnswer(
      long complaintId, Outcome outcome, String text, String refusalReasons, String effectKey) {
    register.recordAnswer(
        complaintId, outcome == null ? null : outcome.name(), text, clock.instant());
    register.changeStatus(complaintId, ComplaintStatus.ANSWERED, "system", "Answer sent");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("answer", text);
    parameters.put("outcome", outcome == null ? "" : outcome.name());
    parameters.put("refusalReasons", refusalReasons == null ? "" : refusalReasons);
    notifications.notifyCustomer(complaintId, NotificationKind.ANSWER, parameters, effectKey);
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
