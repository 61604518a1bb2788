package eu.complaintdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Customers' text in the Markdown of task forms shows as written and can make no markup. */
class MarkdownTest {

  @Test
  void longTextIsSplitIntoPiecesThatJoinedAreTheTextAndNeverSplitACharacter() {
    String escaped = Markdown.text("<;😀 ".repeat(2_000)); // 4 000 chars, escaped far longer
    List<String> pieces = Markdown.pieces(escaped, 5);

    assertThat(pieces).hasSize(5).allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(4_000));
    assertThat(String.join("", pieces)).isEqualTo(escaped);
    for (String piece : pieces) {
      if (!piece.isEmpty()) {
        assertThat(Character.isLowSurrogate(piece.charAt(0))).isFalse();
        assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isFalse();
      }
    }
    assertThat(Markdown.pieces("short", 3)).containsExactly("short", "", "");
  }

  @Test
  void textLongerThanAllPiecesIsShortenedSayingSoInItsLastPiece() {
    List<String> pieces = Markdown.pieces("a ".repeat(10_000), 2);

    assertThat(pieces.get(0)).hasSize(Markdown.MAX_VARIABLE);
    assertThat(pieces.get(1)).endsWith(Markdown.SHORTENED);
  }

  @Test
  void linksImagesHtmlAndHeadingsAreEscaped() {
    String hostile = "# Big\n![x](https://t.example/p.png) [click](javascript:alert(1)) <b>&</b>";
    assertThat(Markdown.text(hostile))
        .isEqualTo(
            "\\# Big\n\\!\\[x\\]\\(https\\:\\/\\/t\\.example\\/p\\.png\\)"
                + " \\[click\\]\\(javascript\\:alert\\(1\\)\\) &lt;b&gt;&amp;&lt;\\/b&gt;");
  }

  @Test
  void listMarkersCodeAndIndentationAtLineStartsAreEscapedOrDropped() {
    assertThat(Markdown.text("- a\n1. b\n    code\n`x`\n===\n> q"))
        .isEqualTo("\\- a\n1\\. b\ncode\n\\`x\\`\n\\=\\=\\=\n&gt; q");
  }

  @Test
  void aLinkTextCannotCloseTheLinkOrOpenAnother() {
    assertThat(
            Markdown.link(
                "a](https://evil.example) [b.pdf", "/api/staff/complaints/1/attachments/2"))
        .isEqualTo(
            "[a\\]\\(https\\:\\/\\/evil\\.example\\) \\[b\\.pdf](/api/staff/complaints/1/attachments/2)");
  }

  @Test
  void aListItemKeepsItsLinesTogether() {
    assertThat(Markdown.indented("first\n\n\nsecond", 100)).isEqualTo("first\n  second");
    assertThat(Markdown.line("one\ntwo  three", 100)).isEqualTo("one two three");
    assertThat(Markdown.line("abcdef", 3)).isEqualTo("abc…");
  }

  @Test
  void aLongValueIsShortenedToFitTheEnginesColumnAndSaysSo() {
    String longText = Markdown.text("word ".repeat(2000));
    String limited = Markdown.limited(longText);
    assertThat(limited.length()).isLessThanOrEqualTo(Markdown.MAX_VARIABLE);
    assertThat(limited).endsWith(Markdown.SHORTENED).startsWith("word word");
    assertThat(Markdown.limited("short")).isEqualTo("short");
  }

  @Test
  void aValueIsNeverCutInsideASurrogatePair() {
    String smile = "\uD83D\uDE00"; // one emoji, two chars
    assertThat(Markdown.line("ab" + smile + "cd", 3)).isEqualTo("ab…");
    assertThat(Markdown.line("ab" + smile + "cd", 4)).isEqualTo("ab" + smile + "…");
    assertThat(Markdown.indented("ab" + smile + "cd", 3)).isEqualTo("ab…");

    String unbroken = "x".repeat(Markdown.MAX_VARIABLE - Markdown.SHORTENED.length() - 1) + smile;
    String limited = Markdown.limited(unbroken + "y".repeat(100));
    assertThat(limited).endsWith("x" + Markdown.SHORTENED);
    assertThat(limited.codePoints().filter(c -> c >= 0xD800 && c <= 0xDFFF)).isEmpty();
  }
}
