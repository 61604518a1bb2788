package eu.complaintdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One way to build a page: HTML lives in templates ({@code src/main/resources/templates/}), never
 * in Java strings. Scans the string literals and text blocks of the main code (comments and
 * character literals left out) for HTML markup: a literal that starts with a tag-like {@code <x},
 * {@code </} or {@code <!}, or that holds an HTML element's tag anywhere. {@code notification/} is
 * left out: its e-mail and letter bodies are built from template files and its Message-IDs are
 * {@code <…>}, but it still joins a few tags for letter sections (a later change may move them).
 */
class NoHtmlInJavaTest {

  static final Path MAIN = Path.of("src", "main", "java");
  static final Path EXCLUDED = Path.of("eu", "complaintdesk", "notification");

  /** The brief's rule: a literal that starts like a tag. */
  static final Pattern STARTS_LIKE_A_TAG = Pattern.compile("^<[a-zA-Z/!]");

  /** An HTML element's opening or closing tag, or a doctype, anywhere in a literal. */
  static final Pattern HTML_TAG =
      Pattern.compile(
          "(?i)<(?:!doctype|/?(?:a|abbr|article|aside|b|body|br|button|caption|code|col|dd"
              + "|details|div|dl|dt|em|fieldset|footer|form|h[1-6]|head|header|hr|html|i|iframe"
              + "|img|input|label|legend|li|link|main|meta|nav|ol|optgroup|option|p|pre|script"
              + "|section|select|small|span|strong|style|summary|table|tbody|td|template"
              + "|textarea|tfoot|th|thead|title|tr|u|ul))(?=[\\s>/]|$)");

  @Test
  void mainCodeHoldsNoHtmlInStringLiterals() throws IOException {
    List<String> found = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (MAIN.relativize(file).startsWith(EXCLUDED)) {
          continue;
        }
        scanned++;
        for (String literal : literals(Files.readString(file, StandardCharsets.UTF_8))) {
          if (isMarkup(literal)) {
            found.add(MAIN.relativize(file) + ": \"" + literal.strip() + "\"");
          }
        }
      }
    }
    assertThat(scanned).as("Java files scanned").isGreaterThan(100);
    assertThat(found)
        .as("HTML in Java strings; write a template under src/main/resources/templates/")
        .isEmpty();
  }

  @Test
  void theScanSeesMarkupInLiteralsAndTextBlocksButNotInCommentsOrPlainText() {
    String source =
        """
        class Page {
          // "<p>in a comment</p>"
          /* "<div>" */
          char lt = '<';
          char quote = '"';
          String less = "a < b && c > d";
          String placeholder = "camunda-forms:deployment:<file>.form";
          String messageId = "<" + id + ">";
          String escaped = "say \\"<b>\\"";
          String cell = "<td>";
          String closing = "</li>";
          String link = "see <a href=\\"x\\">";
          String element = "<custom-element";
          String block = \"""
              <!DOCTYPE html>
              \""";
        }
        """;
    List<String> markup = literals(source).stream().filter(NoHtmlInJavaTest::isMarkup).toList();
    assertThat(markup)
        .containsExactly(
            "say \\\"<b>\\\"",
            "<td>",
            "</li>",
            "see <a href=\\\"x\\\">",
            "<custom-element",
            "      <!DOCTYPE html>\n      ");
  }

  static boolean isMarkup(String literal) {
    return STARTS_LIKE_A_TAG.matcher(literal).find() || HTML_TAG.matcher(literal).find();
  }

  /** The contents of the string literals and text blocks of Java source, escapes as written. */
  static List<String> literals(String source) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = lineEnd(source, i);
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        i = skipQuoted(source, i, '\'');
      } else if (source.startsWith("\"\"\"", i)) {
        int start = lineEnd(source, i) + 1;
        int end = closing(source, start, "\"\"\"");
        literals.add(source.substring(Math.min(start, end), end));
        i = end + 3;
      } else if (c == '"') {
        int end = skipQuoted(source, i, '"');
        literals.add(source.substring(i + 1, Math.max(i + 1, end - 1)));
        i = end;
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int lineEnd(String source, int from) {
    int end = source.indexOf('\n', from);
    return end < 0 ? source.length() : end;
  }

  /** The index after the closing quote of the literal opened at {@code from}. */
  private static int skipQuoted(String source, int from, char quote) {
    int i = from + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == quote || c == '\n') {
        return i + 1;
      } else {
        i++;
      }
    }
    return source.length();
  }

  /** The index of the unescaped delimiter closing a text block. */
  private static int closing(String source, int from, String delimiter) {
    int i = from;
    while (i < source.length()) {
      if (source.charAt(i) == '\\') {
        i += 2;
      } else if (source.startsWith(delimiter, i)) {
        return i;
      } else {
        i++;
      }
    }
    return source.length();
  }
}
