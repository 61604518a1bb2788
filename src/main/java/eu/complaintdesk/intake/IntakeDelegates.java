package eu.complaintdesk.intake;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.StaffNotifications;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.system.Organisation;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Acknowledgement, withdrawal and customer messages. */
@Configuration(proxyBeanMethods = false)
class IntakeDelegates {

  /**
   * The acknowledgement. When nobody showed the customer the receipt (staff start form, e-mail
   * inbox) it also tells the access code and the status page; the outbox keeps the code masked, and
   * the held code is released once the message is recorded sent (a retry before that reads it
   * again).
   */
  @Bean
  JavaDelegate sendAcknowledgementDelegate(
      NotificationService notifications, AccessCodeHandovers handovers, Organisation organisation) {
    return execution -> {
      long complaintId = ComplaintVariables.of(execution).complaintId();
      Optional<String> code = handovers.find(complaintId);
      if (code.isEmpty()) {
        notifications.notifyCustomer(
            complaintId,
            NotificationKind.ACKNOWLEDGEMENT,
            Map.of(),
            Executions.effectKey(execution));
        return;
      }
      notifications.notifyCustomerWithSecrets(
          complaintId,
          NotificationKind.ACKNOWLEDGEMENT,
          Map.of("statusLink", organisation.publicBaseUrl() + "/status"),
          Map.of("accessCode", code.get()),
          Executions.effectKey(execution));
      handovers.release(complaintId);
    };
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
   * Tells whoever works on the case that the customer wrote (the assignees of its open tasks, else
   * their candidate groups' members; with no task open, the department or the registrars), and
   * notes it on the open tasks so Tasklist shows it. The message itself stays in the register.
   */
  @Bean
  JavaDelegate showCustomerMessageDelegate(StaffNotifications notifications, TaskService tasks) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      String group = variables.string(CANDIDATE_GROUP);
      notifications.toWorkers(
          variables.complaintId(),
          execution.getProcessInstanceId(),
          null,
          group != null ? group : Groups.REGISTRARS,
          NotificationKind.CUSTOMER_MESSAGE_RECEIVED,
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
