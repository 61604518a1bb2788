package eu.complaintdesk.security;

import java.security.Principal;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Whether the signed-in user (the staff filter's principal) belongs to one of a set of groups: the
 * one check behind every "only these groups" rule of our staff pages and API ({@link
 * Groups#REPORT_READERS}, {@link Groups#POST_ROOM}, {@link Groups#PRIVACY}, the administrators).
 */
@Component
public class GroupMembership {

  private final IdentityService identity;

  GroupMembership(IdentityService identity) {
    this.identity = identity;
  }

  /** Whether {@code user} is a member of at least one of {@code groups}; false without a user. */
  public boolean inAny(Principal user, Set<String> groups) {
    return user != null
        && !groups.isEmpty()
        && identity
                .createGroupQuery()
                .groupMember(user.getName())
                .groupIdIn(groups.toArray(String[]::new))
                .count()
            > 0;
  }

  /** Whether {@code user} is an administrator ({@link Groups#ADMINISTRATORS}). */
  public boolean isAdministrator(Principal user) {
    return inAny(user, Set.of(Groups.ADMINISTRATORS));
  }
}
