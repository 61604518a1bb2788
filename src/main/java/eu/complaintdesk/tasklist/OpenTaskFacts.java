package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.COMPLAINT_ID;

import eu.complaintdesk.engine.SystemTasks;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Brings the case facts of a case's open tasks up to date, for when the register changes while a
 * task waits (the customer sent a message or files). Runs as the system: it reads and writes the
 * tasks directly, without the task variable rule of {@code TaskVariableGuard} (which refuses these
 * names to users) and without authorization checks or a user operation log entry.
 */
@Service
public class OpenTaskFacts {

  private final SystemTasks tasks;
  private final CaseFacts facts;

  OpenTaskFacts(SystemTasks tasks, CaseFacts facts) {
    this.tasks = tasks;
    this.facts = facts;
  }

  /** Refreshes the facts on every open task of the process instance; returns how many. */
  public int refresh(String processInstanceId) {
    return tasks.update(
        processInstanceId,
        task -> {
          if (task.getExecution() == null
              || !(task.getExecution().getVariable(COMPLAINT_ID) instanceof Number id)) {
            return false;
          }
          Map<String, Object> current = facts.of(id.longValue(), task);
          CaseFacts.names().stream()
              .filter(name -> !current.containsKey(name))
              .filter(task::hasVariableLocal)
              .forEach(task::removeVariableLocal);
          task.setVariablesLocal(current);
          return true;
        });
  }
}
