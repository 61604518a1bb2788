package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_REPLY;
import static eu.complaintdesk.process.ComplaintVariables.INQUIRY_ID;
import static eu.complaintdesk.process.ComplaintVariables.INQUIRY_REMINDER_AT;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExternalInquiryDelegates {

  /** Opens the inquiry for this instance's organisation; its id stays local to the instance. */
  @Bean
  JavaDelegate sendExternalInquiryDelegate(
      ExternalInquiries inquiries, InquiryReminders reminders) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      long inquiryId =
          inquiries.ask(
              variables.complaintId(),
              variables.string(EXTERNAL_ORGANISATION),
              Executions.effectKey(execution));
      execution.setVariableLocal(INQUIRY_ID, inquiryId);
      // issue 12 (engineer D): when the organisation is reminded unless it has answered
      execution.setVariableLocal(INQUIRY_REMINDER_AT, Date.from(reminders.reminderAt(inquiryId)));
    };
  }

  @Bean
  TaskListener externalReplyListener(ExternalInquiries inquiries) {
    return task -> {
      String reply = TaskInput.of(task).requiredText(EXTERNAL_REPLY);
      inquiries.recordTaskReply(
          ((Number) task.getVariable(INQUIRY_ID)).longValue(), reply, Executions.currentUser(task));
    };
  }

  // --- issue 12, the reminder (engineer D) ---------------------------------------------------

  /**
   * {@code ServiceTask_RemindOrganisation}: the inquiry's organisation has not answered in its
   * working days; reminds it once (by e-mail, when the directory has its address) and tells the
   * handler's department.
   */
  @Bean
  JavaDelegate remindOrganisationDelegate(InquiryReminders reminders) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      reminders.remind(
          variables.complaintId(),
          execution.getProcessInstanceId(),
          variables.number(INQUIRY_ID),
          variables.string(ComplaintVariables.CANDIDATE_GROUP),
          Executions.effectKey(execution));
    };
  }
}
