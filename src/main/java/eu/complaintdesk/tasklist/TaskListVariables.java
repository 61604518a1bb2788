package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.CHANNEL;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.REGISTRATION_NUMBER;
import static eu.complaintdesk.process.ComplaintVariables.REPEAT_COMPLAINT;

import eu.complaintdesk.engine.OnEveryUserTask;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The case facts Tasklist shows in its task lists, copied onto every user task when it is created.
 * Tasklist reads filter variables with the signed-in user's authorizations, and department staff
 * may read their tasks but not the whole process instance; task variables they may read. Copies of
 * variables that a task is completed with get their own names ({@code case…}), so a completion
 * always reaches the process variable. Added by the engine to every user task of every model, so
 * the models need no listener for it.
 */
@Component
class TaskListVariables implements OnEveryUserTask {

  static final String CASE_TYPE = "caseType";
  static final String CASE_CATEGORY = "caseCategory";
  static final String CASE_PRIORITY = "casePriority";

  /** Task variable → the process variable it shows. */
  static final Map<String, String> SHOWN = shown();

  @Override
  public void created(DelegateTask task) {
    SHOWN.forEach(
        (shownAs, variable) -> {
          Object value = task.getExecution().getVariable(variable);
          if (value != null) {
            task.setVariableLocal(shownAs, value);
          }
        });
  }

  private static Map<String, String> shown() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put(REGISTRATION_NUMBER, REGISTRATION_NUMBER);
    shown.put(CASE_TYPE, FEEDBACK_TYPE);
    shown.put(CASE_CATEGORY, CATEGORY);
    shown.put(CASE_PRIORITY, PRIORITY);
    shown.put(CHANNEL, CHANNEL);
    shown.put(REPEAT_COMPLAINT, REPEAT_COMPLAINT);
    return shown;
  }
}
