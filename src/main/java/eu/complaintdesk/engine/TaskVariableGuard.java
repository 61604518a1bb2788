package eu.complaintdesk.engine;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * A task of the complaint process takes only the input fields of its deployed Camunda Form ({@link
 * TaskForms}: the task's {@code camunda:formRef} in the case's deployment, never a variable the
 * process owns): completing it, submitting its form or changing its variables with any other name
 * is refused. Completion variables land on the process instance, so without this a user who may
 * work a task could rewrite what the process relies on — {@code complaintId} (the case an answer
 * goes to), {@code feedbackType}, {@code answer} — and get past the four-eyes rule. Completing with
 * a foreign variable gets a {@link Refusal} (REST 400); setting or removing one gets an {@link
 * AuthorizationException} (REST 403).
 *
 * <p>A task of ours also ends only by being completed: throwing a BPMN error or an escalation from
 * it ({@code POST /task/{id}/bpmnError}, {@code …/bpmnEscalation}, which any user who may work the
 * task may call) is refused with an {@link AuthorizationException}. The model catches neither, and
 * an uncaught error would silently end the whole case.
 *
 * <p>The engine offers no hook that sees the variables a user passes, so this reads them from the
 * engine's commands (Camunda 7.24, the last community release: their fields will not change).
 */
@Component
class TaskVariableGuard extends AbstractProcessEnginePlugin {

  private final TaskForms forms;

  TaskVariableGuard(TaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.add(configuration, new Guard(forms));
  }

  static final class Guard extends CommandInterceptor {

    private final TaskForms forms;

    Guard(TaskForms forms) {
      this.forms = forms;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CompleteTaskCmd) {
        check(
            CommandFields.read(command, CompleteTaskCmd.class, "taskId"),
            names(CommandFields.read(command, CompleteTaskCmd.class, "variables")),
            true);
      } else if (command instanceof SubmitTaskFormCmd) {
        check(
            CommandFields.read(command, SubmitTaskFormCmd.class, "taskId"),
            names(CommandFields.read(command, SubmitTaskFormCmd.class, "properties")),
            true);
      } else if (command instanceof SetTaskVariablesCmd) {
        check(
            CommandFields.read(command, AbstractVariableCmd.class, "entityId"),
            names(CommandFields.read(command, AbstractSetVariableCmd.class, "variables")),
            false);
      } else if (command instanceof RemoveTaskVariablesCmd) {
        check(
            CommandFields.read(command, AbstractVariableCmd.class, "entityId"),
            CommandFields.read(command, AbstractRemoveVariableCmd.class, "variableNames"),
            false);
      } else if (command instanceof HandleTaskBpmnErrorCmd) {
        refuseIfOurs(
            CommandFields.read(command, HandleTaskBpmnErrorCmd.class, "taskId"), "a BPMN error");
      } else if (command instanceof HandleTaskEscalationCmd) {
        refuseIfOurs(
            CommandFields.read(command, HandleTaskEscalationCmd.class, "taskId"), "an escalation");
      } else if (command instanceof PatchTaskVariablesCmd) {
        String taskId = CommandFields.read(command, AbstractPatchVariablesCmd.class, "entityId");
        check(
            taskId,
            names(CommandFields.read(command, AbstractPatchVariablesCmd.class, "variables")),
            false);
        check(
            taskId,
            CommandFields.read(command, AbstractPatchVariablesCmd.class, "deletions"),
            false);
      }
      return next.execute(command);
    }

    private void refuseIfOurs(String taskId, String what) {
      if (allowedVariables(taskId) != null) {
        throw new AuthorizationException(
            "A task of the complaint process ends only by being completed, not by " + what + ".");
      }
    }

    /** The variables a task of ours takes, or {@code null} for any other task. */
    private Set<String> allowedVariables(String taskId) {
      if (taskId == null) {
        return null;
      }
      TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
      if (task == null || task.getProcessDefinitionId() == null) {
        return null; // not there (the command itself says so), or not a process task
      }
      return forms.accepted(
          Context.getProcessEngineConfiguration().getRepositoryService(),
          task.getProcessDefinitionId(),
          task.getTaskDefinitionKey());
    }

    private void check(String taskId, Collection<String> names, boolean completing) {
      if (names == null || names.isEmpty()) {
        return;
      }
      Set<String> allowed = allowedVariables(taskId);
      if (allowed == null) {
        return; // not a task of ours, or not there (the command itself says so)
      }
      for (String name : names) {
        if (!allowed.contains(name)) {
          String message =
              allowed.isEmpty()
                  ? "is not a variable of this task; its form takes none"
                  : "is not a variable of this task; it takes only " + String.join(", ", allowed);
          if (completing) {
            throw Refusal.invalid(name, message);
          }
          throw new AuthorizationException("'" + name + "' " + message);
        }
      }
    }

    private static Collection<String> names(Map<String, ?> variables) {
      return variables == null ? null : variables.keySet();
    }
  }
}
