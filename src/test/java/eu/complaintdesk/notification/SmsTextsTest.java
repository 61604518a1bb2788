package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Language;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14: every message to a customer has an SMS form that fits two concatenated UCS-2 segments
 * (134 characters: Latvian, Lithuanian and Russian texts are UCS-2) once its placeholders hold the
 * longest realistic values, and carries the registration number and the link the customer needs.
 */
class SmsTextsTest {

  /**
   * A production-length {@code complaints.organisation.public-base-url}: organisations' sites run
   * to 17-27 characters (https://www.sadalestikls.lv), a subdomain for customers a few more. The
   * forms fit up to this length; a longer base makes some of them a third segment.
   */
  static final String PUBLIC_BASE_URL = "https://iesniegumi.rigasudens.lv";

  /** The longest registration number of a year (yyyy-nnnnnn, RegistrationNumbers). */
  static final String REGISTRATION_NUMBER = "2026-987654";

  /** Two concatenated UCS-2 segments. */
  static final int MAX_LENGTH = 2 * SmsSegments.UCS_PART;

  private final NotificationTemplates templates =
      new NotificationTemplates(
          new String[] {"classpath:notifications/messages"},
          new WorkingCalendar(CalendarProperties.defaults()));

  /** A survey token as Surveys makes it: 24 random bytes, URL-safe Base64 without padding. */
  private static String surveyToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Everything NotificationService passes (the complaint's facts, the caller's parameters), at
   * their longest: September is the longest English month, the outcome the longest label, the
   * access code given (an acknowledgement nobody showed the receipt of), the links as the
   * application builds them.
   */
  static Map<String, Object> longestValues(String outcome) {
    Instant september = Instant.parse("2026-09-30T12:00:00Z");
    Map<String, Object> values = new HashMap<>();
    values.put("registrationNumber", REGISTRATION_NUMBER);
    values.put("receivedDate", september);
    values.put("responseDueDate", september);
    values.put("newDueDate", september);
    values.put("informationDueDate", september);
    values.put("surveyExpiresDate", september);
    values.put("customerName", "Anna Marija Bērziņa-Kalniņa");
    values.put("subject", "Rēķins par apkuri ir pārāk liels");
    values.put("feedbackType", "SERVICE_COMPLAINT");
    values.put("category", "BILLING");
    values.put("outcome", outcome);
    values.put("organisationName", "Sabiedrība ar ierobežotu atbildību \"Rīgas ūdens\"");
    values.put("accessCode", "K7M2QX9PRT4W");
    values.put("statusLink", PUBLIC_BASE_URL + "/status");
    values.put("statusPage", PUBLIC_BASE_URL + "/status");
    values.put("surveyLink", PUBLIC_BASE_URL + "/surveys/" + surveyToken());
    values.put("extensionReason", "EXTERNAL_INFORMATION");
    values.put("answer", "Rēķins tiks pārrēķināts. ".repeat(200));
    values.put("refusalReasons", "Skaitītāja rādījumi apstiprināti. ".repeat(20));
    values.put(
        "missingInformation",
        "Lūdzu, atsūtiet skaitītāja rādījumu fotoattēlu un rēķina kopiju par 2026. gada augustu.");
    values.put(
        "authorityName",
        "Federālais patērētāju tiesību aizsardzības un cilvēku labklājības uzraudzības dienests"
            + " (Роспотребнадзор)");
    values.put(
        "authorityContacts",
        "Вадковский переулок, д. 18, стр. 5 и 7, Москва, 127994; +7 499 973-26-90;"
            + " depart@gsen.ru; https://www.rospotrebnadzor.ru");
    values.put("taskName", null);
    values.put("taskLink", null);
    values.put("taskDueDate", null);
    values.put("caseLink", null);
    return values;
  }

  static Stream<Arguments> customerKindsLanguagesAndOutcomes() {
    return Arrays.stream(NotificationKind.values())
        .filter(NotificationKind::isForCustomer)
        .flatMap(
            kind ->
                Arrays.stream(Language.values())
                    .flatMap(
                        language ->
                            Stream.of("UPHELD", "PARTIALLY_UPHELD", "REJECTED", null)
                                .map(outcome -> Arguments.of(kind, language, outcome))));
  }

  @ParameterizedTest(name = "{0} in {1}, outcome {2}")
  @MethodSource("customerKindsLanguagesAndOutcomes")
  void everyCustomerMessageBySmsFitsTwoSegmentsWithTheNumberAndTheLink(
      NotificationKind kind, Language language, String outcome) {
    Map<String, Object> values = longestValues(outcome);

    String sms = templates.render(kind, language, values, MessageChannel.SMS).body();

    String link =
        kind == NotificationKind.SURVEY_INVITATION
            ? (String)
                values.get("surveyLink") // the survey is answered there, not on the status page
            : PUBLIC_BASE_URL + "/status";
    assertThat(sms)
        .as("%s in %s:%n%s", kind, language, sms)
        .hasSizeLessThanOrEqualTo(MAX_LENGTH)
        .contains(REGISTRATION_NUMBER, link)
        .doesNotContain("{", "}", "\\n", "  ", "Rīgas ūdens", "pārrēķināts", "Skaitītāja");
    assertThat(SmsSegments.of(sms).segments()).isLessThanOrEqualTo(2);
    assertThat(sms)
        .as("the SMS form, not the body")
        .isNotEqualTo(templates.render(kind, language, values).body());
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void acknowledgementBySmsTellsTheAccessCodeOnlyWhenGiven(Language language) {
    Map<String, Object> values = longestValues(null);
    assertThat(
            templates
                .render(NotificationKind.ACKNOWLEDGEMENT, language, values, MessageChannel.SMS)
                .body())
        .contains("K7M2QX9PRT4W");

    values.put("accessCode", null);
    values.put("statusLink", null);
    String sms =
        templates
            .render(NotificationKind.ACKNOWLEDGEMENT, language, values, MessageChannel.SMS)
            .body();

    assertThat(sms).contains(REGISTRATION_NUMBER, PUBLIC_BASE_URL + "/status");
    assertThat(sms.lines()).hasSize(3).noneMatch(line -> line.strip().endsWith(":"));
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void smsWordsCodesShortlyWhereTheBodyUsesASentence(Language language) {
    Map<String, Object> values = longestValues("PARTIALLY_UPHELD");

    String answer =
        templates.render(NotificationKind.ANSWER, language, values, MessageChannel.SMS).body();
    String extension =
        templates
            .render(NotificationKind.EXTENSION_NOTICE, language, values, MessageChannel.SMS)
            .body();

    assertThat(answer)
        .contains(templates.label("outcome.PARTIALLY_UPHELD.sms", language))
        .doesNotContain("PARTIALLY_UPHELD");
    assertThat(extension)
        .contains(templates.label("extensionReason.EXTERNAL_INFORMATION.sms", language))
        .doesNotContain("EXTERNAL_INFORMATION");
    // the e-mail keeps the full sentence
    assertThat(templates.render(NotificationKind.ANSWER, language, values).body())
        .contains(templates.label("outcome.PARTIALLY_UPHELD", language));
  }

  @Test
  void everyLanguageHasTheSameShortLabels() {
    for (String code :
        List.of(
            "outcome.UPHELD.sms",
            "outcome.PARTIALLY_UPHELD.sms",
            "outcome.REJECTED.sms",
            "extensionReason.EXTERNAL_INFORMATION.sms")) {
      for (Language language : Language.values()) {
        assertThat(templates.label(code, language))
            .as(language + " " + code)
            .isNotBlank()
            .isNotEqualTo(language == Language.en ? null : templates.label(code, Language.en));
      }
    }
  }
}
