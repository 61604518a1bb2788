package eu.complaintdesk.survey;

import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.SURVEY_EXPIRES_AT;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.process.ComplaintVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SurveyDelegates {

  @Bean
  JavaDelegate sendSurveyInvitationDelegate(SurveyService surveys) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      variables.setInstant(
          SURVEY_EXPIRES_AT,
          surveys.invite(
              variables.complaintId(),
              execution.getProcessDefinitionId(),
              variables.string(FEEDBACK_TYPE),
              Executions.effectKey(execution)));
    };
  }

  @Bean
  JavaDelegate closeComplaintDelegate(SurveyService surveys) {
    return execution -> surveys.close(ComplaintVariables.of(execution).complaintId());
  }
}
