package eu.complaintdesk.register;

/** The decision on a complaint. */
public enum Outcome {
  UPHELD,
  PARTIALLY_UPHELD,
  REJECTED
}
