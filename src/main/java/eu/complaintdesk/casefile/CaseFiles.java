package eu.complaintdesk.casefile;

import static eu.complaintdesk.process.ComplaintVariables.*;

import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.answer.ExternalInquiries;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the case file of one complaint. */
@Service
class CaseFiles {

  /** Process facts shown in the case file, in this order. */
  static final List<String> FACTS =
      List.of(
          SUGGESTED_FEEDBACK_TYPE,
          SUGGESTED_CATEGORY,
          SUGGESTED_PRIORITY,
          REQUIRED_DATA,
          REQUIRED_DOCUMENTS,
          CANDIDATE_GROUP,
          REPEAT_COMPLAINT);

  private final ComplaintRegister register;
  private final AnswerDrafts drafts;
  private final ExternalInquiries inquiries;
  private final CustomerMessages customerMessages;
  private final NotificationService notifications;
  private final HistoryService history;
  private final CaseAttachments attachments;

  CaseFiles(
      ComplaintRegister register,
      AnswerDrafts drafts,
      ExternalInquiries inquiries,
      CustomerMessages customerMessages,
      NotificationService notifications,
      HistoryService history,
      CaseAttachments attachments) {
    this.register = register;
    this.drafts = drafts;
    this.inquiries = inquiries;
    this.customerMessages = customerMessages;
    this.notifications = notifications;
    this.history = history;
    this.attachments = attachments;
  }

  @Transactional(readOnly = true)
  Optional<CaseFile> find(String registrationNumber) {
    return register.findByRegistrationNumber(registrationNumber).map(this::caseFile);
  }

  private CaseFile caseFile(Complaint complaint) {
    long id = complaint.id();
    return new CaseFile(
        complaint,
        facts(complaint.processInstanceId()),
        attachments.of(complaint),
        register.timeline(id),
        drafts.list(id),
        inquiries.inquiries(id),
        customerMessages.list(id),
        notifications.messages(id));
  }

  /** The latest value of each fact (history holds running and finished cases alike). */
  private Map<String, Object> facts(String processInstanceId) {
    Map<String, Object> facts = new LinkedHashMap<>();
    if (processInstanceId == null) {
      return facts;
    }
    List<HistoricVariableInstance> variables =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .variableNameIn(FACTS.toArray(String[]::new))
            .list();
    for (String name : FACTS) {
      variables.stream()
          .filter(v -> v.getName().equals(name) && v.getValue() != null)
          .reduce((first, second) -> second)
          .ifPresent(v -> facts.put(name, v.getValue()));
    }
    return facts;
  }
}
