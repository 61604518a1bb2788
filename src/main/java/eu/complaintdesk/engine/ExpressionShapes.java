package eu.complaintdesk.engine;

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
   * Whether the text is free of expressions, or is exactly one expression of an allowed shape.
   * Literal text beside an expression is refused: JUEL would turn whatever the name reaches into
   * text ({@code "env: ${systemEnvironment}"} once printed the server's environment), and our
   * models never mix them.
   */
  static boolean allowed(String text) {
    if (text == null) {
      return true;
    }
    if (text.contains("#{")) {
      return false;
    }
    return !text.contains("${") || ALLOWED.matcher(text.strip()).matches();
  }
}
