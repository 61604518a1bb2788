package eu.complaintdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.engine.TaskInput;
import org.junit.jupiter.api.Test;

/** How a long reply e-mail is cut for the engine's variable (its pieces: text/TextPiecesTest). */
class InquiryReplyTextsTest {

  @Test
  void engineVariableTakesAtMostWhatTheEngineStoresWithoutControlCharacters() {
    String reply = InquiryReplies.engineText("x".repeat(6_000));
    assertThat(reply).hasSize(TaskInput.MAX_TEXT).endsWith("…");
    assertThat(InquiryReplies.engineText("Atbilde\u0000 ar\u0007 zīmēm "))
        .isEqualTo("Atbilde ar zīmēm");
    assertThat(InquiryReplies.engineText("Īsa atbilde")).isEqualTo("Īsa atbilde");
  }
}
