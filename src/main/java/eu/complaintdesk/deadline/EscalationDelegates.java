package eu.complaintdesk.deadline;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;

import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.Executions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three timer-driven steps: reminder, draft escalation, case escalation. */
@Configuration(proxyBeanMethods = false)
class EscalationDelegates {

  @Bean
  JavaDelegate sendDraftReminderDelegate(EscalationService escalations) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      escalations.remindHandlers(
          variables.complaintId(),
          variables.string(CANDIDATE_GROUP),
          Executions.effectKey(execution));
    };
  }

  @Bean
  JavaDelegate escalateDraftDelegate(EscalationService escalations) {
    return execution ->
        escalations.escalateDraft(
            ComplaintVariables.of(execution).complaintId(),
            execution.getProcessInstanceId(),
            Executions.effectKey(execution));
  }

  @Bean
  JavaDelegate escalateToManagersDelegate(EscalationService escalations) {
    return execution ->
        escalations.escalateCase(
            ComplaintVariables.of(execution).complaintId(), Executions.effectKey(execution));
  }
}
