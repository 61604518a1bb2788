package eu.complaintdesk.deadline;

import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.StaffNotifications;
import eu.complaintdesk.process.CaseDecisions;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.security.Groups;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Reminders and escalations when work on a case runs late. */
@Service
public class EscalationService {

  /** The decision that gives the task priority; an escalated draft is one of its inputs. */
  static final String TASK_PRIORITY = "TaskPriority";

  static final String DRAFT_REMINDED = "DRAFT_REMINDED";
  static final String DRAFT_OVERDUE = "DRAFT_OVERDUE";

  private final StaffNotifications notifications;
  private final ComplaintRegister register;
  private final TaskService tasks;
  private final DeadlineMetrics metrics;
  private final CaseDecisions decisions;

  EscalationService(
      StaffNotifications notifications,
      ComplaintRegister register,
      TaskService tasks,
      DeadlineMetrics metrics,
      CaseDecisions decisions) {
    this.notifications = notifications;
    this.register = register;
    this.tasks = tasks;
    this.metrics = metrics;
    this.decisions = decisions;
  }

  /**
   * Reminds whoever drafts the answer that it is due soon (the draft task's assignee, or the
   * members of its candidate groups while unassigned), once per deadline: a draft task that comes
   * back after review has its timers again, but the handlers were reminded already.
   */
  public void remindHandlers(
      long complaintId, String processInstanceId, String candidateGroup, String effectKey) {
    if (firstTimeForDeadline(complaintId, DRAFT_REMINDED)) {
      notifications.toWorkers(
          complaintId,
          processInstanceId,
          ComplaintProcess.TASK_DRAFT_ANSWER,
          candidateGroup,
          NotificationKind.DRAFT_REMINDER,
          effectKey);
    }
  }

  /**
   * The draft is overdue: supervisors are told, may take the draft task over, and the task gets the
   * priority the {@code TaskPriority} decision of the case's deployment gives an escalated draft
   * (the top of every list).
   */
  public void escalateDraft(long complaintId, String processInstanceId, String effectKey) {
    if (!firstTimeForDeadline(complaintId, DRAFT_OVERDUE)) {
      return;
    }
    metrics.draftPassed();
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(ComplaintProcess.TASK_DRAFT_ANSWER)
            .list()) {
      tasks.addCandidateGroup(task.getId(), Groups.SUPERVISORS);
      tasks.setPriority(
          task.getId(), escalatedPriority(complaintId, task.getProcessDefinitionId()));
    }
    notifications.toGroup(
        complaintId,
        Groups.SUPERVISORS,
        processInstanceId,
        ComplaintProcess.TASK_DRAFT_ANSWER,
        NotificationKind.DRAFT_OVERDUE,
        effectKey);
  }

  private int escalatedPriority(long complaintId, String processDefinitionId) {
    Complaint complaint = register.get(complaintId);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("priority", complaint.priority());
    inputs.put("repeat", complaint.repeatComplaint());
    inputs.put("escalated", true);
    Object priority =
        decisions.evaluate(processDefinitionId, TASK_PRIORITY, inputs).getSingleEntry();
    if (!(priority instanceof Number number)) {
      throw new IllegalStateException(
          TASK_PRIORITY + " gave no task priority for an escalated draft");
    }
    return number.intValue();
  }

  /**
   * Records that this happened for the case's current deadline, unless it already had; a moved
   * deadline (extension, pause) counts anew.
   */
  private boolean firstTimeForDeadline(long complaintId, String event) {
    String detail = "Deadline " + register.get(complaintId).responseDueAt();
    boolean done =
        register.timeline(complaintId).stream()
            .anyMatch(e -> e.type().equals(event) && detail.equals(e.detail()));
    if (!done) {
      register.addEvent(complaintId, event, ComplaintRegister.SYSTEM_ACTOR, detail, false);
    }
    return !done;
  }

  /** The case passed its overall deadline unanswered: managers are told, about its open task. */
  public void escalateCase(long complaintId, String processInstanceId, String effectKey) {
    register.addEvent(complaintId, "CASE_OVERDUE", "system", "Escalated to managers", false);
    metrics.casePassed();
    notifications.toGroup(
        complaintId,
        Groups.MANAGERS,
        processInstanceId,
        null,
        NotificationKind.CASE_OVERDUE,
        effectKey);
  }
}
