package eu.complaintdesk.digest;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Whether a staff member wants the morning digest: on unless they switched it off themselves. Kept
 * as Camunda user info ({@code complaints.digest} = {@code off}) beside the account in the engine's
 * identity store; switching it on again removes the entry.
 */
@Component
class DigestSettings {

  static final String KEY = "complaints.digest";
  static final String OFF = "off";

  private final IdentityService identity;

  DigestSettings(IdentityService identity) {
    this.identity = identity;
  }

  boolean isEnabled(String userId) {
    return !OFF.equals(identity.getUserInfo(userId, KEY));
  }

  void setEnabled(String userId, boolean enabled) {
    if (enabled) {
      identity.deleteUserInfo(userId, KEY);
    } else {
      identity.setUserInfo(userId, KEY, OFF);
    }
  }
}
