package eu.complaintdesk.classification;

import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.CLASSIFIED_BY;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.REPEAT_COMPLAINT;
import static eu.complaintdesk.process.ComplaintVariables.SUGGESTED_PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.TASK_PRIORITY;

import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.Executions;
import eu.complaintdesk.process.TaskInput;
import eu.complaintdesk.register.FeedbackType;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registrar confirms type and category; the register records them. */
@Configuration(proxyBeanMethods = false)
class ClassificationDelegates {

  /** Category codes: the contract's, or an organisation's own in the same form. */
  static final Pattern CATEGORY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

  @Bean
  TaskListener classificationListener() {
    return task -> {
      TaskInput input = TaskInput.of(task);
      input.requiredEnum(FEEDBACK_TYPE, FeedbackType.class);
      String category = input.requiredText(CATEGORY);
      if (!CATEGORY_CODE.matcher(category).matches()) {
        throw TaskInput.invalid(CATEGORY, "must be a category code such as BILLING");
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
      variables.set(TASK_PRIORITY, result.taskPriority());
      variables.set(REPEAT_COMPLAINT, result.repeat());
    };
  }
}
