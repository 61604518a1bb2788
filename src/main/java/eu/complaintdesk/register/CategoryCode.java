package eu.complaintdesk.register;

import java.util.regex.Pattern;

/**
 * Categories are open-ended: the contract's codes (BILLING, SUPPLY_INTERRUPTION, ...) or an
 * organisation's own in the same form.
 */
public final class CategoryCode {

  public static final String REGEX = "[A-Z][A-Z0-9_]{1,39}";

  private static final Pattern PATTERN = Pattern.compile(REGEX);

  private CategoryCode() {}

  public static boolean isValid(String code) {
    return code != null && PATTERN.matcher(code).matches();
  }
}
