package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintProcess;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.stereotype.Component;

/**
 * Staff write no comments and add no attachments on a complaint's tasks or process instance
 * ({@value ComplaintProcess#PROCESS_KEY}): Tasklist offers "Add comment" and the engine REST API
 * {@code POST /task/{id}/comment/create}, {@code …/attachment/create}, and the engine keeps them in
 * its history ({@code ACT_HI_COMMENT}, {@code ACT_HI_ATTACHMENT}), beyond the case's anonymisation.
 * A signed-in user who adds, changes or attaches one gets an {@link AuthorizationException} (403)
 * saying where notes belong: in the task's form fields, which the register keeps and anonymises,
 * and files in the case's attachments. The application itself still adds its own notes (a
 * customer's new message, {@code intake/IntakeDelegates}): when no one is signed in, and in a job
 * (its delegates are the application's), also one an administrator executes by hand (Cockpit,
 * {@code POST /job/{id}/execute}), which runs as that administrator; {@code
 * privacy/EngineHistoryEraser} deletes comments and attachments of an erased case, also those of
 * earlier releases.
 */
@Component
class CaseNotesGuard extends AbstractProcessEnginePlugin {

  static final String REFUSAL =
      "Comments and attachments are not kept on a complaint's tasks: the engine would keep them"
          + " after the customer's data is erased. Write notes in the task's form (the draft, the"
          + " review comment, the missing information, the external reply); the case file keeps"
          + " them. Files belong to the case's attachments.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.add(configuration, new Guard());
  }

  static final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof AddCommentCmd) {
        refuseIfOurs(
            CommandFields.read(command, AddCommentCmd.class, "taskId"),
            CommandFields.read(command, AddCommentCmd.class, "processInstanceId"));
      } else if (command instanceof UpdateCommentCmd) {
        refuseIfOurs(
            CommandFields.read(command, UpdateCommentCmd.class, "taskId"),
            CommandFields.read(command, UpdateCommentCmd.class, "processInstanceId"));
      } else if (command instanceof CreateAttachmentCmd) {
        refuseIfOurs(
            CommandFields.read(command, CreateAttachmentCmd.class, "taskId"),
            CommandFields.read(command, CreateAttachmentCmd.class, "processInstanceId"));
      } else if (command instanceof SaveAttachmentCmd) {
        Attachment attachment = CommandFields.read(command, SaveAttachmentCmd.class, "attachment");
        if (attachment != null) {
          refuseIfOurs(attachment.getTaskId(), attachment.getProcessInstanceId());
        }
      }
      return next.execute(command);
    }

    private static void refuseIfOurs(String taskId, String processInstanceId) {
      CommandContext context = Context.getCommandContext();
      if (context.getAuthentication() == null || context.getCurrentJob() != null) {
        return; // the application itself, also in a job that someone signed in executes by hand
      }
      if (ofComplaintProcess(context, taskId, processInstanceId)) {
        EngineRefusals.noteForbidden(REFUSAL);
        throw new AuthorizationException(REFUSAL);
      }
    }

    private static boolean ofComplaintProcess(
        CommandContext context, String taskId, String processInstanceId) {
      return context.runWithoutAuthorization(
          () -> {
            if (taskId != null) {
              TaskEntity task = context.getTaskManager().findTaskById(taskId);
              if (task != null && isOurs(context, task.getProcessDefinitionId())) {
                return true;
              }
            }
            if (processInstanceId != null) {
              ExecutionEntity instance =
                  context.getExecutionManager().findExecutionById(processInstanceId);
              return instance != null && isOurs(context, instance.getProcessDefinitionId());
            }
            return false;
          });
    }

    private static boolean isOurs(CommandContext context, String processDefinitionId) {
      if (processDefinitionId == null) {
        return false;
      }
      return ComplaintProcess.PROCESS_KEY.equals(
          context
              .getProcessEngineConfiguration()
              .getDeploymentCache()
              .findDeployedProcessDefinitionById(processDefinitionId)
              .getKey());
    }
  }
}
