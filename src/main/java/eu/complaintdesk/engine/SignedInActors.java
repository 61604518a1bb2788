package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.StaffRegistrationProcess;
import eu.complaintdesk.security.Groups;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who did something is who signed in, never what a request says. In the engine, so that every way
 * in (engine REST, the webapps' API, Tasklist, Java) is covered:
 *
 * <ul>
 *   <li>a process start or a task completion carrying a variable that names who did it ({@link
 *       #ACTOR_VARIABLES}) is refused with a {@link Refusal} (400); the application sets those from
 *       the signed-in user itself;
 *   <li>only administrators change a user's name or e-mail: staff may change their own password
 *       (Camunda grants every user UPDATE on themselves), not who they appear to be in the timeline
 *       and in Tasklist;
 *   <li>only the application itself (no signed-in user) and members of {@code
 *       complaints.security.signal-groups} (default {@code camunda-admin}) send signals or
 *       messages: messages are the customer's voice (withdrawal, information supplied, survey
 *       answered), which our own code correlates from the customer's request.
 * </ul>
 *
 * <p>The engine offers no hook for these, so the rule reads the commands' fields (Camunda 7.24, the
 * last community release: they will not change). Refusals are {@link AuthorizationException}s
 * (403), except the start and completion variables.
 */
@Component
class SignedInActors extends AbstractProcessEnginePlugin {

  /** Variables that name who did a step: set by the application from the sign-in. */
  static final Set<String> ACTOR_VARIABLES =
      Set.of(
          StaffRegistrationProcess.REGISTERED_BY,
          ComplaintVariables.CLASSIFIED_BY,
          ComplaintVariables.DRAFTED_BY,
          ComplaintVariables.REVIEWED_BY);

  private final Set<String> eventGroups;

  SignedInActors(
      @Value("${complaints.security.signal-groups:" + Groups.ADMINISTRATORS + "}")
          Set<String> eventGroups) {
    this.eventGroups = Set.copyOf(eventGroups);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.add(configuration, new Guard(eventGroups));
  }

  static final class Guard extends CommandInterceptor {

    private final Set<String> eventGroups;

    Guard(Set<String> eventGroups) {
      this.eventGroups = eventGroups;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof StartProcessInstanceCmd) {
        ProcessInstantiationBuilderImpl builder =
            CommandFields.read(command, StartProcessInstanceCmd.class, "instantiationBuilder");
        refuseActors(builder.getVariables());
      } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
        ProcessInstantiationBuilderImpl builder =
            CommandFields.read(
                command, StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder");
        refuseActors(builder.getVariables());
        ProcessInstanceModificationBuilderImpl instructions = builder.getModificationBuilder();
        if (instructions != null) {
          refuseActors(instructions.getProcessVariables());
          for (AbstractProcessInstanceModificationCommand instruction :
              instructions.getModificationOperations()) {
            if (instruction instanceof AbstractInstantiationCmd instantiation) {
              refuseActors(instantiation.getVariables());
              refuseActors(instantiation.getVariablesLocal());
            }
          }
        }
      } else if (command instanceof SubmitStartFormCmd) {
        refuseActors(CommandFields.read(command, SubmitStartFormCmd.class, "variables"));
      } else if (command instanceof CompleteTaskCmd) {
        refuseActors(CommandFields.read(command, CompleteTaskCmd.class, "variables"));
      } else if (command instanceof SubmitTaskFormCmd) {
        refuseActors(CommandFields.read(command, SubmitTaskFormCmd.class, "properties"));
      } else if (command instanceof SaveUserCmd) {
        refuseProfileChange(CommandFields.read(command, SaveUserCmd.class, "user"));
      } else if (command instanceof SignalEventReceivedCmd || command instanceof SignalCmd) {
        refuseUnlessEventGroup("send signals");
      } else if (command instanceof AbstractCorrelateMessageCmd
          || command instanceof MessageEventReceivedCmd
          || command instanceof CorrelateAllMessageBatchCmd) {
        refuseUnlessEventGroup("correlate messages");
      } else if (command instanceof CheckPassword) {
        refusePasswordCheckOfOthers(CommandFields.read(command, CheckPassword.class, "userId"));
      }
      return next.execute(command);
    }

    private static void refuseActors(Map<String, ?> variables) {
      if (variables == null) {
        return;
      }
      for (String name : variables.keySet()) {
        if (ACTOR_VARIABLES.contains(name)) {
          throw Refusal.invalid(
              name, "is set from who is signed in and may not be given in a request");
        }
      }
    }

    private static void refuseProfileChange(User user) {
      CommandContext context = Context.getCommandContext();
      Authentication authentication = context.getAuthentication();
      if (user == null
          || authentication == null
          || context.getAuthorizationManager().isCamundaAdmin(authentication)) {
        return;
      }
      User stored =
          context.runWithoutAuthorization(
              () -> context.getReadOnlyIdentityProvider().findUserById(user.getId()));
      if (stored == null) {
        return; // a new user: the engine's authorization decides
      }
      if (!Objects.equals(stored.getFirstName(), user.getFirstName())
          || !Objects.equals(stored.getLastName(), user.getLastName())
          || !Objects.equals(stored.getEmail(), user.getEmail())) {
        throw new AuthorizationException(
            "Only administrators change a user's name or e-mail; you may change your password.");
      }
    }

    /**
     * A signed-in user checks only their own password (changing it); the sign-ins check as the
     * application, before anyone is signed in. Otherwise {@code POST /identity/verify} answers any
     * staff member whether a guess at someone else's password is right — 200 either way, past the
     * sign-in throttle, which counts 401s — and each wrong guess delays that user's sign-in.
     */
    private static void refusePasswordCheckOfOthers(String userId) {
      CommandContext context = Context.getCommandContext();
      Authentication authentication = context.getAuthentication();
      if (authentication == null
          || Objects.equals(authentication.getUserId(), userId)
          || context.getAuthorizationManager().isCamundaAdmin(authentication)) {
        return;
      }
      throw new AuthorizationException("Only administrators check another user's password.");
    }

    private void refuseUnlessEventGroup(String what) {
      Authentication authentication = Context.getCommandContext().getAuthentication();
      if (authentication == null) {
        return; // the application itself
      }
      Collection<String> groups = authentication.getGroupIds();
      if (groups == null || groups.stream().noneMatch(eventGroups::contains)) {
        throw new AuthorizationException(
            "Only the application and members of "
                + String.join(", ", eventGroups.stream().sorted().toList())
                + " "
                + what
                + ".");
      }
    }
  }
}
