package eu.complaintdesk.register;

/**
 * The result of registering: the access code is returned once, in clear, and only its hash is
 * stored. Never log it.
 */
public record RegisteredComplaint(long id, String registrationNumber, String accessCode) {

  @Override
  public String toString() {
    return "RegisteredComplaint[id=" + id + ", registrationNumber=" + registrationNumber + "]";
  }
}
