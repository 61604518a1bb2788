package eu.complaintdesk.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion variables land on the process instance, so a task that is reached a second time
 * (rework, a new completeness check) would otherwise see the last round's answers and accept a
 * completion that gives none. When a task is created, the variables its deployed form takes ({@link
 * TaskForms}, the same names {@link TaskVariableGuard} accepts) go; what a form only shows
 * (read-only fields) stays.
 */
@Component("taskInputReset")
class TaskInputReset implements TaskListener {

  private final TaskForms forms;

  TaskInputReset(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskForms.TaskInputs accepted =
        forms.accepted(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    if (accepted.restricted()) {
      accepted.inputs().forEach(task.getExecution()::removeVariable);
    }
  }
}
