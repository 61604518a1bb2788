package eu.complaintdesk.completeness;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.INFORMATION_DUE_AT;
import static eu.complaintdesk.process.ComplaintVariables.MISSING_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.PAUSED_WORKING_DAYS;
import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.security.Groups;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The completeness check: the registrar's verdict, the request, the wait and its two ends. */
@Configuration(proxyBeanMethods = false)
class CompletenessDelegates {

  @Bean
  TaskListener completenessCheckListener(CompletenessService completeness) {
    return task -> {
      TaskInput input = TaskInput.of(task);
      boolean complete = input.requiredFlag(COMPLETE);
      String missing = complete ? null : input.requiredText(MISSING_INFORMATION);
      completeness.recordCheck(
          ComplaintVariables.of(task).complaintId(), Executions.currentUser(task), missing);
    };
  }

  /** Asks the customer for what the registrar recorded in the register. */
  @Bean
  JavaDelegate requestMissingInformationDelegate(CompletenessService completeness) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      Instant waitUntil =
          completeness.requestMissingInformation(
              variables.complaintId(),
              execution.getProcessDefinitionId(),
              execution.getProcessInstanceId(),
              variables.instant(RESPONSE_DUE_AT),
              Executions.effectKey(execution));
      variables.setInstant(INFORMATION_DUE_AT, waitUntil);
    };
  }

  @Bean
  JavaDelegate resumeDeadlineDelegate(CompletenessService completeness) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      int paused = variables.pausedWorkingDays();
      CompletenessService.Resumed resumed =
          completeness.informationSupplied(
              variables.complaintId(),
              execution.getProcessDefinitionId(),
              execution.getProcessInstanceId(),
              paused);
      variables.set(PAUSED_WORKING_DAYS, resumed.pausedWorkingDays());
      variables.setInstant(RESPONSE_DUE_AT, resumed.responseDueAt());
    };
  }

  @Bean
  JavaDelegate confirmInformationReceivedDelegate(CompletenessService completeness) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      String group = variables.string(CANDIDATE_GROUP);
      completeness.confirmInformationReceived(
          variables.complaintId(),
          execution.getProcessInstanceId(),
          group != null ? group : Groups.REGISTRARS,
          Executions.effectKey(execution));
    };
  }

  @Bean
  JavaDelegate closeAsIncompleteDelegate(CompletenessService completeness) {
    return execution ->
        completeness.closeAsIncomplete(
            ComplaintVariables.of(execution).complaintId(), Executions.effectKey(execution));
  }
}
