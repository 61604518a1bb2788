package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.stereotype.Component;

/**
 * History level {@code full} (id 3, the level every installation already has in its database),
 * without the rows nobody reads (docs/adr/0016):
 *
 * <ul>
 *   <li>the variable-update detail ({@code ACT_HI_DETAIL}) of a variable the process sets itself,
 *       while it starts or in an asynchronous step: the historic variable instance keeps its value,
 *       and the detail, a copy of it, only said when. A change a person makes (completing a task,
 *       submitting a form, setting a variable in Cockpit or through the API, a message) keeps its
 *       detail, as before;
 *   <li>the job log of a job created ({@code ACT_HI_JOB_LOG}, one row per asynchronous step and
 *       timer): that a job succeeded, and on which node, is still logged (operations, and the proof
 *       that a timer fired once across nodes), and so are a failure with its stack trace and a
 *       deletion.
 * </ul>
 *
 * Everything else is recorded as at {@code full}: instances, activities, tasks, identity links,
 * variables, decisions (with what {@link HistoryFilter} keeps out), incidents, the operation log.
 */
@Component
class LeanFullHistory extends AbstractProcessEnginePlugin {

  /** Job log events not written. */
  static final Set<HistoryEventType> UNLOGGED_JOB_EVENTS = Set.of(HistoryEventTypes.JOB_CREATE);

  /** Commands in which the process, not a person, sets variables. */
  static final Set<Class<?>> PROCESS_OWN_COMMANDS =
      Set.of(StartProcessInstanceCmd.class, ExecuteJobsCmd.class);

  /**
   * Adds this level under the name {@code full}: the engine resolves {@code
   * camunda.bpm.history-level} to the last level of that name, custom levels coming after its own.
   * The setting and the level stored in the database stay {@code full} (id 3).
   */
  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> custom = new ArrayList<>();
    if (configuration.getCustomHistoryLevels() != null) {
      custom.addAll(configuration.getCustomHistoryLevels());
    }
    custom.add(new Level());
    configuration.setCustomHistoryLevels(custom);
  }

  /** Whether a history event of this type is written in the current command. */
  static boolean produced(HistoryEventType type) {
    if (UNLOGGED_JOB_EVENTS.contains(type)) {
      return false;
    }
    if (type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
      return !inProcessOwnCommand();
    }
    return true;
  }

  private static boolean inProcessOwnCommand() {
    CommandInvocationContext invocation = Context.getCommandInvocationContext();
    return invocation != null
        && invocation.getCommand() != null
        && PROCESS_OWN_COMMANDS.contains(invocation.getCommand().getClass());
  }

  static final class Level extends AbstractHistoryLevel {

    @Override
    public int getId() {
      return HistoryLevel.HISTORY_LEVEL_FULL.getId();
    }

    @Override
    public String getName() {
      return ProcessEngineConfiguration.HISTORY_FULL;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      // asked with a null entity, the engine wants to know whether the type is produced at all
      return entity == null || produced(eventType);
    }
  }
}
