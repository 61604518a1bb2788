package eu.complaintdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.engine.TaskInput;
import org.junit.jupiter.api.Test;

/** How a long reply e-mail is kept: in the register's pieces, and cut for the engine's variable. */
class InquiryReplyTextsTest {

  @Test
  void longTextIsKeptInPiecesOfTheRegistersSizeWithoutSplittingACharacter() {
    String text = "a".repeat(InquiryReplies.MAX_TEXT - 1) + "😀" + "b".repeat(5);

    var pieces = InquiryReplies.pieces(text);

    assertThat(pieces).hasSize(2);
    assertThat(pieces.get(0)).hasSize(InquiryReplies.MAX_TEXT - 1);
    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(InquiryReplies.pieces("kurz")).containsExactly("kurz");
  }

  @Test
  void engineVariableTakesAtMostWhatTheEngineStoresWithoutControlCharacters() {
    String reply = InquiryReplies.engineText("x".repeat(6_000));
    assertThat(reply).hasSize(TaskInput.MAX_TEXT).endsWith("…");
    assertThat(InquiryReplies.engineText("Atbilde\u0000 ar\u0007 zīmēm "))
        .isEqualTo("Atbilde ar zīmēm");
    assertThat(InquiryReplies.engineText("Īsa atbilde")).isEqualTo("Īsa atbilde");
  }
}
