package eu.complaintdesk.deadline;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.process.CaseDecisions;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Service;

/**
 * Working-day deadlines of a case. The number of working days comes from the {@code DeadlinePolicy}
 * decision of the case's own deployment ({@link CaseDecisions}: a running case keeps the policy it
 * started with, a changed table applies to new cases), the days themselves from the {@link
 * WorkingCalendar}. A response is due at the close of the Nth working day after receipt, moved
 * later by the working days the clock was paused while the customer was asked for missing
 * information.
 */
@Service
public class DeadlineService {

  static final String DEADLINE_POLICY = "DeadlinePolicy";

  private final CaseDecisions decisions;
  private final WorkingCalendar calendar;
  private final ComplaintRegister register;
  private final DeadlineClock deadlineClock;
  private final Clock clock;

  DeadlineService(
      CaseDecisions decisions,
      WorkingCalendar calendar,
      ComplaintRegister register,
      DeadlineClock deadlineClock,
      Clock clock) {
    this.decisions = decisions;
    this.calendar = calendar;
    this.register = register;
    this.deadlineClock = deadlineClock;
    this.clock = clock;
  }

  /**
   * The policy for a feedback type (null while the type is not yet known) of the case running on
   * {@code processDefinitionId}.
   */
  public DeadlinePolicy policy(String processDefinitionId, String feedbackType, boolean extended) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("feedbackType", feedbackType);
    inputs.put("extended", extended);
    DmnDecisionResultEntries row =
        decisions.evaluate(processDefinitionId, DEADLINE_POLICY, inputs).getSingleResult();
    return new DeadlinePolicy(
        number(row, "responseWorkingDays"),
        number(row, "reminderWorkingDaysBefore"),
        number(row, "missingInformationWaitWorkingDays"),
        number(row, "surveyValidityDays"));
  }

  /**
   * When the response of the case running on {@code processDefinitionId} is due; for a case whose
   * process has not started yet, the definition it will start on ({@link
   * CaseDecisions#processDefinitionForNewCase()}).
   */
  public Instant responseDue(
      String processDefinitionId,
      Instant receivedAt,
      String feedbackType,
      boolean extended,
      int pausedWorkingDays) {
    Instant due =
        calendar.deadline(
            receivedAt, policy(processDefinitionId, feedbackType, extended).responseWorkingDays());
    return pausedWorkingDays > 0 ? calendar.addWorkingDays(due, pausedWorkingDays) : due;
  }

  /**
   * Recomputes and records the response deadline of a case from its receipt, its (possibly new)
   * type and extension, and the working days its clock was paused.
   */
  public Instant recompute(
      String processDefinitionId,
      long complaintId,
      boolean extended,
      int pausedWorkingDays,
      String reason) {
    return recompute(
        processDefinitionId, register.get(complaintId), extended, pausedWorkingDays, reason);
  }

  /** As {@link #recompute(String, long, boolean, int, String)}, for the complaint as read. */
  public Instant recompute(
      String processDefinitionId,
      Complaint complaint,
      boolean extended,
      int pausedWorkingDays,
      String reason) {
    Instant due =
        responseDue(
            processDefinitionId,
            complaint.receivedAt(),
            complaint.feedbackType(),
            extended,
            pausedWorkingDays);
    if (!due.equals(complaint.responseDueAt()) || extended != complaint.extended()) {
      register.setResponseDue(complaint.id(), due, extended, reason);
    }
    return due;
  }

  /** When the handler is reminded of a draft due at {@code due}; never in the past. */
  public Instant reminderBefore(
      String processDefinitionId, Instant due, String feedbackType, boolean extended) {
    int days = policy(processDefinitionId, feedbackType, extended).reminderWorkingDaysBefore();
    Instant reminder = days > 0 ? calendar.workingDaysBefore(due, days) : due;
    Instant now = clock.instant();
    return reminder.isBefore(now) ? now : reminder;
  }

  /** Stops the clock while the customer is asked for missing information. */
  public Instant pause(String processDefinitionId, long complaintId) {
    Instant now = clock.instant();
    deadlineClock.pause(complaintId, now);
    Complaint complaint = register.get(complaintId);
    return calendar.deadline(
        now,
        policy(processDefinitionId, complaint.feedbackType(), false)
            .missingInformationWaitWorkingDays());
  }

  /** The working days between the pause and now; the clock runs again. */
  public int resume(long complaintId) {
    return deadlineClock
        .resume(complaintId)
        .map(pausedAt -> calendar.workingDaysBetween(pausedAt, clock.instant()))
        .orElse(0);
  }

  /** The latest the deadline can become if the paused clock resumes only at {@code until}. */
  public Instant dueIfResumedAt(Instant due, Instant until) {
    return calendar.addWorkingDays(due, calendar.workingDaysBetween(clock.instant(), until));
  }

  /** When a survey sent now expires. */
  public Instant surveyExpiry(String processDefinitionId, String feedbackType) {
    return clock
        .instant()
        .plus(
            Duration.ofDays(policy(processDefinitionId, feedbackType, false).surveyValidityDays()));
  }

  /** Whether the case is still open, running and past its response deadline. */
  public boolean isOverdue(long complaintId) {
    Complaint complaint = register.get(complaintId);
    return !complaint.status().isFinal()
        && complaint.clockPausedAt() == null
        && clock.instant().isAfter(complaint.responseDueAt());
  }

  private static int number(DmnDecisionResultEntries row, String name) {
    Object value = row.getEntry(name);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException(DEADLINE_POLICY + " gave no number for " + name);
    }
    return number.intValue();
  }
}
