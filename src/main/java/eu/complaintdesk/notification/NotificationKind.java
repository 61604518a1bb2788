package eu.complaintdesk.notification;

/**
 * What a notification is about. Its subject and body are the templates {@code <KIND>.subject} and
 * {@code <KIND>.body} in {@code notifications/messages_<language>.properties}.
 */
public enum NotificationKind {
  ACKNOWLEDGEMENT,
  MISSING_INFORMATION_REQUEST,
  INFORMATION_RECEIVED,
  EXTENSION_NOTICE,
  ANSWER,
  APPEAL_NOTICE,
  CLOSED_INCOMPLETE,
  WITHDRAWAL_CONFIRMATION,
  SURVEY_INVITATION,
  PRAISE_THANKS,
  // to staff or other organisations:
  PRAISE_FORWARDED,
  DRAFT_REMINDER,
  DRAFT_OVERDUE,
  CASE_OVERDUE,
  EXTERNAL_INQUIRY,
  CUSTOMER_MESSAGE_RECEIVED,
  // issue 12, partners' replies and the reminder (engineer D):
  /** The one reminder to an organisation that has not answered an inquiry in its working days. */
  EXTERNAL_INQUIRY_REMINDER,
  /** To the handler's department: an organisation asked has not answered in its working days. */
  EXTERNAL_INQUIRY_UNANSWERED,
  // --- issue 12, staff e-mails (engineer A): the customer supplied the missing information
  INFORMATION_SUPPLIED;

  /** Whether this kind goes to the customer (in their language) rather than to staff. */
  public boolean isForCustomer() {
    return ordinal() <= PRAISE_THANKS.ordinal();
  }

  /** Whether this kind goes to another organisation: an inquiry and its reminder. */
  public boolean isForOrganisation() {
    return this == EXTERNAL_INQUIRY || this == EXTERNAL_INQUIRY_REMINDER;
  }

  /** Whether this kind goes to staff: neither to the customer nor to another organisation. */
  public boolean isForStaff() {
    return !isForCustomer() && !isForOrganisation();
  }
}
