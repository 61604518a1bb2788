package eu.complaintdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which characters count as text: those XML 1.0 allows. */
class TextCharactersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Anna\u0000",
        "Anna\u0007 Ozola",
        "\u001b[31m",
        "C1\u0085",
        "DEL\u007f",
        "\uFFFE",
        "\uFFFF",
        "lone \uD800 high",
        "lone \uDC00 low"
      })
  void controlAndXmlInvalidCharactersAreRefusedAndStripped(String text) {
    assertThat(TextCharacters.allowed(text)).isFalse();
    assertThat(TextCharacters.allowed(TextCharacters.strip(text))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Anna Bērziņa",
        "tab\tline\r\nnext",
        "Здравствуйте",
        "emoji \uD83D\uDE00 kept",
        "\u00a0no-break\u00ad"
      })
  void textWithTabLineBreaksAndAnyLetterIsKept(String text) {
    assertThat(TextCharacters.allowed(text)).isTrue();
    assertThat(TextCharacters.strip(text)).isSameAs(text);
  }
}
