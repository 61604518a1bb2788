package eu.complaintdesk.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadsTest {

  @Test
  void plainNameForCurlAndTheRealNameForBrowsers() {
    assertThat(Downloads.attachment("rēķins par 2026.pdf"))
        .isEqualTo(
            "attachment; filename=\"rekins par 2026.pdf\";"
                + " filename*=UTF-8''r%C4%93%C4%B7ins%20par%202026.pdf");
  }

  @Test
  void lettersWithoutAnAsciiFormAndQuotesBecomeUnderscores() {
    assertThat(Downloads.attachment("счёт \"1\".pdf"))
        .contains("filename=\"____ _1_.pdf\"")
        .contains("filename*=UTF-8''%D1%81%D1%87%D1%91%D1%82%20%221%22.pdf");
  }
}
