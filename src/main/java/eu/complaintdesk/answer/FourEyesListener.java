package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.DRAFTED_BY;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ID;
import static eu.complaintdesk.process.ComplaintVariables.REVIEWED_BY;
import static eu.complaintdesk.process.ComplaintVariables.REVIEW_COMMENT;

import eu.complaintdesk.process.Executions;
import eu.complaintdesk.process.RuleViolation;
import eu.complaintdesk.process.TaskInput;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The four-eyes rule, enforced in the engine: whoever drafted the answer can neither take the
 * review task nor complete it, through Tasklist, the REST API or Java alike.
 */
class FourEyesListener implements TaskListener {

  static final String SAME_PERSON =
      "You drafted this answer, so another supervisor must review it (four-eyes rule).";

  private final AnswerService answers;

  FourEyesListener(AnswerService answers) {
    this.answers = answers;
  }

  @Override
  public void notify(DelegateTask task) {
    String drafter = (String) task.getVariable(DRAFTED_BY);
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      rejectDrafter(task.getAssignee(), drafter);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    String reviewer = Executions.currentUser(task);
    if (reviewer == null) {
      throw TaskInput.invalid(REVIEWED_BY, "is unknown: claim the task before completing it");
    }
    rejectDrafter(reviewer, drafter);
    rejectDrafter(task.getAssignee(), drafter);
    TaskInput input = TaskInput.of(task);
    boolean approved = input.requiredFlag(ANSWER_APPROVED);
    String comment =
        approved ? input.optionalText(REVIEW_COMMENT) : input.requiredText(REVIEW_COMMENT);
    answers.recordReview(
        ((Number) task.getVariable(DRAFT_ID)).longValue(), approved, reviewer, comment);
    task.setVariable(REVIEWED_BY, reviewer);
  }

  private static void rejectDrafter(String user, String drafter) {
    if (user != null && Objects.equals(user, drafter)) {
      throw new RuleViolation(SAME_PERSON);
    }
  }
}
