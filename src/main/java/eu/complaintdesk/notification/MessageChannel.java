package eu.complaintdesk.notification;

/** The way an outbound message travels. */
public enum MessageChannel {
  EMAIL,
  SMS,
  POST,
  /** To a Camunda group of staff; the recipient is {@code group:<id>}. */
  GROUP,
  /** To another organisation; the recipient is its name. */
  ORGANISATION
}
