package eu.complaintdesk.completeness;

import eu.complaintdesk.deadline.CaseDeadlineTimer;
import eu.complaintdesk.deadline.DeadlineService;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.StaffNotifications;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Asking the customer for what is missing. While the organisation waits, the deadline clock stands
 * still; when the information comes, the deadline moves by the working days waited.
 */
@Service
class CompletenessService {

  record Resumed(int pausedWorkingDays, Instant responseDueAt) {}

  private final ComplaintRegister register;
  private final DeadlineService deadlines;
  private final CaseDeadlineTimer caseDeadlineTimer;
  private final NotificationService notifications;
  private final StaffNotifications staff;

  CompletenessService(
      ComplaintRegister register,
      DeadlineService deadlines,
      CaseDeadlineTimer caseDeadlineTimer,
      NotificationService notifications,
      StaffNotifications staff) {
    this.register = register;
    this.deadlines = deadlines;
    this.caseDeadlineTimer = caseDeadlineTimer;
    this.notifications = notifications;
    this.staff = staff;
  }

  /**
   * Records the check; what is missing is kept in the register, from which the request to the
   * customer is made (the engine keeps no copy of the text).
   */
  void recordCheck(long complaintId, String user, String missingInformation) {
    if (missingInformation != null) {
      register.recordMissingInformation(complaintId, missingInformation);
    }
    register.addEvent(
        complaintId,
        "COMPLETENESS_CHECKED",
        user,
        missingInformation == null ? "Complete" : "Information missing",
        false);
  }

  /**
   * Pauses the clock, tells the customer what is missing (as the registrar recorded it in the
   * register; a case of an earlier release that held it as a variable had it copied there at
   * start-up, {@code engine/FreeTextPurge}) and until when; returns that date.
   */
  Instant requestMissingInformation(
      long complaintId,
      String processDefinitionId,
      String processInstanceId,
      Instant responseDueAt,
      String effectKey) {
    String missingInformation = register.missingInformation(complaintId);
    if (missingInformation == null) {
      throw new IllegalStateException(
          "Complaint " + complaintId + " has no record of what is missing");
    }
    Instant waitUntil = deadlines.pause(processDefinitionId, complaintId);
    register.changeStatus(
        complaintId, ComplaintStatus.AWAITING_INFORMATION, "system", "Waiting for the customer");
    caseDeadlineTimer.moveTo(processInstanceId, deadlines.dueIfResumedAt(responseDueAt, waitUntil));
    notifications.notifyCustomer(
        complaintId,
        NotificationKind.MISSING_INFORMATION_REQUEST,
        Map.of("missingInformation", missingInformation, "informationDueDate", waitUntil),
        effectKey);
    return waitUntil;
  }

  /** The clock runs again, the deadline moves by the working days waited. */
  Resumed informationSupplied(
      long complaintId, String processDefinitionId, String processInstanceId, int pausedBefore) {
    int paused = pausedBefore + deadlines.resume(complaintId);
    Complaint complaint = register.get(complaintId);
    Instant due =
        deadlines.recompute(
            processDefinitionId,
            complaint,
            complaint.extended(),
            paused,
            "Information supplied by the customer");
    register.changeStatus(
        complaintId, ComplaintStatus.REGISTERED, "customer", "Information supplied");
    caseDeadlineTimer.moveTo(processInstanceId, due);
    return new Resumed(paused, due);
  }

  /**
   * Tells the customer the information arrived and when the answer is now due, and the staff that
   * it arrived ({@code INFORMATION_SUPPLIED}): whoever works on the case's open tasks, else the
   * members of {@code group} (the department, or the registrars, whose completeness check the case
   * goes back to).
   */
  void confirmInformationReceived(
      long complaintId, String processInstanceId, String group, String effectKey) {
    notifications.notifyCustomer(
        complaintId, NotificationKind.INFORMATION_RECEIVED, Map.of(), effectKey);
    staff.toWorkers(
        complaintId,
        processInstanceId,
        null,
        group,
        NotificationKind.INFORMATION_SUPPLIED,
        effectKey + ":staff");
  }

  void closeAsIncomplete(long complaintId, String effectKey) {
    register.changeStatus(
        complaintId,
        ComplaintStatus.CLOSED_INCOMPLETE,
        "system",
        "The missing information did not arrive in time");
    notifications.notifyCustomer(
        complaintId, NotificationKind.CLOSED_INCOMPLETE, Map.of(), effectKey);
  }
}
