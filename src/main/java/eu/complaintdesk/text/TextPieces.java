package eu.complaintdesk.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A long text in pieces the register keeps one to a row: an e-mail's text as a complaint's
 * description and the customer's messages after it (inbox), an organisation's reply e-mail
 * (answer).
 */
public final class TextPieces {

  /** The longest text the register keeps in one row: a description, a message, a reply. */
  public static final int MAX = 10_000;

  private TextPieces() {}

  /**
   * The text in pieces of at most {@link #MAX} characters, never splitting a character (a surrogate
   * pair); an empty text is one empty piece.
   */
  public static List<String> of(String text) {
    List<String> pieces = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int end = Math.min(text.length(), from + MAX);
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(text.substring(from, end));
      from = end;
    }
    if (pieces.isEmpty()) {
      pieces.add(text);
    }
    return pieces;
  }
}
