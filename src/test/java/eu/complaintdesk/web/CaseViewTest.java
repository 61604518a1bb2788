package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.TimelineEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The status page's account of a case, in the customer's words and language. */
class CaseViewTest {

  static final ZoneId RIGA = ZoneId.of("Europe/Riga");
  static final Instant RECEIVED = Instant.parse("2026-03-02T08:15:00Z");

  final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

  {
    messages.setBasename("web/messages");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
  }

  @Test
  void timelineTellsWhatHappenedInThePageLanguageAndLeavesOutStaffEvents() {
    List<TimelineEntry> timeline =
        List.of(
            entry("REGISTERED", "WEB_FORM", true),
            entry("MESSAGE_SENT", "ACKNOWLEDGEMENT via EMAIL", true),
            entry("CLASSIFIED", "BILLING / SERVICE_COMPLAINT", false),
            entry("AWAITING_INFORMATION", "Waiting for the customer", true),
            entry("CUSTOMER_MESSAGE", null, true),
            entry("ATTACHMENT_RECEIVED", "skaititajs.jpg", true),
            entry(
                "ATTACHMENT_REFUSED",
                "programma.exe: the content is not a PDF, JPEG or PNG file",
                true),
            entry("REGISTERED", "Information supplied", true),
            entry("DEADLINE_EXTENDED", "2026-03-30T16:00:00Z: Asked the meter operator", true),
            entry("SURVEY_ANSWERED", "score 4", true));

    CaseView view =
        CaseView.of(
            complaint(ComplaintStatus.IN_PROGRESS),
            timeline,
            LocalDate.of(2026, 3, 30),
            RIGA,
            messages,
            Locale.forLanguageTag("lv"));

    assertThat(view.timeline())
        .extracting(CaseView.Event::text)
        .containsExactly(
            "Iesniegums saņemts un reģistrēts",
            "Jums nosūtīts: saņemšanas apstiprinājums",
            "Lūdzām jums sniegt papildu informāciju",
            "Saņemta jūsu ziņa",
            "Saņemts fails: skaititajs.jpg",
            "Failu nevarējām pieņemt: programma.exe",
            "Saņemta trūkstošā informācija, izskatīšana turpinās",
            "Atbildes termiņš pagarināts, jaunais termiņš: 2026. gada 30. marts",
            "Saņemts jūsu vērtējums: 4 no 5");
    assertThat(view.timeline().get(0).at()).isEqualTo("2026. gada 2. marts, 10:15");
    assertThat(view.statusLabel()).isEqualTo("Tiek izskatīts");
    assertThat(view.typeLabel()).isEqualTo("Sūdzība par pakalpojumu");
    assertThat(view.open()).isTrue();
  }

  @Test
  void finishedCaseCannotBeWithdrawnAndUndecidedTypeSaysSo() {
    Complaint withdrawn =
        new Complaint(
            1,
            "2026-000001",
            Channel.WEB_FORM,
            Language.ru,
            "Ольга",
            null,
            null,
            null,
            null,
            PreferredContact.POST,
            "Тема",
            "Описание",
            null,
            null,
            RECEIVED,
            null,
            false,
            null,
            ComplaintStatus.WITHDRAWN,
            null,
            null,
            null,
            false,
            "pi",
            null,
            null,
            null,
            null,
            null);

    CaseView view =
        CaseView.of(withdrawn, List.of(), null, RIGA, messages, Locale.forLanguageTag("ru"));

    assertThat(view.open()).isFalse();
    assertThat(view.typeLabel()).isEqualTo("Ещё определяется");
    assertThat(view.statusLabel()).isEqualTo("Отозвано");
    assertThat(view.responseDue()).isNull();
  }

  private static TimelineEntry entry(String type, String detail, boolean visible) {
    return new TimelineEntry(RECEIVED, type, "system", detail, visible);
  }

  private static Complaint complaint(ComplaintStatus status) {
    return new Complaint(
        1,
        "2026-000001",
        Channel.WEB_FORM,
        Language.lv,
        "Jānis",
        "janis@example.lv",
        null,
        null,
        null,
        PreferredContact.EMAIL,
        "Rēķins",
        "Apraksts",
        null,
        null,
        RECEIVED,
        Instant.parse("2026-03-30T16:00:00Z"),
        true,
        null,
        status,
        "SERVICE_COMPLAINT",
        "BILLING",
        "NORMAL",
        false,
        "pi",
        null,
        null,
        null,
        null,
        null);
  }
}
