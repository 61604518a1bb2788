package eu.complaintdesk.tasklist;

import java.util.ArrayList;
import java.util.List;

/**
 * Text for the Markdown of Tasklist's text views. The bundled form-js inserts template values as
 * they are (no escaping), renders the result with marked (GFM, line breaks kept) and then drops all
 * but a few tags and attributes. So a customer's text must not be able to make a link, an image, a
 * heading or any HTML: every ASCII punctuation character is escaped, {@code & < > "} as HTML
 * entities and the rest with a backslash.
 */
final class Markdown {

  /** What the engine stores in a string variable (its text column holds 4,000 characters). */
  static final int MAX_VARIABLE = 3800;

  static final String SHORTENED = "\n\n*… shortened: the case file has it all.*";

  private Markdown() {}

  /** The text shown literally; line breaks kept, leading blanks of a line dropped. */
  static String text(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        out.append('\n');
        lineStart = true;
        continue;
      }
      if (lineStart && Character.isWhitespace(c)) {
        continue;
      }
      lineStart = false;
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\t' -> out.append(' ');
        default -> {
          if (c < 128 && isPunctuation(c)) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString().strip();
  }

  /** The text on one line (for list items and link texts), at most {@code max} characters. */
  static String line(String value, int max) {
    if (value == null) {
      return "";
    }
    String oneLine = value.replaceAll("\\s+", " ").strip();
    if (oneLine.length() > max) {
      oneLine = oneLine.substring(0, cut(oneLine, max)).strip() + "…";
    }
    return text(oneLine);
  }

  /**
   * The text as a paragraph inside a list item: blank lines dropped (they would end the list) and
   * following lines indented, at most {@code max} characters.
   */
  static String indented(String value, int max) {
    if (value == null || value.isBlank()) {
      return "";
    }
    String shown = value.strip();
    if (shown.length() > max) {
      shown = shown.substring(0, cut(shown, max)).strip() + "…";
    }
    return text(shown).replaceAll("\n+", "\n  ");
  }

  /** A link whose text is escaped; the address is ours (a path on this server). */
  static String link(String text, String href) {
    return "[" + line(text, 200) + "](" + href + ")";
  }

  /**
   * At most {@link #MAX_VARIABLE} characters, cut at a line break or a blank where one is near, and
   * saying so.
   */
  static String limited(String markdown) {
    if (markdown.length() <= MAX_VARIABLE) {
      return markdown;
    }
    int end = MAX_VARIABLE - SHORTENED.length();
    int cut = Math.max(markdown.lastIndexOf('\n', end), markdown.lastIndexOf(' ', end));
    if (cut <= end / 2) {
      cut = cut(markdown, end); // a cut escape only shows its characters: it cannot make markup
    }
    return markdown.substring(0, cut).strip() + SHORTENED;
  }

  /**
   * The value in {@code count} pieces of at most {@link #MAX_VARIABLE} characters each, for a form
   * that shows them one after the other ({@code {{a}}{{a2}}…}): joined, they are the value (a piece
   * may end inside an escape; joined it is whole again). Unused pieces are empty; only a value
   * longer than all pieces together is shortened, saying so, in its last piece.
   */
  static List<String> pieces(String markdown, int count) {
    List<String> pieces = new ArrayList<>(count);
    int from = 0;
    while (pieces.size() < count - 1 && markdown.length() - from > MAX_VARIABLE) {
      int to = cut(markdown, from + MAX_VARIABLE);
      pieces.add(markdown.substring(from, to));
      from = to;
    }
    pieces.add(limited(markdown.substring(from)));
    while (pieces.size() < count) {
      pieces.add("");
    }
    return pieces;
  }

  /**
   * Where to cut the value to keep at most {@code at} characters: never inside a surrogate pair.
   */
  private static int cut(String value, int at) {
    return at > 0
            && at < value.length()
            && Character.isHighSurrogate(value.charAt(at - 1))
            && Character.isLowSurrogate(value.charAt(at))
        ? at - 1
        : at;
  }

  private static boolean isPunctuation(char c) {
    return (c >= '!' && c <= '/')
        || (c >= ':' && c <= '@')
        || (c >= '[' && c <= '`')
        || (c >= '{' && c <= '~');
  }
}
