package eu.complaintdesk.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only expression shapes a deployed model may contain: those the application's own models use.
 * A JUEL expression can call any public method of any bean or variable it reaches ({@code
 * ${x.getClass().forName(…)}}), so whoever deploys a model with a free expression runs code on the
 * server. These shapes can only read a name: {@code ${name}} (a variable, or a delegate bean that
 * the application itself provides), {@code ${!name}}, and {@code ${name == other}} or {@code ${name
 * == 'LITERAL'}} with a number, {@code true}, {@code false} or {@code null} (also {@code !=, <, >,
 * <=, >=}). No method call, no property path, no function, no {@code #{…}}.
 */
final class ExpressionShapes {

  private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
  private static final String LITERAL =
      "'[^'\\\\]*'|\"[^\"\\\\]*\"|-?[0-9]+(?:\\.[0-9]+)?|true|false|null";
  private static final String OPERATOR = "==|!=|<=|>=|<|>";
  private static final Pattern ALLOWED =
      Pattern.compile(
          "\\$\\{\\s*(?:!\\s*"
              + NAME
              + "|"
              + NAME
              + "(?:\\s*(?:"
              + OPERATOR
              + ")\\s*(?:"
              + NAME
              + "|"
              + LITERAL
              + "))?)\\s*\\}");

  private ExpressionShapes() {}

  /** Whether the text holds an expression at all ({@code ${…}} or {@code #{…}}). */
  static boolean hasExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /**
   * Whether every expression in the text (a value may mix literal text and expressions, as JUEL
   * does) has an allowed shape. Text without expressions is allowed.
   */
  static boolean allowed(String text) {
    if (text == null) {
      return true;
    }
    if (text.contains("#{")) {
      return false;
    }
    int start = text.indexOf("${");
    while (start >= 0) {
      Matcher matcher = ALLOWED.matcher(text).region(start, text.length());
      if (!matcher.lookingAt()) {
        return false;
      }
      start = text.indexOf("${", matcher.end());
    }
    return true;
  }
}
