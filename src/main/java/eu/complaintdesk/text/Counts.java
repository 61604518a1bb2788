package eu.complaintdesk.text;

import com.ibm.icu.text.PluralRules;
import java.util.Locale;

/**
 * A count and its noun in the English texts built in Java (the API's problem details, staff facts):
 * "1 file", "2 files", by English plural rules (issue 14). Texts in the customer's or the staff's
 * language use {@code {count, plural, …}} in their message files instead.
 */
public final class Counts {

  private static final PluralRules ENGLISH = PluralRules.forLocale(Locale.ENGLISH);

  private Counts() {}

  /** {@code count} with {@code one} when English says "1 file", else with {@code other}. */
  public static String english(long count, String one, String other) {
    return count + " " + (PluralRules.KEYWORD_ONE.equals(ENGLISH.select(count)) ? one : other);
  }
}
