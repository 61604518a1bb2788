package eu.complaintdesk.classification;

import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.CLASSIFIED_BY;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.REPEAT_COMPLAINT;
import static eu.complaintdesk.process.ComplaintVariables.SUGGESTED_PRIORITY;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.CategoryCode;
import eu.complaintdesk.register.FeedbackType;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registrar confirms type and category; the register records them, with the priority (the
 * registrar's or the suggested one) and whether it is a repeat complaint, which the model's {@code
 * BusinessRuleTask_PrioritiseCase} turns into the task priority.
 */
@Configuration(proxyBeanMethods = false)
class ClassificationDelegates {

  @Bean
  TaskListener classificationListener() {
    return task -> {
      TaskInput input = TaskInput.of(task);
      input.requiredEnum(FEEDBACK_TYPE, FeedbackType.class);
      String category = input.requiredText(CATEGORY);
      if (!CategoryCode.isValid(category)) {
        throw Refusal.invalid(CATEGORY, "must be a category code such as BILLING");
      }
      task.setVariable(CLASSIFIED_BY, Executions.currentUser(task));
    };
  }

  @Bean
  JavaDelegate registerClassificationDelegate(ClassificationService classification) {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      String priority = variables.string(PRIORITY);
      ClassificationService.Classification result =
          classification.register(
              variables.complaintId(),
              variables.string(FEEDBACK_TYPE),
              variables.string(CATEGORY),
              priority != null ? priority : variables.string(SUGGESTED_PRIORITY),
              variables.string(CLASSIFIED_BY));
      variables.set(PRIORITY, result.priority());
      variables.set(REPEAT_COMPLAINT, result.repeat());
    };
  }
}
