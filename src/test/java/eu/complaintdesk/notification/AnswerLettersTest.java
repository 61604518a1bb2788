package eu.complaintdesk.notification;

import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.PostgresTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Answer letters as PDF, read back with PDFBox. */
@SpringJUnitConfig({PostgresTestConfiguration.class, RecordingDelivery.class})
@TestPropertySource(
    properties = {
      "complaints.organisation.name=AS Rīgas siltums",
      "complaints.organisation.address=Cēsu iela 3A, Rīga, LV-1012",
      "complaints.organisation.registration-code=40003286750",
      "complaints.organisation.phone=+371 80000090",
      "complaints.organisation.email=siltums@rs.lv",
      "complaints.organisation.website=www.rs.lv"
    })
class AnswerLettersTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired AnswerLetters letters;
  @Autowired RegisterAnonymisation registerAnonymisation;
  @Autowired ComplaintRegister register;
  @Autowired AnswerDrafts drafts;
  @Autowired DataSource dataSource;
  @Autowired MutableClock clock;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
    clock.set(NOW);
  }

  static Stream<Arguments> languages() {
    return Stream.of(
        Arguments.of(
            Language.lv,
            "atbilde-",
            List.of(
                "Atbilde uz iesniegumu",
                "Saņemts 09.03.2026",
                "Atbildes datums 10.03.2026",
                "Lēmums",
                "Jūsu sūdzība ir atzīta par nepamatotu.",
                "Pamatojums",
                "Ja nepiekrītat šai atbildei",
                "Ar cieņu")),
        Arguments.of(
            Language.ru,
            "otvet-",
            List.of(
                "Ответ на обращение",
                "Получено 09.03.2026",
                "Дата ответа 10.03.2026",
                "Решение",
                "Ваша жалоба признана необоснованной.",
                "Обоснование",
                "Если Вы не согласны с этим ответом",
                "С уважением,")),
        Arguments.of(
            Language.lt,
            "atsakymas-",
            List.of(
                "Atsakymas į kreipimąsi",
                "Gauta 2026-03-09",
                "Atsakymo data 2026-03-10",
                "Sprendimas",
                "Jūsų skundas pripažintas nepagrįstu.",
                "Motyvai",
                "Jei nesutinkate su šiuo atsakymu",
                "Pagarbiai",
                "Įm. kodas 40003286750")),
        Arguments.of(
            Language.en,
            "answer-",
            List.of(
                "Answer to your submission",
                "Received 9 March 2026",
                "Date of answer 10 March 2026",
                "Decision",
                "Your complaint has not been upheld.",
                "Reasons",
                "If you disagree with this answer, you may turn to:",
                "Kind regards,")));
  }

  @ParameterizedTest
  @MethodSource("languages")
  void letterIsInTheCustomerLanguageWithLetterheadDecisionReasonsAndAppealNotice(
      Language language, String filePrefix, List<String> expected) throws IOException {
    long id = answeredComplaint(language, "REJECTED", "Rādījumi pārbaudīti; Žanna; Ščerbakova");

    long letterId =
        letters.create(
            id,
            "Sabiedrisko pakalpojumu regulēšanas komisija",
            "Ūnijas iela 45, Rīga; +371 67097200",
            "answer-job");

    AnswerLetters.Letter letter = letters.find(id, letterId).orElseThrow();
    Path review = Path.of("target", "letters", "answer-" + language + ".pdf");
    Files.createDirectories(review.getParent());
    Files.write(review, letter.content()); // for a look by a person
    assertThat(letter.fileName()).startsWith(filePrefix).endsWith(".pdf");
    String text = text(letter.content());
    assertThat(text)
        .contains(expected)
        .contains(
            "AS Rīgas siltums",
            "Cēsu iela 3A, Rīga, LV-1012",
            "40003286750",
            "siltums@rs.lv",
            "Anna Bērziņa",
            "2026-000001",
            "Skaitītājs ir nomainīts, rēķins pārrēķināts.",
            "Rādījumi pārbaudīti; Žanna; Ščerbakova",
            "Sabiedrisko pakalpojumu regulēšanas komisija",
            "Ūnijas iela 45, Rīga; +371 67097200");
    assertThat(fonts(letter.content())).isNotEmpty().allMatch(name -> name.contains("DejaVuSans"));
  }

  @Test
  void upheldComplaintLetterHasNeitherReasonsNorAppealNotice() throws IOException {
    long id = answeredComplaint(Language.en, "UPHELD", null);

    long letterId = letters.create(id, null, null, "answer-job");

    String text = text(letters.find(id, letterId).orElseThrow().content());
    assertThat(text)
        .contains("Your complaint has been upheld.")
        .doesNotContain("Reasons", "If you do not agree");
  }

  @Test
  void theSameAnswerStepMakesOneLetterAndOneTimelineEntry() {
    long id = answeredComplaint(Language.lv, "UPHELD", null);

    long first = letters.create(id, null, null, "answer-job");
    long again = letters.create(id, null, null, "answer-job");

    assertThat(again).isEqualTo(first);
    assertThat(letters.letters(id))
        .singleElement()
        .satisfies(l -> assertThat(l.id()).isEqualTo(first));
    assertThat(register.timeline(id))
        .filteredOn(e -> e.type().equals(AnswerLetters.ANSWER_LETTER))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.visibleToCustomer()).isTrue();
              assertThat(e.detail()).isEqualTo(Long.toString(first));
            });
    assertThat(letters.find(id + 1, first)).isEmpty();
  }

  @Test
  void letterRendersWhenStoredTextsHoldControlCharacters() throws IOException {
    String bell = "\u0007";
    long id =
        answeredComplaint(
            Language.en,
            "Anna" + bell + " Ozola\u001b",
            "REJECTED",
            "Reasons\u0085 checked\uFFFF here\uD800",
            "Meter" + bell + " replaced.");

    long letterId = letters.create(id, "Regulator\u0001", "Street\u007f 1", "answer-job");

    String text = text(letters.find(id, letterId).orElseThrow().content());
    assertThat(text)
        .contains("Anna Ozola", "Meter replaced.", "Reasons checked here", "Regulator", "Street 1");
  }

  @Test
  void aLetterMadeWhileTheCaseIsErasedIsNotKept() {
    long id = answeredComplaint(Language.en, "UPHELD", null);
    // the erasure committed while the step made the letter from what it had read
    registerAnonymisation.anonymise(id, "ERASURE");

    letters.create(id, null, null, "answer-job");

    assertThat(letters.letters(id)).isEmpty();
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .doesNotContain(AnswerLetters.ANSWER_LETTER);
  }

  private long answeredComplaint(Language language, String outcome, String reasons) {
    return answeredComplaint(
        language, "Anna Bērziņa", outcome, reasons, "Skaitītājs ir nomainīts, rēķins pārrēķināts.");
  }

  private long answeredComplaint(
      Language language, String name, String outcome, String reasons, String answer) {
    long id =
        register
            .register(
                new NewComplaint(
                    Channel.POST,
                    language,
                    name,
                    null,
                    null,
                    null,
                    "Brīvības iela 1, Rīga",
                    PreferredContact.POST,
                    "Rēķins",
                    "Rēķins par daudz",
                    null,
                    null,
                    RECEIVED,
                    RECEIVED.plusSeconds(14 * 24 * 3600),
                    "registrar"))
            .id();
    long draft = drafts.save(id, answer, outcome, reasons, "handler");
    drafts.review(draft, true, "supervisor", null);
    register.recordAnswer(id, outcome, answer, NOW);
    return id;
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
    }
  }

  private static List<String> fonts(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var resources = document.getPage(0).getResources();
      List<String> names = new ArrayList<>();
      for (var name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        names.add(font.getName());
      }
      return names;
    }
  }
}
