package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import eu.complaintdesk.answer.AnswerDraft;
import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.attachment.AttachmentInfo;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.stafflanguage.StaffLanguage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The case facts of a task form in the staff language: labels, code words and counted texts from
 * the staff bundle (plural forms by the language's rules), the draft form's outcome label; the
 * customer's own values as given. English stays as the forms have always shown it.
 */
class CaseFactsLanguageTest {

  static final Instant RECEIVED = Instant.parse("2026-11-24T08:00:00Z");
  static final long ID = 41;

  /** The facts of a review task of a case with this many timeline entries, in the language. */
  static Map<String, Object> reviewFacts(Language language, int timelineEntries) {
    Complaint complaint =
        new Complaint(
            ID,
            "2026-000041",
            Channel.EMAIL,
            Language.lv,
            "Anna Ozola",
            "anna@example.lv",
            "+371 20000001",
            "C-77",
            "Rīga, Elizabetes iela 2",
            PreferredContact.EMAIL,
            "Rēķins",
            "Apraksts",
            null,
            null,
            RECEIVED,
            Instant.parse("2026-12-09T21:59:00Z"),
            true,
            null,
            ComplaintStatus.IN_PROGRESS,
            "SERVICE_COMPLAINT",
            "BILLING",
            "NORMAL",
            true,
            "pi-1",
            null,
            null,
            null,
            null,
            null);
    AnswerDraft draft =
        new AnswerDraft(
            7,
            "Labdien!",
            "PARTIALLY_UPHELD",
            "Rēķins daļēji pareizs",
            "handler",
            RECEIVED.plus(1, ChronoUnit.DAYS),
            null,
            null,
            null,
            null);
    List<TimelineEntry> timeline = new ArrayList<>();
    for (int i = 0; i < timelineEntries; i++) {
      timeline.add(
          new TimelineEntry(
              RECEIVED.plus(i, ChronoUnit.MINUTES), "REGISTERED", "system", null, true));
    }
    ComplaintRegister register = mock(ComplaintRegister.class);
    when(register.find(ID)).thenReturn(Optional.of(complaint));
    when(register.timeline(ID)).thenReturn(timeline);
    AnswerDrafts drafts = mock(AnswerDrafts.class);
    when(drafts.latest(ID)).thenReturn(Optional.of(draft));
    when(drafts.list(ID)).thenReturn(List.of(draft));
    CustomerMessages messages = mock(CustomerMessages.class);
    when(messages.list(ID)).thenReturn(List.of());
    AttachmentService attachments = mock(AttachmentService.class);
    when(attachments.list(ID))
        .thenReturn(
            List.of(
                new AttachmentInfo(
                    1, ID, null, "rekins.pdf", "application/pdf", 500, "x", RECEIVED),
                new AttachmentInfo(2, ID, 3L, "foto.png", "image/png", 1, "y", RECEIVED)));
    WorkingCalendar calendar = mock(WorkingCalendar.class);
    when(calendar.zone()).thenReturn(ZoneId.of("Europe/Riga"));
    StaffLanguage staff = mock(StaffLanguage.class);
    when(staff.language()).thenReturn(language);
    CaseFacts facts =
        new CaseFacts(
            register,
            drafts,
            messages,
            attachments,
            calendar,
            Clock.fixed(RECEIVED, ZoneId.of("UTC")),
            staff);
    return facts.of(ID, ComplaintProcess.TASK_REVIEW_ANSWER, Map.of(DRAFT_ID, 7L));
  }

  @Test
  void latvian() {
    Map<String, Object> facts = reviewFacts(Language.lv, 16);
    assertThat((String) facts.get(CaseFacts.CUSTOMER))
        .contains(
            "- **Vārds, uzvārds vai nosaukums:** Anna Ozola · klienta numurs C\\-77",
            "- **Saziņa:** e-pasts anna\\@example\\.lv · tālrunis \\+371 20000001 · adrese ",
            "- **Vēlamais saziņas veids:** E-pasts · valoda: latviešu");
    assertThat((String) facts.get(CaseFacts.DATES))
        .contains(
            "- **Kanāls:** E-pasts · **saņemts** 24.11.2026. 10:00",
            "- **Atbildes termiņš:** 09.12.2026. (pagarināts)",
            "- **Statuss:** Tiek izskatīts · **atkārtota sūdzība**");
    assertThat((String) facts.get(CaseFacts.ATTACHMENTS))
        .contains("500 B, ", "kopā ar iesniegumu)", "1 B, ", "kopā ar ziņu)");
    assertThat((String) facts.get(CaseFacts.TIMELINE))
        .contains("· **Reģistrēts** ·", "- … vēl 1 agrāks ieraksts lietas materiālos");
    assertThat((String) facts.get(CaseFacts.DRAFTS))
        .contains(
            "sagatavoja handler, ierosinātais lēmums – Daļēji apmierināts: Labdien\\!",
            "*Iemesli:* ",
            "*Pārbaude:* vēl nav pārbaudīts");
    assertThat(facts.get(CaseFacts.DRAFT_OUTCOME)).isEqualTo("Apmierināt daļēji");
    assertThat(facts.get(CaseFacts.AS_OF)).isEqualTo("24.11.2026. 10:00");
    assertThat(facts.values().stream().map(String::valueOf))
        .allSatisfy(
            text ->
                assertThat(text)
                    .doesNotContain(
                        "Name",
                        "Contact",
                        "received",
                        "earlier",
                        "none",
                        "proposed",
                        "Review",
                        "REGISTERED",
                        "IN_PROGRESS",
                        "PARTIALLY"));
  }

  @Test
  void russian() {
    Map<String, Object> facts = reviewFacts(Language.ru, 20);
    assertThat((String) facts.get(CaseFacts.CUSTOMER))
        .contains(
            "- **Имя и фамилия или название:** Anna Ozola · номер клиента C\\-77",
            "- **Контакты:** эл. почта anna\\@example\\.lv · телефон ",
            "- **Предпочтительный способ связи:** Электронная почта · язык: латышский");
    assertThat((String) facts.get(CaseFacts.DATES))
        .contains(
            "- **Канал:** Электронная почта · **поступило** 24.11.2026 10:00",
            "- **Срок ответа:** 09.12.2026 (продлён)",
            "· **повторная жалоба**");
    assertThat((String) facts.get(CaseFacts.ATTACHMENTS))
        .contains("500 Б, ", "вместе с обращением)", "вместе с сообщением)");
    assertThat((String) facts.get(CaseFacts.TIMELINE))
        .contains("- … ещё 5 более ранних записей в материалах дела");
    assertThat((String) facts.get(CaseFacts.DRAFTS))
        .contains(
            "подготовил(а) handler, предлагаемое решение – Удовлетворено частично:",
            "*Проверка:* ещё не проверен");
    assertThat(reviewFacts(Language.ru, 17).get(CaseFacts.TIMELINE).toString())
        .contains("- … ещё 2 более ранние записи в материалах дела");
    assertThat(reviewFacts(Language.ru, 36).get(CaseFacts.TIMELINE).toString())
        .contains("- … ещё 21 более ранняя запись в материалах дела");
  }

  @Test
  void lithuanian() {
    Map<String, Object> facts = reviewFacts(Language.lt, 26);
    assertThat((String) facts.get(CaseFacts.CUSTOMER))
        .contains(
            "- **Vardas ir pavardė arba pavadinimas:** Anna Ozola · kliento numeris C\\-77",
            "- **Kontaktai:** el. paštas anna\\@example\\.lv · telefonas ",
            "- **Pageidaujamas susisiekimo būdas:** El. paštas · kalba: latvių");
    assertThat((String) facts.get(CaseFacts.DATES))
        .contains(
            "- **Kanalas:** El. paštas · **gauta** 2026-11-24 10:00",
            "- **Atsakymo terminas:** 2026-12-09 (pratęstas)",
            "· **pakartotinis skundas**");
    assertThat((String) facts.get(CaseFacts.ATTACHMENTS))
        .contains("500 B, ", "kartu su kreipimusi)", "kartu su žinute)");
    assertThat((String) facts.get(CaseFacts.TIMELINE))
        .contains("- … dar 11 ankstesnių įrašų bylos medžiagoje");
    assertThat(reviewFacts(Language.lt, 18).get(CaseFacts.TIMELINE).toString())
        .contains("- … dar 3 ankstesni įrašai bylos medžiagoje");
    assertThat(reviewFacts(Language.lt, 36).get(CaseFacts.TIMELINE).toString())
        .contains("- … dar 21 ankstesnis įrašas bylos medžiagoje");
    assertThat((String) facts.get(CaseFacts.DRAFTS))
        .contains("parengė handler, siūlomas sprendimas – Patenkintas iš dalies:");
  }

  @Test
  void englishAsBefore() {
    Map<String, Object> facts = reviewFacts(Language.en, 16);
    assertThat(facts.get(CaseFacts.CUSTOMER))
        .isEqualTo(
            "- **Name:** Anna Ozola · customer number C\\-77\n"
                + "- **Contact:** e-mail anna\\@example\\.lv · phone \\+371 20000001"
                + " · address Rīga\\, Elizabetes iela 2\n"
                + "- **Prefers:** EMAIL · language lv");
    assertThat(facts.get(CaseFacts.DATES))
        .isEqualTo(
            "- **Channel:** EMAIL · **received** 2026-11-24 10:00\n"
                + "- **Answer due:** 2026-12-09 (extended)\n"
                + "- **Status:** IN_PROGRESS · **repeat complaint**");
    assertThat((String) facts.get(CaseFacts.ATTACHMENTS))
        .contains("500 bytes, ", ", with the submission)", "1 byte, ", ", with a message)");
    assertThat((String) facts.get(CaseFacts.TIMELINE))
        .contains("· **REGISTERED** · system")
        .endsWith("- … 1 earlier entry in the case file");
    assertThat(reviewFacts(Language.en, 1015 + 15).get(CaseFacts.TIMELINE).toString())
        .endsWith("- … 1015 earlier entries in the case file");
    assertThat((String) facts.get(CaseFacts.DRAFTS))
        .startsWith("- **2026-11-25 10:00** by handler, proposed PARTIALLY\\_UPHELD: Labdien\\!")
        .endsWith("\n  *Review:* not reviewed yet");
    assertThat(facts.get(CaseFacts.DRAFT_OUTCOME)).isEqualTo("Partially upheld");
  }
}
