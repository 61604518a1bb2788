package eu.complaintdesk.security;

import java.security.Principal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Whether a signed-in staff member is an administrator ({@link Groups#ADMINISTRATORS}): they alone
 * see who read a case (the case file's "Who read this case" and {@code GET
 * /api/staff/complaints/{n}/reads}).
 */
@Component
public class Administrators {

  private final IdentityService identity;

  Administrators(IdentityService identity) {
    this.identity = identity;
  }

  /** Whether the user (the staff filter's principal) is a member of the administrators' group. */
  public boolean includes(Principal user) {
    return user != null
        && identity.createGroupQuery().groupMember(user.getName()).list().stream()
            .map(Group::getId)
            .anyMatch(Groups.ADMINISTRATORS::equals);
  }
}
