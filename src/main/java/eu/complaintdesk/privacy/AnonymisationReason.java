package eu.complaintdesk.privacy;

/** Why a case was anonymised, stored with the complaint, and the timeline entry that says so. */
enum AnonymisationReason {
  /** Closed longer ago than {@code complaints.retention.personal-data}: the nightly job. */
  RETENTION("PERSONAL_DATA_REMOVED"),
  /** The customer asked: {@code POST /api/staff/erasures}. */
  ERASURE("PERSONAL_DATA_ERASED");

  private final String eventType;

  AnonymisationReason(String eventType) {
    this.eventType = eventType;
  }

  /** The kind of the timeline entry (internal, not shown to the customer). */
  String eventType() {
    return eventType;
  }
}
