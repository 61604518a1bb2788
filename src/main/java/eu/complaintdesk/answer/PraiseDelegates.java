package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.StaffNotifications;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Praise is passed on to the praised unit and the customer is thanked. */
@Configuration(proxyBeanMethods = false)
class PraiseDelegates {

  @Bean
  JavaDelegate forwardPraiseDelegate(StaffNotifications notifications) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      notifications.toGroup(
          variables.complaintId(),
          variables.string(CANDIDATE_GROUP),
          null,
          null,
          NotificationKind.PRAISE_FORWARDED,
          Executions.effectKey(execution));
    };
  }

  @Bean
  JavaDelegate thankCustomerDelegate(
      NotificationService notifications, ComplaintRegister register) {
    return execution -> {
      long complaintId = ComplaintVariables.of(execution).complaintId();
      notifications.notifyCustomer(
          complaintId, NotificationKind.PRAISE_THANKS, Map.of(), Executions.effectKey(execution));
      register.changeStatus(complaintId, ComplaintStatus.CLOSED, "system", "Customer thanked");
    };
  }
}
