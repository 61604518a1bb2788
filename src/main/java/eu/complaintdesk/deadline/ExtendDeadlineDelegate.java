package eu.complaintdesk.deadline;

import static eu.complaintdesk.process.ComplaintVariables.DRAFT_REMINDER_AT;
import static eu.complaintdesk.process.ComplaintVariables.EXTENDED;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;

import eu.complaintdesk.process.ComplaintVariables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Extends the response deadline once, because other organisations must be asked. */
@Component("extendDeadlineDelegate")
class ExtendDeadlineDelegate implements JavaDelegate {

  static final String REASON = "Information from other organisations is needed";

  private final DeadlineService deadlines;
  private final CaseDeadlineTimer caseDeadlineTimer;

  ExtendDeadlineDelegate(DeadlineService deadlines, CaseDeadlineTimer caseDeadlineTimer) {
    this.deadlines = deadlines;
    this.caseDeadlineTimer = caseDeadlineTimer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables variables = ComplaintVariables.of(execution);
    Instant due =
        deadlines.recompute(variables.complaintId(), true, variables.pausedWorkingDays(), REASON);
    variables.set(EXTENDED, true);
    variables.setInstant(RESPONSE_DUE_AT, due);
    variables.setInstant(
        DRAFT_REMINDER_AT, deadlines.reminderBefore(due, variables.string(FEEDBACK_TYPE), true));
    caseDeadlineTimer.moveTo(execution.getProcessInstanceId(), due);
  }
}
