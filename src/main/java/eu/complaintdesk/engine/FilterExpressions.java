package eu.complaintdesk.engine;

import java.util.Set;

/**
 * The only expressions a stored Tasklist filter may carry: the three the application's own filters
 * use ({@code tasklist/TasklistFilters}), compared as exact texts. Each is a call of one of the
 * engine's built-in functions with no argument from outside — who is signed in, their groups, the
 * start of tomorrow — so evaluating it runs nothing a user chose. Any other text, however harmless
 * it looks, is refused when a filter is saved or run ({@link QueryExpressionGuard}): an expression
 * language that reaches Java reflection cannot be made safe by inspecting the text, and no role
 * needs another expression. Administrators who create their own filters in Tasklist may use these
 * three; request queries (including the extending query of a filter) may use none.
 */
public final class FilterExpressions {

  /** The signed-in user's id ("My tasks": assignee). */
  public static final String CURRENT_USER = "${currentUser()}";

  /** The signed-in user's groups ("My groups' tasks": candidate group in). */
  public static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";

  /**
   * The start of tomorrow, server time zone ("Due today or overdue": due before): what is due
   * before it is due today or overdue.
   */
  public static final String START_OF_TOMORROW =
      "${dateTime().plusDays(1).withTimeAtStartOfDay().toDate()}";

  static final Set<String> ALLOWED = Set.of(CURRENT_USER, CURRENT_USER_GROUPS, START_OF_TOMORROW);

  private FilterExpressions() {}
}
