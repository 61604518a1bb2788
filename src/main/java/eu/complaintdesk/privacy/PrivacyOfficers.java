package eu.complaintdesk.privacy;

import eu.complaintdesk.security.Groups;
import java.security.Principal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Who may erase a customer's personal data and export what is held about them: members of {@link
 * Groups#PRIVACY} (privacy officers and administrators). Everyone else gets 403.
 */
@Component
class PrivacyOfficers {

  private final IdentityService identity;

  PrivacyOfficers(IdentityService identity) {
    this.identity = identity;
  }

  /** Whether the signed-in user (the staff filter's principal) may act on personal data. */
  boolean mayAct(Principal user) {
    return user != null
        && identity.createGroupQuery().groupMember(user.getName()).list().stream()
            .map(Group::getId)
            .anyMatch(Groups.PRIVACY::contains);
  }
}
