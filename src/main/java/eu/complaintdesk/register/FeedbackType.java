package eu.complaintdesk.register;

/** What kind of feedback a submission is; decides the branch of the process. */
public enum FeedbackType {
  SERVICE_COMPLAINT,
  CUSTOMER_SERVICE_COMPLAINT,
  PROPOSAL,
  PRAISE,
  INFORMATION_REQUEST;

  public boolean isComplaint() {
    return this == SERVICE_COMPLAINT || this == CUSTOMER_SERVICE_COMPLAINT;
  }
}
