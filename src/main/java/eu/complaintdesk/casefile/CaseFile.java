package eu.complaintdesk.casefile;

import static eu.complaintdesk.process.ComplaintVariables.*;

import eu.complaintdesk.answer.AnswerDraft;
import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.customermessage.CustomerMessage;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.TimelineEntry;
import java.util.List;
import java.util.Map;

/**
 * Everything staff need to work a case, read from the register (and, for the rules' suggestion,
 * from the process): the page Tasklist forms link to.
 *
 * @param facts process facts by variable name (DMN suggestion, required information, routing)
 */
record CaseFile(
    Complaint complaint,
    Map<String, Object> facts,
    List<CaseAttachments.Attachment> attachments,
    List<TimelineEntry> timeline,
    List<AnswerDraft> drafts,
    List<ExternalInquiry> inquiries,
    List<CustomerMessage> customerMessages,
    List<OutboundMessage> messages) {

  /** What the rules suggested or decided for the case, as the case file shows it. */
  record Suggestion(
      Object type,
      Object category,
      Object priority,
      Object requiredData,
      Object requiredDocuments,
      Object department) {}

  Suggestion suggestion() {
    return new Suggestion(
        facts.get(SUGGESTED_FEEDBACK_TYPE),
        facts.get(SUGGESTED_CATEGORY),
        facts.get(SUGGESTED_PRIORITY),
        facts.get(REQUIRED_DATA),
        facts.get(REQUIRED_DOCUMENTS),
        facts.get(CANDIDATE_GROUP));
  }
}
