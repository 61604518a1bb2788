package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.COMPLAINT_ID;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Service;

/**
 * Brings the case facts of a case's open tasks up to date, for when the register changes while a
 * task waits (the customer sent a message or files). Runs as the system: it reads and writes the
 * tasks directly, without the task variable rule of {@code TaskVariableGuard} (which refuses these
 * names to users) and without authorization checks or a user operation log entry.
 */
@Service
public class OpenTaskFacts {

  private final ProcessEngine engine;
  private final CaseFacts facts;

  OpenTaskFacts(ProcessEngine engine, CaseFacts facts) {
    this.engine = engine;
    this.facts = facts;
  }

  /** Refreshes the facts on every open task of the process instance; returns how many. */
  public int refresh(String processInstanceId) {
    if (processInstanceId == null) {
      return 0;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              int refreshed = 0;
              for (TaskEntity task :
                  context.getTaskManager().findTasksByProcessInstanceId(processInstanceId)) {
                if (task.getExecution() != null
                    && task.getExecution().getVariable(COMPLAINT_ID) instanceof Number id) {
                  Map<String, Object> current = facts.of(id.longValue(), task);
                  CaseFacts.names().stream()
                      .filter(name -> !current.containsKey(name))
                      .filter(task::hasVariableLocal)
                      .forEach(task::removeVariableLocal);
                  task.setVariablesLocal(current);
                  refreshed++;
                }
              }
              return refreshed;
            });
  }
}
