package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.COMPLAINT_ID;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ID;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION;

import eu.complaintdesk.process.ComplaintProcess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The case facts ({@link CaseFacts}) of one open task, computed now: for a task of the complaint
 * process only, whose {@code complaintId} and other variables no user may set ({@code
 * TaskVariableGuard}), so nothing a user wrote chooses whose facts these are. The task and its
 * variables are read with whatever authentication is current: after the engine has let the
 * signed-in user read this task's variables ({@link FormVariablesWithFacts}) that is either that
 * user, who may read exactly these, or none (the sign-in filters have finished), the system. Call
 * it for nothing else: the register's facts are not checked against the user.
 */
@Component
class TaskFormFacts {

  /** The task's variables the facts depend on, as the engine resolves them for the task. */
  static final List<String> TASK_VARIABLES = List.of(COMPLAINT_ID, DRAFT_ID, EXTERNAL_ORGANISATION);

  private final TaskService tasks;
  private final CaseFacts facts;

  TaskFormFacts(TaskService tasks, CaseFacts facts) {
    this.tasks = tasks;
    this.facts = facts;
  }

  /**
   * The facts of this task's case, or none: the task is not open, is not one of the complaint
   * process, or its case is not in the register.
   */
  Optional<Map<String, Object>> of(String taskId) {
    Task task =
        tasks
            .createTaskQuery()
            .taskId(taskId)
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .singleResult();
    if (task == null) {
      return Optional.empty();
    }
    Map<String, Object> variables = tasks.getVariables(taskId, TASK_VARIABLES);
    if (!(variables.get(COMPLAINT_ID) instanceof Number complaintId)) {
      return Optional.empty();
    }
    Map<String, Object> shown =
        facts.of(complaintId.longValue(), task.getTaskDefinitionKey(), variables);
    return shown.isEmpty() ? Optional.empty() : Optional.of(shown);
  }
}
