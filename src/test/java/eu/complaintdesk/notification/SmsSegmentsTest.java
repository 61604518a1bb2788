package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.notification.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

/** GSM-7 160/153 and UCS-2 70/67, as operators bill them. */
class SmsSegmentsTest {

  @Test
  void plainEnglishIsGsm7Of160ThenSegmentsOf153() {
    assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
    assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(Encoding.GSM_7, 161, 2));
    assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
    assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    assertThat(SmsSegments.of("No. 2026-000123: https://desk.example/status?x=1_2 @£$¥ÄÖÑÜ§¿"))
        .extracting(SmsSegments::encoding)
        .isEqualTo(Encoding.GSM_7);
  }

  @Test
  void extensionCharactersCountTwoAndAreNotSplit() {
    assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM_7, 160, 1));
    assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
    // 152 plain and one escape pair: 154 septets; the pair goes whole to the second segment
    String text = "a".repeat(152) + "[" + "a".repeat(7);
    assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments(Encoding.GSM_7, 161, 2));
    assertThat(SmsSegments.of("a".repeat(152) + "[" + "a".repeat(152)).segments()).isEqualTo(3);
  }

  @Test
  void latvianLithuanianAndRussianAreUcs2Of70ThenSegmentsOf67() {
    assertThat(SmsSegments.of("ā".repeat(70))).isEqualTo(new SmsSegments(Encoding.UCS_2, 70, 1));
    assertThat(SmsSegments.of("ž".repeat(71))).isEqualTo(new SmsSegments(Encoding.UCS_2, 71, 2));
    assertThat(SmsSegments.of("ж".repeat(134)).segments()).isEqualTo(2);
    assertThat(SmsSegments.of("ж".repeat(135)).segments()).isEqualTo(3);
    // one character outside GSM-7 makes the whole text UCS-2
    assertThat(SmsSegments.of("a".repeat(100) + "ē"))
        .isEqualTo(new SmsSegments(Encoding.UCS_2, 101, 2));
    // the acknowledgement's body by SMS: seven segments, what issue 14 found
    assertThat(SmsSegments.of("š".repeat(440)).segments()).isEqualTo(7);
  }

  @Test
  void aSurrogatePairIsNotSplitBetweenSegments() {
    String text = "ā".repeat(66) + "😀" + "ā".repeat(10);
    assertThat(SmsSegments.of(text)).isEqualTo(new SmsSegments(Encoding.UCS_2, 78, 2));
    String tight = "ā".repeat(66) + "😀" + "ā".repeat(66);
    assertThat(SmsSegments.of(tight).segments()).isEqualTo(3);
  }
}
