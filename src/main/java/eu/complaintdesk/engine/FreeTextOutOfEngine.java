package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The free text of a complaint ({@link ComplaintVariables#FREE_TEXT}) lives in the register only.
 * The contract completes tasks with it ({@code draftAnswer}, {@code reviewComment}, …), so it
 * passes through the engine: {@link HistoryFilter} keeps it out of every history (variable
 * instances, details, form fields, and decision inputs computed from it), and once the task's own
 * completion listener has stored it in the register, it is removed from the case here, so a running
 * case holds none of it either. Later steps read the register.
 */
@Component
class FreeTextOutOfEngine implements KeptOutOfHistory, OnEveryUserTask {

  @Override
  public boolean keepsOut(String processDefinitionKey, String variableName) {
    return ComplaintProcess.PROCESS_KEY.equals(processDefinitionKey)
        && ComplaintVariables.FREE_TEXT.contains(variableName);
  }

  @Override
  public void created(DelegateTask task) {
    // nothing: a task's text arrives with its completion
  }

  @Override
  public void completed(DelegateTask task) {
    if (task instanceof TaskEntity entity
        && entity.getProcessDefinition() != null
        && ComplaintProcess.PROCESS_KEY.equals(entity.getProcessDefinition().getKey())) {
      ComplaintVariables.FREE_TEXT.forEach(task::removeVariable);
    }
  }
}
