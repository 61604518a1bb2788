package eu.complaintdesk.deadline;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;
import static eu.complaintdesk.process.ComplaintVariables.CASE_OVERDUE;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_REMINDER_AT;
import static eu.complaintdesk.process.ComplaintVariables.EXTENDED;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.process.ComplaintVariables;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deadlines of the case: set by type, extended once, watched, reminded and escalated. */
@Configuration(proxyBeanMethods = false)
class DeadlineDelegates {

  /**
   * Why the deadline was extended, as a code: every message renders it in the customer's language
   * ({@code extensionReason.EXTERNAL_INFORMATION} in {@code notifications/messages_*.properties}).
   */
  static final String EXTENSION_REASON = "EXTERNAL_INFORMATION";

  /** Sets the response deadline that the confirmed feedback type calls for. */
  @Bean
  JavaDelegate setResponseDeadlineDelegate(DeadlineService deadlines, CaseDeadlineTimer timer) {
    return execution -> {
      boolean extended = ComplaintVariables.of(execution).flag(EXTENDED);
      // an extended case keeps the reason it was extended for
      applyDeadline(execution, deadlines, timer, extended, null);
    };
  }

  /** Extends the response deadline once, because other organisations must be asked. */
  @Bean
  JavaDelegate extendDeadlineDelegate(DeadlineService deadlines, CaseDeadlineTimer timer) {
    return execution -> {
      applyDeadline(execution, deadlines, timer, true, EXTENSION_REASON);
      ComplaintVariables.of(execution).set(EXTENDED, true);
    };
  }

  /** Tells the customer why the answer takes longer and when it is now due (as registered). */
  @Bean
  JavaDelegate sendExtensionNoticeDelegate(NotificationService notifications) {
    return execution ->
        notifications.notifyCustomer(
            ComplaintVariables.of(execution).complaintId(),
            NotificationKind.EXTENSION_NOTICE,
            Map.of(),
            Executions.effectKey(execution));
  }

  /** Decides whether the case is really overdue when its deadline timer fires. */
  @Bean
  JavaDelegate checkCaseDeadlineDelegate(DeadlineService deadlines) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      variables.set(CASE_OVERDUE, deadlines.isOverdue(variables.complaintId()));
    };
  }

  @Bean
  JavaDelegate sendDraftReminderDelegate(EscalationService escalations) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      escalations.remindHandlers(
          variables.complaintId(),
          execution.getProcessInstanceId(),
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
            ComplaintVariables.of(execution).complaintId(),
            execution.getProcessInstanceId(),
            Executions.effectKey(execution));
  }

  /** Records the deadline, and moves the case timer and the draft reminder with it. */
  private static void applyDeadline(
      DelegateExecution execution,
      DeadlineService deadlines,
      CaseDeadlineTimer timer,
      boolean extended,
      String reason) {
    ComplaintVariables variables = ComplaintVariables.of(execution);
    Instant due =
        deadlines.recompute(
            execution.getProcessDefinitionId(),
            variables.complaintId(),
            extended,
            variables.pausedWorkingDays(),
            reason);
    variables.setInstant(RESPONSE_DUE_AT, due);
    variables.setInstant(
        DRAFT_REMINDER_AT,
        deadlines.reminderBefore(
            execution.getProcessDefinitionId(), due, variables.string(FEEDBACK_TYPE), extended));
    timer.moveTo(execution.getProcessInstanceId(), due);
  }
}
