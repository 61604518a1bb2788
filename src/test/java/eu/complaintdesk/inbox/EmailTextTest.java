package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.Language;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailTextTest {

  @Test
  void accessCodeQuotedFromOurAcknowledgementIsMasked() {
    String reply =
        "Pielieku skaitītāja fotoattēlu.\n\n"
            + "> Jūsu piekļuves kods: K7PXM3QR9TAB\n"
            + "> Ar cieņu, AS RĪGAS SILTUMS";

    assertThat(EmailComplaints.text(email(reply)))
        .isEqualTo(
            "Pielieku skaitītāja fotoattēlu.\n\n"
                + "> Jūsu piekļuves kods: "
                + NotificationService.MASK
                + "\n> Ar cieņu, AS RĪGAS SILTUMS");
  }

  @Test
  void surveyLinkQuotedFromOurInvitationIsMasked() {
    String reply =
        "Aptauja neatveras.\n\n"
            + "> https://klienti.example.lv/surveys/q3Zx_8-KpL0aBcDeFgHiJkLmNoPqRsTu\n"
            + "> <https://klienti.example.lv/surveys/AbCdEfGhJkMnPqRsTuVwXyZ23456789a>";

    assertThat(EmailComplaints.text(email(reply)))
        .isEqualTo(
            "Aptauja neatveras.\n\n"
                + "> https://klienti.example.lv/surveys/"
                + NotificationService.MASK
                + "\n> <https://klienti.example.lv/surveys/"
                + NotificationService.MASK
                + ">");
  }

  @Test
  void ordinaryWordsNumbersAndLongerCodesAreKept() {
    String text = "Rēķins Nr. 2026-000042, konts LV80BANK0000435195001, DARBINIEKS, 123456789012";

    assertThat(EmailComplaints.text(email(text))).isEqualTo(text);
  }

  @Test
  void emptyTextIsSaidToBeEmpty() {
    assertThat(EmailComplaints.text(email("  "))).isEqualTo(EmailComplaints.NO_TEXT);
  }

  private static IncomingEmail email(String text) {
    return new IncomingEmail(
        "k",
        "a@example.lv",
        null,
        "Re",
        text,
        Language.lv,
        List.of(),
        Instant.EPOCH,
        List.of(),
        false);
  }
}
