package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Language;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class NotificationTemplatesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final NotificationTemplates templates =
      new NotificationTemplates(
          new String[] {"classpath:notifications/messages"},
          new WorkingCalendar(CalendarProperties.defaults()));

  /** Everything a caller may pass, as the service would: complaint facts plus parameters. */
  private static Map<String, Object> allValues() {
    Map<String, Object> values = new HashMap<>();
    values.put("registrationNumber", "2026-000042");
    values.put("receivedDate", Instant.parse("2026-11-22T22:30:00Z")); // 23 Nov in Riga
    values.put("responseDueDate", Instant.parse("2026-12-07T16:00:00Z"));
    values.put("newDueDate", Instant.parse("2026-12-21T16:00:00Z"));
    values.put("extensionReason", "Gaidām informāciju no AS Sadales tīkls");
    values.put("customerName", "Anna Bērziņa");
    values.put("subject", "Radiators ir auksts");
    values.put("organisationName", "AS Rīgas siltums");
    values.put("missingInformation", List.of("Skaitītāja rādījums", "Rēķina numurs"));
    values.put("informationDueDate", Date.from(Instant.parse("2026-12-01T16:00:00Z")));
    values.put("outcome", "PARTIALLY_UPHELD");
    values.put("answer", "Rēķins tiks pārrēķināts.");
    values.put("refusalReasons", "Daļa prasījuma nav pamatota.");
    values.put("authorityName", "Sabiedrisko pakalpojumu regulēšanas komisija");
    values.put("authorityContacts", "Ūnijas iela 45, Rīga, sprk@sprk.gov.lv");
    values.put("surveyLink", "https://desk.example/survey/abc_DEF-123");
    values.put("surveyExpiresDate", LocalDate.of(2026, 12, 31));
    values.put("recipientOrganisation", "AS Sadales tīkls");
    values.put("groupId", "handlers");
    values.put("accessCode", "K7M2-QX9P");
    values.put("statusLink", "https://desk.example/status");
    values.put("statusPage", "https://desk.example/status");
    return values;
  }

  static Stream<Arguments> customerKindsInEveryLanguage() {
    return Arrays.stream(NotificationKind.values())
        .filter(NotificationKind::isForCustomer)
        .flatMap(kind -> Arrays.stream(Language.values()).map(l -> Arguments.of(kind, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("customerKindsInEveryLanguage")
  void customerTemplateIsRenderedWithEveryPlaceholderFilled(NotificationKind kind, Language lang) {
    NotificationTemplates.Rendered rendered = templates.render(kind, lang, allValues());

    assertThat(rendered.subject()).isNotBlank().doesNotContain("{", "}", "\n");
    assertThat(rendered.body())
        .isNotBlank()
        .doesNotContain("{", "}", "\\n", "\n\n\n")
        .contains("AS Rīgas siltums");
    assertThat(rendered.subject() + rendered.body()).contains("2026-000042");
  }

  // Staff kinds exist in every language since issue 12: StaffTemplatesTest.
  @ParameterizedTest
  @EnumSource(Language.class)
  void answerBySmsIsShortAndPointsToTheStatusPage(Language language) {
    Map<String, Object> values = allValues();
    values.put("answer", "Rēķins tiks pārrēķināts. ".repeat(100));
    NotificationTemplates.Rendered email =
        templates.render(NotificationKind.ANSWER, language, values, MessageChannel.EMAIL);
    NotificationTemplates.Rendered sms =
        templates.render(NotificationKind.ANSWER, language, values, MessageChannel.SMS);

    assertThat(email).isEqualTo(templates.render(NotificationKind.ANSWER, language, values));
    assertThat(sms.subject()).isEqualTo(email.subject());
    // no signature: the gateway's sender name says who writes (every customer kind: SmsTextsTest)
    assertThat(sms.body())
        .contains("2026-000042", "https://desk.example/status")
        .doesNotContain("{", "}", "pārrēķināts")
        .hasSizeLessThanOrEqualTo(134);
    // a kind without an SMS form (staff kinds never go by SMS) sends its body
    for (String staffOnly : List.of("taskName", "taskLink", "taskDueDate", "caseLink")) {
      values.put(staffOnly, null);
    }
    assertThat(
            templates.render(NotificationKind.CASE_OVERDUE, language, values, MessageChannel.SMS))
        .isEqualTo(templates.render(NotificationKind.CASE_OVERDUE, language, values));
  }

  @Test
  void acknowledgementTellsTheAccessCodeOnlyWhenGiven() {
    Map<String, Object> values = allValues();
    for (Language language : Language.values()) {
      assertThat(templates.render(NotificationKind.ACKNOWLEDGEMENT, language, values).body())
          .contains("K7M2-QX9P", "https://desk.example/status");
    }
    values.put("accessCode", null);
    values.put("statusLink", null);
    for (Language language : Language.values()) {
      assertThat(templates.render(NotificationKind.ACKNOWLEDGEMENT, language, values).body())
          .doesNotContain("/status", "\n\n\n")
          .contains("2026-000042");
    }
  }

  @Test
  void datesAreWrittenAsTheLanguageWritesThem() {
    Map<String, Object> values = allValues();

    assertThat(templates.render(NotificationKind.ACKNOWLEDGEMENT, Language.lv, values).body())
        .contains("23.11.2026.", "07.12.2026.");
    assertThat(templates.render(NotificationKind.ACKNOWLEDGEMENT, Language.ru, values).body())
        .contains("23.11.2026", "07.12.2026");
    assertThat(templates.render(NotificationKind.ACKNOWLEDGEMENT, Language.lt, values).body())
        .contains("2026-11-23", "2026-12-07");
    assertThat(templates.render(NotificationKind.ACKNOWLEDGEMENT, Language.en, values).body())
        .contains("23 November 2026", "7 December 2026");
    assertThat(
            templates
                .render(NotificationKind.MISSING_INFORMATION_REQUEST, Language.lv, values)
                .body())
        .contains("līdz 01.12.2026", "- Skaitītāja rādījums\n- Rēķina numurs");
  }

  @Test
  void outcomeIsWordedAndEmptyReasonsLineIsLeftOut() {
    Map<String, Object> values = allValues();
    values.put("outcome", "UPHELD");
    values.put("refusalReasons", null);

    String body = templates.render(NotificationKind.ANSWER, Language.lv, values).body();

    assertThat(body)
        .contains("Jūsu sūdzība ir atzīta par pamatotu.")
        .doesNotContain("Pamatojums", "UPHELD");
  }

  @Test
  void extensionReasonIsACodeEachLanguageWordsItself() {
    Map<String, Object> values = allValues();
    values.put("extensionReason", "EXTERNAL_INFORMATION");
    Map<Language, String> reasons =
        Map.of(
            Language.lv, "Iemesls: lai atbildētu, mums jāsaņem informācija no citām iestādēm",
            Language.ru, "Причина: для ответа нам необходимо получить информацию от других",
            Language.lt, "Priežastis: kad galėtume atsakyti, turime gauti informacijos iš kitų",
            Language.en, "Reason: to answer, we need information from other authorities");

    reasons.forEach(
        (language, reason) ->
            assertThat(templates.render(NotificationKind.EXTENSION_NOTICE, language, values).body())
                .as(language.name())
                .contains(reason)
                .doesNotContain("EXTERNAL_INFORMATION", "Information from other"));
  }

  @Test
  void placeholderSyntaxInValuesIsNotExpanded() {
    Map<String, Object> values = allValues();
    values.put("answer", "Skatiet {registrationNumber} un 'pēdiņas'");

    assertThat(templates.render(NotificationKind.ANSWER, Language.en, values).body())
        .contains("Skatiet {registrationNumber} un 'pēdiņas'");
  }

  @Test
  void missingParameterIsNamed() {
    Map<String, Object> values = allValues();
    values.remove("surveyLink");

    assertThatThrownBy(
            () -> templates.render(NotificationKind.SURVEY_INVITATION, Language.lt, values))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surveyLink");
  }

  @Test
  void everyLanguageHasTheSameTemplatesWithTheSamePlaceholders() throws IOException {
    Properties english = load(Language.en);
    for (Language language : Language.values()) {
      Properties file = load(language);
      for (NotificationKind kind : NotificationKind.values()) {
        if (!kind.isForCustomer() && language != Language.en) {
          continue;
        }
        for (String part : List.of(".subject", ".body", ".sms")) {
          String key = kind.name() + part;
          if (part.equals(".sms") && english.getProperty(key) == null) {
            assertThat(file.getProperty(key))
                .as(language + " " + key + " (English has none)")
                .isNull();
            continue;
          }
          assertThat(file.getProperty(key)).as(language + " " + key).isNotBlank();
          assertThat(placeholders(file.getProperty(key)))
              .as(language + " " + key)
              .isEqualTo(placeholders(english.getProperty(key)));
        }
      }
      assertThat(file.stringPropertyNames())
          .as(language + " labels")
          .contains("outcome.UPHELD", "outcome.PARTIALLY_UPHELD", "outcome.REJECTED");
    }
  }

  @Test
  void russianDeadlinesSayNotLaterThanAndTheSurveyRatesOurWork() {
    Map<String, Object> values = allValues();

    assertThat(templates.render(NotificationKind.ACKNOWLEDGEMENT, Language.ru, values).body())
        .contains("ответим не позднее 07.12.2026")
        .doesNotContain("до 07.12.2026");
    assertThat(templates.render(NotificationKind.INFORMATION_RECEIVED, Language.ru, values).body())
        .contains("ответим не позднее 07.12.2026");
    assertThat(templates.render(NotificationKind.EXTENSION_NOTICE, Language.ru, values).body())
        .contains("ответим не позднее 21.12.2026");
    assertThat(
            templates
                .render(NotificationKind.MISSING_INFORMATION_REQUEST, Language.ru, values)
                .body())
        .contains("не позднее 01.12.2026", "будет оставлено без рассмотрения")
        .doesNotContain("придётся");
    assertThat(templates.render(NotificationKind.SURVEY_INVITATION, Language.ru, values).body())
        .contains("как мы рассмотрели", "оцените нашу работу")
        .doesNotContain("оцените его");
  }

  private static Properties load(Language language) throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        new InputStreamReader(
            NotificationTemplatesTest.class.getResourceAsStream(
                "/notifications/messages_" + language + ".properties"),
            StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  @Test
  void latvianDatesEndWithTheOrdinalFullStopAndNoSentenceEndsTwice() {
    Map<String, Object> values = allValues();

    for (NotificationKind kind : NotificationKind.values()) {
      if (!kind.isForCustomer()) {
        continue;
      }
      NotificationTemplates.Rendered rendered = templates.render(kind, Language.lv, values);
      assertThat(rendered.subject() + "\n" + rendered.body())
          .as(kind.name())
          .doesNotContain("..")
          .doesNotContainPattern("\\d{2}\\.\\d{2}\\.\\d{4}(?!\\.)");
    }
    assertThat(templates.render(NotificationKind.EXTENSION_NOTICE, Language.lv, values).body())
        .contains("Jaunais termiņš: 21.12.2026.");
    assertThat(templates.render(NotificationKind.ANSWER, Language.lv, values).body())
        .contains("Esam izskatījuši Jūsu 23.11.2026. saņemto iesniegumu Nr. 2026-000042.");
  }

  @Test
  void latvianTextsTellWhereToTurnAndUseTheNominativeWithTheDebitive() {
    Map<String, Object> values = allValues();
    NotificationTemplates.Rendered notice =
        templates.render(NotificationKind.APPEAL_NOTICE, Language.lv, values);

    assertThat(notice.subject()).startsWith("Kur vērsties, ja nepiekrītat mūsu atbildei");
    assertThat(notice.subject() + notice.body())
        .contains("Jums ir tiesības vērsties šajā iestādē:")
        .doesNotContain("pārsūdz", "apstrīd", "sūdzību");
    assertThat(
            templates
                .render(NotificationKind.MISSING_INFORMATION_REQUEST, Language.lv, values)
                .body())
        .contains("iesniegums būs jāslēdz")
        .doesNotContain("iesniegumu būs jāslēdz");
  }

  @Test
  void lithuanianSurveyInvitationAsksToRateOurWorkNotTheComplaint() {
    assertThat(
            templates.render(NotificationKind.SURVEY_INVITATION, Language.lt, allValues()).body())
        .contains("kaip išnagrinėjome Jūsų kreipimąsi Nr. 2026-000042")
        .contains("Prašome įvertinti mūsų darbą")
        .doesNotContain("jį įvertinti");
  }

  // --- issue 12, engineer C: inquiries to other organisations ------------------------------

  @ParameterizedTest
  @EnumSource(Language.class)
  void inquiryIsWrittenInTheOrganisationsLanguageWithTheQuestionAndNoCustomerData(
      Language language) {
    Map<String, Object> values = allValues();
    values.put("question", "Kad tika pārtraukta siltumapgāde?");
    NotificationTemplates.Rendered inquiry =
        templates.render(NotificationKind.EXTERNAL_INQUIRY, language, values);

    assertThat(inquiry.subject()).contains("2026-000042").doesNotContain("{", "}");
    assertThat(inquiry.body())
        .contains("AS Sadales tīkls", "2026-000042", "Kad tika pārtraukta siltumapgāde?")
        .contains("AS Rīgas siltums")
        .doesNotContain("{", "}", "Anna Bērziņa", "Radiators ir auksts");
    if (language != Language.en) {
      assertThat(inquiry)
          .isNotEqualTo(templates.render(NotificationKind.EXTERNAL_INQUIRY, Language.en, values));
    }
    assertThat(templates.label("EXTERNAL_INQUIRY.defaultQuestion", language)).isNotBlank();
    for (String code : List.of("emailed", "noAddress", "notInDirectory")) {
      assertThat(templates.label("EXTERNAL_REPLY_TASK." + code, language))
          .contains("{organisation}");
    }
  }
}
