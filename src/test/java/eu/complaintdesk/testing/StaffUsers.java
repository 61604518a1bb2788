package eu.complaintdesk.testing;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Staff users the tests need besides the demo users: password = user id, one group each. */
public final class StaffUsers {

  /** A member of the billing department only. */
  public static final String BILLING_CLERK = "billing-clerk";

  /** A member of the heat and hot-water quality department only. */
  public static final String HEAT_CLERK = "heat-clerk";

  private StaffUsers() {}

  /** Creates the user in this group unless they exist. */
  public static void ensure(IdentityService identity, String userId, String group) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Test");
      user.setPassword(userId);
      identity.saveUser(user);
      identity.createMembership(userId, group);
    }
  }
}
