package eu.complaintdesk.register;

/** Register statuses of the public contract. */
public enum ComplaintStatus {
  REGISTERED,
  AWAITING_INFORMATION,
  IN_PROGRESS,
  ANSWERED,
  CLOSED,
  CLOSED_INCOMPLETE,
  WITHDRAWN;

  /** A finished case accepts no withdrawal and no further handling. */
  public boolean isFinal() {
    return this == ANSWERED || this == CLOSED || this == CLOSED_INCOMPLETE || this == WITHDRAWN;
  }
}
