package eu.complaintdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a long text is kept: in pieces of the register's size, never splitting a character. */
class TextPiecesTest {

  @Test
  void longTextIsKeptInPiecesOfTheRegistersSizeWithoutSplittingACharacter() {
    String text = "a".repeat(TextPieces.MAX - 1) + "😀" + "b".repeat(5);

    var pieces = TextPieces.of(text);

    assertThat(pieces).hasSize(2);
    assertThat(pieces.get(0)).hasSize(TextPieces.MAX - 1);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(TextPieces.of("kurz")).containsExactly("kurz");
    assertThat(TextPieces.of("")).containsExactly("");
  }

  @Test
  void aTextOfExactlyTheSizeIsOnePieceAndOneMoreCharacterTwo() {
    assertThat(TextPieces.of("x".repeat(TextPieces.MAX))).hasSize(1);
    assertThat(TextPieces.of("x".repeat(TextPieces.MAX + 1)))
        .extracting(String::length)
        .containsExactly(TextPieces.MAX, 1);
  }
}
