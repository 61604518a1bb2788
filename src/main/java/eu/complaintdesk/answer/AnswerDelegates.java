package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_CONTACTS;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_NAME;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_NOTICE_REQUIRED;
import static eu.complaintdesk.process.ComplaintVariables.DRAFTED_BY;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ID;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.NEEDS_EXTERNAL_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.OUTCOME;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSAL_ACCEPTED;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSED_OUTCOME;
import static eu.complaintdesk.process.ComplaintVariables.REFUSAL_REASONS;
import static eu.complaintdesk.process.ComplaintVariables.REVIEWED_BY;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.FeedbackType;
import eu.complaintdesk.register.Outcome;
import eu.complaintdesk.system.Organisation;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Draft, review, decision, answer and appeal notice. */
@Configuration(proxyBeanMethods = false)
class AnswerDelegates {

  /** Checks and stores a draft; a handler who needs outside information may leave it empty. */
  @Bean
  TaskListener draftAnswerListener(AnswerService answers, InquiryChoices choices) {
    return task -> {
      TaskInput input = TaskInput.of(task);
      ComplaintVariables variables = ComplaintVariables.of(task);
      String drafter = Executions.currentUser(task);
      if (drafter == null) {
        throw Refusal.invalid(DRAFTED_BY, "is unknown: claim the task before completing it");
      }
      if (input.optionalFlag(NEEDS_EXTERNAL_INFORMATION)) {
        List<String> organisations = choices.compose(task, variables.complaintId());
        if (organisations.stream().anyMatch(o -> o.length() > ExternalInquiries.MAX_NAME)) {
          throw Refusal.invalid(
              EXTERNAL_ORGANISATIONS,
              "must name one organisation per line, each at most "
                  + ExternalInquiries.MAX_NAME
                  + " characters");
        }
        answers.recordInquiryRequest(variables.complaintId(), drafter, organisations.size());
        return;
      }
      String text = input.requiredText(DRAFT_ANSWER);
      Outcome outcome = input.requiredEnum(PROPOSED_OUTCOME, Outcome.class);
      String reasons =
          outcome == Outcome.UPHELD
              ? input.optionalText(REFUSAL_REASONS)
              : input.requiredText(REFUSAL_REASONS);
      task.setVariable(
          DRAFT_ID, answers.saveDraft(variables.complaintId(), text, outcome, reasons, drafter));
      task.setVariable(DRAFTED_BY, drafter);
    };
  }

  @Bean
  TaskListener fourEyesListener(AnswerService answers) {
    return new FourEyesListener(answers);
  }

  @Bean
  JavaDelegate recordDecisionDelegate(AnswerService answers) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      Outcome outcome =
          answers.recordDecision(
              variables.complaintId(), variables.number(DRAFT_ID), variables.string(REVIEWED_BY));
      variables.set(OUTCOME, outcome.name());
    };
  }

  /** Stores the answer to an information request in the register, from which it is sent. */
  @Bean
  TaskListener informationAnswerListener(AnswerService answers) {
    return task ->
        answers.recordReplyText(
            ComplaintVariables.of(task).complaintId(), TaskInput.of(task).requiredText(ANSWER));
  }

  @Bean
  TaskListener proposalEvaluationListener(AnswerService answers) {
    return task -> {
      TaskInput input = TaskInput.of(task);
      boolean accepted = input.requiredFlag(PROPOSAL_ACCEPTED);
      String answer = input.requiredText(ANSWER);
      long complaintId = ComplaintVariables.of(task).complaintId();
      answers.recordProposalEvaluation(complaintId, accepted, Executions.currentUser(task));
      answers.recordReplyText(complaintId, answer);
    };
  }

  /**
   * A complaint is answered with its approved draft; other feedback with the answer its task stored
   * in the register. An answer that needs the appeal notice is never sent without its appeal
   * paragraph: when no authority was determined the job fails (an incident an administrator
   * resolves by setting the authority on the case and retrying).
   */
  @Bean
  JavaDelegate sendAnswerDelegate(AnswerService answers, Organisation organisation) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      String effectKey = Executions.effectKey(execution);
      if (FeedbackType.valueOf(variables.string(FEEDBACK_TYPE)).isComplaint()) {
        if (variables.flag(APPEAL_NOTICE_REQUIRED)
            && variables.string(APPEAL_AUTHORITY_NAME) == null) {
          throw new ProcessEngineException(noAppealAuthority(organisation));
        }
        answers.sendDecision(
            variables.complaintId(),
            variables.number(DRAFT_ID),
            variables.string(APPEAL_AUTHORITY_NAME),
            variables.string(APPEAL_AUTHORITY_CONTACTS),
            effectKey);
      } else {
        answers.sendReply(variables.complaintId(), effectKey);
      }
    };
  }

  /**
   * Why an answer that needs the appeal notice waits: the AppealAuthority decision of the case's
   * deployment matched no rule for the organisation's country and sector (or the case passed that
   * step on model version 1, which left the authority to the answer).
   */
  static String noAppealAuthority(Organisation organisation) {
    return "No appeal authority was determined for this case: the AppealAuthority decision of its"
        + " deployment has no rule for country "
        + organisation.country()
        + " and sector "
        + organisation.sector()
        + ". The answer needs the appeal notice and is not sent without it: set"
        + " appealAuthorityName and appealAuthorityContacts on the process instance (or add the"
        + " rule, deploy and migrate the case) and retry this job";
  }

  @Bean
  JavaDelegate sendAppealNoticeDelegate(AnswerService answers) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      answers.sendAppealNotice(
          variables.complaintId(),
          variables.string(APPEAL_AUTHORITY_NAME),
          variables.string(APPEAL_AUTHORITY_CONTACTS),
          Executions.effectKey(execution));
    };
  }
}
