package eu.complaintdesk.register;

/** How the customer wants to be told. */
public enum PreferredContact {
  EMAIL,
  SMS,
  POST
}
