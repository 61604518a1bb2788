package eu.complaintdesk.deadline;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.ComplaintRegister;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Reminders and escalations when work on a case runs late. */
@Service
public class EscalationService {

  public static final String SUPERVISORS = "supervisors";
  public static final String MANAGERS = "managers";
  static final int ESCALATED_TASK_PRIORITY = 100;

  private final NotificationService notifications;
  private final ComplaintRegister register;
  private final TaskService tasks;

  EscalationService(
      NotificationService notifications, ComplaintRegister register, TaskService tasks) {
    this.notifications = notifications;
    this.register = register;
    this.tasks = tasks;
  }

  /** Reminds the department that a draft answer is due soon. */
  public void remindHandlers(long complaintId, String candidateGroup, String effectKey) {
    notifications.notifyGroup(
        complaintId, candidateGroup, NotificationKind.DRAFT_REMINDER, Map.of(), effectKey);
  }

  /**
   * The draft is overdue: supervisors are told, may take the draft task over, and the task moves to
   * the top of every list.
   */
  public void escalateDraft(long complaintId, String processInstanceId, String effectKey) {
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(ComplaintProcess.TASK_DRAFT_ANSWER)
            .list()) {
      tasks.addCandidateGroup(task.getId(), SUPERVISORS);
      tasks.setPriority(task.getId(), ESCALATED_TASK_PRIORITY);
    }
    register.addEvent(complaintId, "DRAFT_OVERDUE", "system", "Escalated to supervisors", false);
    notifications.notifyGroup(
        complaintId, SUPERVISORS, NotificationKind.DRAFT_OVERDUE, Map.of(), effectKey);
  }

  /** The case passed its overall deadline unanswered: managers are told. */
  public void escalateCase(long complaintId, String effectKey) {
    register.addEvent(complaintId, "CASE_OVERDUE", "system", "Escalated to managers", false);
    notifications.notifyGroup(
        complaintId, MANAGERS, NotificationKind.CASE_OVERDUE, Map.of(), effectKey);
  }
}
