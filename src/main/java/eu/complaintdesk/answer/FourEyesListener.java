package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ID;
import static eu.complaintdesk.process.ComplaintVariables.REVIEWED_BY;
import static eu.complaintdesk.process.ComplaintVariables.REVIEW_COMMENT;

import eu.complaintdesk.engine.Executions;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.security.Groups;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The four-eyes rule, enforced in the engine: only a supervisor reviews, and whoever drafted the
 * answer (as the register recorded it) can neither take the review task nor complete it, through
 * Tasklist, the REST API or Java alike.
 */
class FourEyesListener implements TaskListener {

  static final String SAME_PERSON =
      "You drafted this answer, so another supervisor must review it (four-eyes rule).";
  static final String NOT_SUPERVISOR = "Only supervisors review answers.";

  private final AnswerService answers;

  FourEyesListener(AnswerService answers) {
    this.answers = answers;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      check(task, task.getAssignee(), null);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      complete(task);
    }
  }

  private void complete(DelegateTask task) {
    String reviewer = Executions.currentUser(task);
    if (reviewer == null) {
      throw Refusal.invalid(REVIEWED_BY, "is unknown: claim the task before completing it");
    }
    check(task, reviewer, REVIEWED_BY);
    check(task, task.getAssignee(), REVIEWED_BY);
    TaskInput input = TaskInput.of(task);
    boolean approved = input.requiredFlag(ANSWER_APPROVED);
    String comment =
        approved ? input.optionalText(REVIEW_COMMENT) : input.requiredText(REVIEW_COMMENT);
    answers.recordReview(draftId(task), approved, reviewer, comment);
    task.setVariable(REVIEWED_BY, reviewer);
  }

  /** A user may review if they are a supervisor and did not draft the answer. */
  private void check(DelegateTask task, String user, String field) {
    if (user == null) {
      return;
    }
    String drafter =
        answers
            .draftUnderReview(ComplaintVariables.of(task).complaintId(), draftId(task))
            .draftedBy();
    if (Objects.equals(user, drafter)) {
      throw Refusal.rule(field, SAME_PERSON);
    }
    IdentityService identity = task.getProcessEngineServices().getIdentityService();
    boolean supervisor =
        identity.createUserQuery().userId(user).memberOfGroup(Groups.SUPERVISORS).count() > 0;
    if (!supervisor) {
      throw Refusal.rule(field, NOT_SUPERVISOR);
    }
  }

  private static long draftId(DelegateTask task) {
    return ((Number) task.getVariable(DRAFT_ID)).longValue();
  }
}
