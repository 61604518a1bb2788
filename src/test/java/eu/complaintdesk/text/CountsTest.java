package eu.complaintdesk.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountsTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0 files",
    "1, 1 file",
    "2, 2 files",
    "5, 5 files",
    "11, 11 files",
    "21, 21 files",
    "22, 22 files"
  })
  void englishCountsTakeTheSingularOnlyForOne(long count, String expected) {
    assertThat(Counts.english(count, "file", "files")).isEqualTo(expected);
  }
}
