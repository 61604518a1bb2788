package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.ComplaintRegister;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Inquiries to other organisations: one per organisation the handler named, each tracked in the
 * register until its reply is recorded.
 */
@Component("externalInquiries")
public class ExternalInquiries {

  /** The register keeps organisation names of at most this length. */
  static final int MAX_NAME = 200;

  private final ComplaintRegister register;
  private final NotificationService notifications;

  ExternalInquiries(ComplaintRegister register, NotificationService notifications) {
    this.register = register;
    this.notifications = notifications;
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
    long inquiryId = register.openInquiry(complaintId, organisation);
    notifications.notifyOrganisation(
        complaintId,
        organisation,
        NotificationKind.EXTERNAL_INQUIRY,
        Map.of("organisation", organisation),
        effectKey);
    return inquiryId;
  }

  void recordReply(long inquiryId, String reply, String recordedBy) {
    register.recordInquiryReply(inquiryId, reply, recordedBy);
  }
}
