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

/** Sets the response deadline that the confirmed feedback type calls for. */
@Component("setResponseDeadlineDelegate")
class SetResponseDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;
  private final CaseDeadlineTimer caseDeadlineTimer;

  SetResponseDeadlineDelegate(DeadlineService deadlines, CaseDeadlineTimer caseDeadlineTimer) {
    this.deadlines = deadlines;
    this.caseDeadlineTimer = caseDeadlineTimer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables variables = ComplaintVariables.of(execution);
    boolean extended = variables.flag(EXTENDED);
    Instant due =
        deadlines.recompute(
            variables.complaintId(), extended, variables.pausedWorkingDays(), "Classified");
    variables.setInstant(RESPONSE_DUE_AT, due);
    variables.setInstant(
        DRAFT_REMINDER_AT,
        deadlines.reminderBefore(due, variables.string(FEEDBACK_TYPE), extended));
    caseDeadlineTimer.moveTo(execution.getProcessInstanceId(), due);
  }
}
