package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_REPLY;
import static eu.complaintdesk.process.ComplaintVariables.INQUIRY_ID;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExternalInquiryDelegates {

  /** Opens the inquiry for this instance's organisation; its id stays local to the instance. */
  @Bean
  JavaDelegate sendExternalInquiryDelegate(ExternalInquiries inquiries) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      long inquiryId =
          inquiries.ask(
              variables.complaintId(),
              variables.string(EXTERNAL_ORGANISATION),
              Executions.effectKey(execution));
      execution.setVariableLocal(INQUIRY_ID, inquiryId);
    };
  }

  @Bean
  TaskListener externalReplyListener(ExternalInquiries inquiries) {
    return task -> {
      String reply = TaskInput.of(task).requiredText(EXTERNAL_REPLY);
      inquiries.recordReply(
          ((Number) task.getVariable(INQUIRY_ID)).longValue(), reply, Executions.currentUser(task));
    };
  }
}
