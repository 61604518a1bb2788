package eu.complaintdesk.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine takes as signed in for the current command (set by the engine REST API's, the
 * webapps' or our own sign-in): a user id and their groups. The engine's own type for it lives in
 * its internal packages, so features ask here.
 */
public record SignedIn(String userId, List<String> groupIds) {

  /** The signed-in user, if a user (not only groups) is signed in. */
  public static Optional<SignedIn> current(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return Optional.empty();
    }
    List<String> groups =
        authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return Optional.of(new SignedIn(authentication.getUserId(), List.copyOf(groups)));
  }

  /** Whether the user is in at least one of the groups. */
  public boolean inAnyOf(String... groups) {
    return List.of(groups).stream().anyMatch(groupIds::contains);
  }
}
