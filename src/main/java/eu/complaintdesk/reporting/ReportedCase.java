package eu.complaintdesk.reporting;

import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.FeedbackType;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the reports know of one case: codes, dates and flags from the register, never personal data
 * or free text. {@code workingDaysToAnswer} and {@code onTime} are derived with the working
 * calendar; both are {@code null} while the case is unanswered ({@code onTime} also when it has no
 * due date).
 */
record ReportedCase(
    String registrationNumber,
    Instant receivedAt,
    String channel,
    String feedbackType,
    String category,
    String priority,
    String status,
    Instant responseDueAt,
    boolean extended,
    Instant answeredAt,
    String outcome,
    boolean repeatComplaint,
    boolean appealNotice,
    boolean surveyInvited,
    Integer surveyScore,
    Integer workingDaysToAnswer,
    Boolean onTime) {

  /**
   * Statuses of a case that is no longer open: the final ones ({@link ComplaintStatus#isFinal}).
   */
  static final Set<String> NOT_OPEN =
      Arrays.stream(ComplaintStatus.values())
          .filter(ComplaintStatus::isFinal)
          .map(ComplaintStatus::name)
          .collect(Collectors.toUnmodifiableSet());

  boolean isOpen() {
    return !NOT_OPEN.contains(status);
  }

  /**
   * Open and past its due date at {@code now}; not while it waits for the customer: its clock
   * stands still, and the due date moves by the days waited when the information comes.
   */
  boolean isOverdue(Instant now) {
    return isOpen()
        && !ComplaintStatus.AWAITING_INFORMATION.name().equals(status)
        && responseDueAt != null
        && responseDueAt.isBefore(now);
  }

  boolean isComplaint() {
    return FeedbackType.SERVICE_COMPLAINT.name().equals(feedbackType)
        || FeedbackType.CUSTOMER_SERVICE_COMPLAINT.name().equals(feedbackType);
  }
}
