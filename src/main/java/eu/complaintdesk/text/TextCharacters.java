package eu.complaintdesk.text;

/**
 * Which characters a customer's or a clerk's text may hold: those of XML 1.0 (letters are rendered
 * as XHTML, PostgreSQL refuses NUL). Control characters other than TAB, LF and CR, the C1 controls,
 * unpaired surrogates and U+FFFE/U+FFFF are not text.
 */
public final class TextCharacters {

  private TextCharacters() {}

  /** Whether every character of the text may be kept; {@code null} counts as allowed. */
  public static boolean allowed(String text) {
    return text == null || firstRefused(text) < 0;
  }

  /** The index of the first character that is not text, or -1. */
  public static int firstRefused(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (!allowed(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The text without the characters that are not text; {@code null} stays {@code null}. */
  public static String strip(String text) {
    if (text == null || firstRefused(text) < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (allowed(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean allowed(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return true;
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return false;
    }
    return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
  }
}
