package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.COMPLAINT_ID;

import eu.complaintdesk.engine.OnEveryUserTask;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the case's facts from the register ({@link CaseFacts}) onto every user task of a case when
 * it is created, as task-local variables, so that its form can show them. Added by the engine to
 * every user task of every model, as {@link TaskListVariables} is; a task of a process without a
 * {@code complaintId} gets nothing.
 */
@Component
class CaseFactsOnTasks implements OnEveryUserTask {

  private final ObjectProvider<CaseFacts> facts;

  CaseFactsOnTasks(ObjectProvider<CaseFacts> facts) {
    this.facts = facts;
  }

  @Override
  public void created(DelegateTask task) {
    if (task.getExecution() == null
        || !(task.getExecution().getVariable(COMPLAINT_ID) instanceof Number complaintId)) {
      return;
    }
    Map<String, Object> shown = facts.getObject().of(complaintId.longValue(), task);
    task.setVariablesLocal(shown);
  }
}
