package eu.complaintdesk.classification;

import static eu.complaintdesk.process.ComplaintVariables.CLASSIFICATION_TEXT;
import static eu.complaintdesk.process.ComplaintVariables.SUGGESTED_CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.SUGGESTED_FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.SUGGESTED_PRIORITY;

import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.DecisionOutputs;
import eu.complaintdesk.register.ComplaintRegister;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code BusinessRuleTask_SuggestClassification}: on start gives the decision the complaint's text
 * from the register (a transient variable, so the customer's words are neither stored with the
 * process nor written to its history); on end copies the suggestion into {@code
 * suggestedFeedbackType}, {@code suggestedCategory} and {@code suggestedPriority}.
 */
@Component("suggestClassificationListener")
class SuggestClassificationListener implements ExecutionListener {

  private static final ExecutionListener OUTPUTS =
      DecisionOutputs.copy(SUGGESTED_FEEDBACK_TYPE, SUGGESTED_CATEGORY, SUGGESTED_PRIORITY);

  private final ComplaintRegister register;

  SuggestClassificationListener(ComplaintRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateExecution execution) throws Exception {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      String text = register.classificationText(ComplaintVariables.of(execution).complaintId());
      execution.setVariableLocal(CLASSIFICATION_TEXT, Variables.stringValue(text, true));
    } else {
      OUTPUTS.notify(execution);
    }
  }
}
