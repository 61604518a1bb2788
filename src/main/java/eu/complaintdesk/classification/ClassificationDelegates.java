package eu.complaintdesk.classification;

import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.CLASSIFIED_BY;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.REPEAT_COMPLAINT;
import static eu.complaintdesk.process.ComplaintVariables.SUGGESTED_PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.TASK_PRIORITY;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.CategoryCode;
import eu.complaintdesk.register.FeedbackType;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registrar confirms type and category; the register records them. */
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

  /** The registrar's tasks come before classification: they take the suggested priority. */
  @Bean
  ExecutionListener suggestedPriorityListener() {
    return execution -> {
      ComplaintVariables variables = ComplaintVariables.of(execution);
      variables.set(
          TASK_PRIORITY,
          ClassificationService.taskPriority(variables.string(SUGGESTED_PRIORITY), false));
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
      variables.set(TASK_PRIORITY, result.taskPriority());
      variables.set(REPEAT_COMPLAINT, result.repeat());
    };
  }
}
