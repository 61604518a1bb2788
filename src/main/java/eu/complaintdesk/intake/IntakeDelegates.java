package eu.complaintdesk.intake;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.Executions;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.security.Groups;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Acknowledgement, withdrawal and customer messages. */
@Configuration(proxyBeanMethods = false)
class IntakeDelegates {

  @Bean
  JavaDelegate sendAcknowledgementDelegate(NotificationService notifications) {
    return execution ->
        notifications.notifyCustomer(
            ComplaintVariables.of(execution).complaintId(),
            NotificationKind.ACKNOWLEDGEMENT,
            Map.of(),
            Executions.effectKey(execution));
  }

  @Bean
  JavaDelegate confirmWithdrawalDelegate(
      NotificationService notifications, ComplaintRegister register) {
    return execution -> {
      long complaintId = ComplaintVariables.of(execution).complaintId();
      register.changeStatus(
          complaintId, ComplaintStatus.WITHDRAWN, "customer", "Withdrawn by the customer");
      notifications.notifyCustomer(
          complaintId,
          NotificationKind.WITHDRAWAL_CONFIRMATION,
          Map.of(),
          Executions.effectKey(execution));
    };
  }

  /**
   * Tells whoever works on the case that the customer wrote, and notes it on the open tasks so
   * Tasklist shows it. The message itself stays in the register.
   */
  @Bean
  JavaDelegate showCustomerMessageDelegate(NotificationService notifications, TaskService tasks) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      String group = variables.string(CANDIDATE_GROUP);
      notifications.notifyGroup(
          variables.complaintId(),
          group != null ? group : Groups.REGISTRARS,
          NotificationKind.CUSTOMER_MESSAGE_RECEIVED,
          Map.of(),
          Executions.effectKey(execution));
      tasks
          .createTaskQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .list()
          .forEach(
              task ->
                  tasks.createComment(
                      task.getId(),
                      execution.getProcessInstanceId(),
                      "The customer sent a new message: see the case timeline."));
    };
  }
}
