package eu.complaintdesk.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * Deletes the comments and attachments (with their content) of process instances and their tasks,
 * running or not: the engine's API deletes them only while the task or instance runs. For erasing a
 * case ({@code privacy/}); staff can no longer add them to a complaint ({@link CaseNotesGuard}),
 * earlier releases let them.
 */
@Component
public class CaseNotes {

  private final ProcessEngine engine;

  CaseNotes(ProcessEngine engine) {
    this.engine = engine;
  }

  /** How many comments and attachments were deleted. */
  public record Deleted(int comments, int attachments) {}

  /** Deletes those of the process instances and of the tasks (by id, running or historic). */
  public Deleted delete(Collection<String> processInstanceIds, Collection<String> taskIds) {
    List<String> instances = List.copyOf(processInstanceIds);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(context -> delete(context, instances, taskIds));
  }

  private static Deleted delete(
      CommandContext context, List<String> instances, Collection<String> taskIds) {
    Set<String> comments = new HashSet<>();
    Set<String> attachments = new HashSet<>();
    for (String instance : instances) {
      context.getCommentManager().findCommentsByProcessInstanceId(instance).stream()
          .map(Comment::getId)
          .forEach(comments::add);
      context.getAttachmentManager().findAttachmentsByProcessInstanceId(instance).stream()
          .map(Attachment::getId)
          .forEach(attachments::add);
    }
    for (String task : taskIds) {
      context.getCommentManager().findCommentsByTaskId(task).stream()
          .map(Comment::getId)
          .forEach(comments::add);
      context.getAttachmentManager().findAttachmentsByTaskId(task).stream()
          .map(Attachment::getId)
          .forEach(attachments::add);
    }
    if (!instances.isEmpty()) {
      context.getCommentManager().deleteCommentsByProcessInstanceIds(instances);
      context.getAttachmentManager().deleteAttachmentsByProcessInstanceIds(instances);
    }
    for (String task : taskIds) {
      context.getCommentManager().deleteCommentsByTaskId(task);
      context.getAttachmentManager().deleteAttachmentsByTaskId(task);
    }
    return new Deleted(comments.size(), attachments.size());
  }
}
