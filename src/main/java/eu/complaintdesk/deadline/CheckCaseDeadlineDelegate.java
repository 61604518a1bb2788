package eu.complaintdesk.deadline;

import static eu.complaintdesk.process.ComplaintVariables.CASE_OVERDUE;

import eu.complaintdesk.process.ComplaintVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Decides whether the case is really overdue when its deadline timer fires. */
@Component("checkCaseDeadlineDelegate")
class CheckCaseDeadlineDelegate implements JavaDelegate {

  private final DeadlineService deadlines;

  CheckCaseDeadlineDelegate(DeadlineService deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ComplaintVariables variables = ComplaintVariables.of(execution);
    variables.set(CASE_OVERDUE, deadlines.isOverdue(variables.complaintId()));
  }
}
