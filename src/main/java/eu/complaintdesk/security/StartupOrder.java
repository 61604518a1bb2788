package eu.complaintdesk.security;

/**
 * The order of what runs at start-up: groups before the authorizations granted to them and the
 * users that join them, filters after both.
 */
public final class StartupOrder {

  public static final int GROUPS = 10;
  public static final int AUTHORIZATIONS = 20;
  public static final int USERS = 30;
  public static final int FILTERS = 40;

  private StartupOrder() {}
}
