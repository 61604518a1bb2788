package eu.complaintdesk.engine;

import eu.complaintdesk.engine.TaskForms.TaskInputs;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
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
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * A user task takes only the input fields of its deployed Camunda Form ({@link TaskForms}: the form
 * its model names, in the case's deployment; never a variable the process owns; for a task of the
 * complaint process never another task's contract variable, a start variable or what the process or
 * the engine sets): completing it, submitting its form or changing its variables with any other
 * name is refused. A read-only field of the form, which Tasklist submits with the value it shows,
 * is accepted on completion with that value unchanged. A task of the complaint process without a
 * form takes nothing; a task of another process without a form is not restricted. Completion
 * variables land on the process instance, so without this a user who may work a task could rewrite
 * what the process relies on — {@code complaintId} (the case an answer goes to), {@code
 * feedbackType}, {@code answer} — and get past the four-eyes rule. Completing with a foreign
 * variable gets a {@link Refusal} (REST 400); setting or removing one gets an {@link
 * AuthorizationException} (REST 403).
 *
 * <p>A task of the complaint process also ends only by being completed: throwing a BPMN error or an
 * escalation from it ({@code POST /task/{id}/bpmnError}, {@code …/bpmnEscalation}, which any user
 * who may work the task may call) is refused with an {@link AuthorizationException}. The model
 * catches neither, and an uncaught error would silently end the whole case. Another process may
 * catch them, so its tasks may throw them.
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
        Map<String, Object> variables =
            CommandFields.read(command, CompleteTaskCmd.class, "variables");
        Map<String, Object> taken =
            checkCompletion(
                CommandFields.read(command, CompleteTaskCmd.class, "taskId"), variables);
        if (taken != variables) {
          CommandFields.write(command, CompleteTaskCmd.class, "variables", taken);
        }
      } else if (command instanceof SubmitTaskFormCmd) {
        VariableMap properties = CommandFields.read(command, SubmitTaskFormCmd.class, "properties");
        Map<String, Object> taken =
            checkCompletion(
                CommandFields.read(command, SubmitTaskFormCmd.class, "taskId"), properties);
        if (taken != properties) {
          CommandFields.write(
              command, SubmitTaskFormCmd.class, "properties", Variables.fromMap(taken));
        }
      } else if (command instanceof SetTaskVariablesCmd) {
        checkChange(
            CommandFields.read(command, AbstractVariableCmd.class, "entityId"),
            names(CommandFields.read(command, AbstractSetVariableCmd.class, "variables")),
            CommandFields.read(command, AbstractVariableCmd.class, "isLocal"));
      } else if (command instanceof RemoveTaskVariablesCmd) {
        checkChange(
            CommandFields.read(command, AbstractVariableCmd.class, "entityId"),
            CommandFields.read(command, AbstractRemoveVariableCmd.class, "variableNames"),
            CommandFields.read(command, AbstractVariableCmd.class, "isLocal"));
      } else if (command instanceof HandleTaskBpmnErrorCmd) {
        refuseIfOurs(
            CommandFields.read(command, HandleTaskBpmnErrorCmd.class, "taskId"), "a BPMN error");
      } else if (command instanceof HandleTaskEscalationCmd) {
        refuseIfOurs(
            CommandFields.read(command, HandleTaskEscalationCmd.class, "taskId"), "an escalation");
      } else if (command instanceof PatchTaskVariablesCmd) {
        String taskId = CommandFields.read(command, AbstractPatchVariablesCmd.class, "entityId");
        boolean local = CommandFields.read(command, AbstractPatchVariablesCmd.class, "isLocal");
        checkChange(
            taskId,
            names(CommandFields.read(command, AbstractPatchVariablesCmd.class, "variables")),
            local);
        checkChange(
            taskId,
            CommandFields.read(command, AbstractPatchVariablesCmd.class, "deletions"),
            local);
      }
      return next.execute(command);
    }

    /** A task of the complaint process ends only by being completed. */
    private void refuseIfOurs(String taskId, String what) {
      TaskEntity task = task(taskId);
      if (task != null && inputsOf(task).complaintProcess()) {
        throw new AuthorizationException(
            "A task of the complaint process ends only by being completed, not by " + what + ".");
      }
    }

    private static TaskEntity task(String taskId) {
      if (taskId == null) {
        return null;
      }
      TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
      // not there (the command itself says so), or not a process task
      return task == null || task.getProcessDefinitionId() == null ? null : task;
    }

    private TaskInputs inputsOf(TaskEntity task) {
      return forms.accepted(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    /**
     * Completing or submitting the form: each variable one the task takes, or one its form only
     * shows (a read-only field), which Tasklist submits with the value shown — accepted unchanged
     * and then left out, so that it is never written. Returns the variables to complete with: the
     * same map, or a copy without the read-only ones.
     */
    private Map<String, Object> checkCompletion(String taskId, Map<String, Object> variables) {
      TaskInputs inputs =
          check(
              taskId,
              variables == null ? null : variables.keySet(),
              (task, name) -> unchanged(variables.get(name), task.getVariable(name)),
              true);
      if (inputs == null || variables.keySet().stream().allMatch(inputs.inputs()::contains)) {
        return variables;
      }
      Map<String, Object> taken = new LinkedHashMap<>(variables);
      taken.keySet().retainAll(inputs.inputs());
      return taken;
    }

    /**
     * Setting or removing variables through the task: only those the task takes, and never as the
     * task's own (local) variables — the task's listeners read a local variable before the case's,
     * so a local copy would let a user show a checked value to the listener while the process goes
     * on with another.
     */
    private void checkChange(String taskId, Collection<String> names, boolean local) {
      if (check(taskId, names, (task, name) -> false, false) != null && local) {
        throw new AuthorizationException(
            "A task of this process keeps no variables of its own; its form's values go to the"
                + " case when the task is completed.");
      }
    }

    /**
     * Refuses the first name the task does not take; a name its form only shows passes if {@code
     * shownUnchanged} says its value stays. Returns what the task takes when it restricts these
     * names, {@code null} when there is nothing to restrict (no names, no such task, a task of
     * another process without a form).
     */
    private TaskInputs check(
        String taskId,
        Collection<String> names,
        BiPredicate<TaskEntity, String> shownUnchanged,
        boolean completing) {
      if (names == null || names.isEmpty()) {
        return null;
      }
      TaskEntity task = task(taskId);
      TaskInputs inputs = task == null ? TaskInputs.UNRESTRICTED : inputsOf(task);
      if (!inputs.restricted()) {
        return null;
      }
      for (String name : names) {
        if (!inputs.inputs().contains(name)
            && !(inputs.shown().contains(name) && shownUnchanged.test(task, name))) {
          String message = notOfThisTask(inputs);
          if (completing) {
            throw Refusal.invalid(name, message);
          }
          throw new AuthorizationException("'" + name + "' " + message);
        }
      }
      return inputs;
    }

    private static String notOfThisTask(TaskInputs inputs) {
      return inputs.inputs().isEmpty()
          ? "is not a variable of this task; its form takes none"
          : "is not a variable of this task; it takes only " + String.join(", ", inputs.inputs());
    }

    /**
     * Whether a read-only field's submitted value is the value the task shows: equal, numbers by
     * value (JSON makes a Long an Integer), and an empty text or nothing for a variable not set.
     */
    static boolean unchanged(Object submitted, Object current) {
      Object value = submitted instanceof TypedValue typed ? typed.getValue() : submitted;
      if (current == null) {
        return value == null || value instanceof String text && text.isBlank();
      }
      if (value instanceof Number number && current instanceof Number known) {
        try {
          return new BigDecimal(number.toString()).compareTo(new BigDecimal(known.toString())) == 0;
        } catch (NumberFormatException notFinite) {
          return false; // NaN or an infinity is never the value shown
        }
      }
      return Objects.equals(value, current);
    }

    private static Collection<String> names(Map<String, ?> variables) {
      return variables == null ? null : variables.keySet();
    }
  }
}
