package eu.complaintdesk.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/** Small helpers for delegates. */
public final class Executions {

  private Executions() {}

  /**
   * A key that is the same for every retry of one step and different for every new visit of it: the
   * id of the job that runs the step (all steps with outside effects are asynchronous), or the
   * activity instance for a step run synchronously. Used to make outside effects idempotent.
   */
  public static String effectKey(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    String step = job != null ? "job:" + job.getId() : "act:" + execution.getActivityInstanceId();
    return execution.getCurrentActivityId() + "/" + step;
  }

  /** The user who completes or claims a task: the authenticated user, else the assignee. */
  public static String currentUser(DelegateTask task) {
    var authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee();
  }
}
