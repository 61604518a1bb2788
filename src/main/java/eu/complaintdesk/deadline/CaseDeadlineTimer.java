package eu.complaintdesk.deadline;

import eu.complaintdesk.process.ComplaintProcess;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Keeps the timer of the "Case deadline" event subprocess on the case's current response deadline.
 * The timer is created when the case starts; classification, pauses and the extension move the
 * deadline afterwards, and this moves the timer with it.
 */
@Component
public class CaseDeadlineTimer {

  private final ManagementService management;

  CaseDeadlineTimer(ManagementService management) {
    this.management = management;
  }

  public void moveTo(String processInstanceId, Instant due) {
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId(ComplaintProcess.CASE_DEADLINE_REACHED)
            .singleResult();
    if (timer != null) {
      management.setJobDuedate(timer.getId(), Date.from(due));
    }
  }
}
