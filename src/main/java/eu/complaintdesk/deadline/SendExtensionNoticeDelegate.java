package eu.complaintdesk.deadline;

import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.Executions;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the customer why the answer takes longer and when it is now due. */
@Component("sendExtensionNoticeDelegate")
class SendExtensionNoticeDelegate implements JavaDelegate {

  private final NotificationService notifications;

  SendExtensionNoticeDelegate(NotificationService notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables variables = ComplaintVariables.of(execution);
    notifications.notifyCustomer(
        variables.complaintId(),
        NotificationKind.EXTENSION_NOTICE,
        Map.of(
            "newDueDate",
            variables.instant(RESPONSE_DUE_AT),
            "extensionReason",
            ExtendDeadlineDelegate.REASON),
        Executions.effectKey(execution));
  }
}
