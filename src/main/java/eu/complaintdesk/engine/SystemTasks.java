package eu.complaintdesk.engine;

import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Changes the open tasks of a process instance as the system does: in one engine transaction,
 * directly on the tasks, so without authorization checks, without the task variable rule of {@link
 * TaskVariableGuard} and without a user operation log entry. For the application's own upkeep of
 * what a task shows, never for what a user asked.
 */
@Component
public class SystemTasks {

  private final ProcessEngine engine;

  SystemTasks(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Offers every open task of the process instance to {@code update}; how many it changed. */
  public int update(String processInstanceId, Predicate<DelegateTask> update) {
    if (processInstanceId == null) {
      return 0;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              int updated = 0;
              for (TaskEntity task :
                  context.getTaskManager().findTasksByProcessInstanceId(processInstanceId)) {
                if (update.test(task)) {
                  updated++;
                }
              }
              return updated;
            });
  }
}
