package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Language;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The e-mails to staff (issue 12): every staff kind in all four languages, naming the case, the
 * task and its link, and nothing of the customer.
 */
class StaffTemplatesTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  /** What a staff e-mail may name: the case's reference and dates, the task, the links. */
  private static final Set<String> STAFF_PLACEHOLDERS =
      Set.of(
          "registrationNumber",
          "receivedDate",
          "responseDueDate",
          "newDueDate",
          "taskName",
          "taskLink",
          "taskDueDate",
          "caseLink",
          "organisationName");

  private final NotificationTemplates templates =
      new NotificationTemplates(
          new String[] {"classpath:notifications/messages"},
          new WorkingCalendar(CalendarProperties.defaults()));

  /**
   * The kinds that go to the organisation's own staff: not to the customer, not to other
   * organisations ({@code EXTERNAL_*}).
   */
  static Stream<NotificationKind> staffKinds() {
    return Arrays.stream(NotificationKind.values())
        .filter(kind -> !kind.isForCustomer() && !kind.name().startsWith("EXTERNAL_"));
  }

  static Stream<Arguments> staffKindsInEveryLanguage() {
    return staffKinds()
        .flatMap(kind -> Arrays.stream(Language.values()).map(l -> Arguments.of(kind, l)));
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("staffKindsInEveryLanguage")
  void staffKindHasItsOwnSubjectAndBodyInEveryLanguage(NotificationKind kind, Language language)
      throws IOException {
    Properties own = properties(language);
    assertThat(own.getProperty(kind.name() + ".subject")).as("subject").isNotBlank();
    assertThat(own.getProperty(kind.name() + ".body")).as("body").isNotBlank();
    if (language != Language.en) {
      Properties english = properties(Language.en);
      assertThat(own.getProperty(kind.name() + ".body"))
          .as("translated")
          .isNotEqualTo(english.getProperty(kind.name() + ".body"));
    }
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("staffKindsInEveryLanguage")
  void staffTemplateUsesNoCustomerPlaceholder(NotificationKind kind, Language language)
      throws IOException {
    Properties own = properties(language);
    Set<String> used = new TreeSet<>();
    for (String part : new String[] {".subject", ".body"}) {
      Matcher matcher = PLACEHOLDER.matcher(own.getProperty(kind.name() + part, ""));
      while (matcher.find()) {
        used.add(matcher.group(1));
      }
    }
    assertThat(used)
        .contains("registrationNumber")
        .doesNotContain("customerName", "subject", "answer", "refusalReasons", "missingInformation")
        .isSubsetOf(STAFF_PLACEHOLDERS);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("staffKindsInEveryLanguage")
  void staffMessageNamesTheCaseTheTaskAndItsLink(NotificationKind kind, Language language) {
    NotificationTemplates.Rendered rendered = templates.render(kind, language, values(true));

    assertThat(rendered.subject()).contains("2026-000042").doesNotContain("{", "}", "\n");
    assertThat(rendered.body())
        .doesNotContain("{", "}", "\\n", "\n\n\n", "Anna Bērziņa", "Radiators ir auksts")
        .contains("https://desk.example/staff/complaints/2026-000042");
    if (kind != NotificationKind.PRAISE_FORWARDED) {
      assertThat(rendered.body())
          .contains("https://desk.example/camunda/app/tasklist/default/#/?task=t-1", "Uzdevums X");
    }
    // about no open task: the task's lines are left out, the rest stays
    NotificationTemplates.Rendered noTask = templates.render(kind, language, values(false));
    assertThat(noTask.body())
        .doesNotContain("tasklist", "Uzdevums X", ": \n")
        .contains("https://desk.example/staff/complaints/2026-000042");
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyTaskOfTheProcessHasItsNameInEveryLanguage(Language language) throws IOException {
    Properties own = properties(language);
    for (String task :
        new String[] {
          "UserTask_CheckCompleteness",
          "UserTask_ClassifyComplaint",
          "UserTask_DraftAnswer",
          "UserTask_ReviewAnswer",
          "UserTask_AnswerInformationRequest",
          "UserTask_EvaluateProposal",
          "UserTask_RecordExternalReply"
        }) {
      assertThat(own.getProperty("task." + task)).as(task).isNotBlank();
      assertThat(templates.labelOr("task." + task, language, "?")).isNotEqualTo("?");
    }
    assertThat(templates.labelOr("task.UserTask_Unknown", language, "Engine name"))
        .isEqualTo("Engine name");
  }

  /**
   * What the service passes: the complaint's facts (customer data too) and the staff parameters.
   */
  private static Map<String, Object> values(boolean withTask) {
    Map<String, Object> values = new HashMap<>();
    values.put("registrationNumber", "2026-000042");
    values.put("receivedDate", Instant.parse("2026-11-22T22:30:00Z"));
    values.put("responseDueDate", Instant.parse("2026-12-07T16:00:00Z"));
    values.put("newDueDate", Instant.parse("2026-12-07T16:00:00Z"));
    values.put("customerName", "Anna Bērziņa");
    values.put("subject", "Radiators ir auksts");
    values.put("answer", "Rēķins tiks pārrēķināts.");
    values.put("organisationName", "AS Rīgas siltums");
    values.put("caseLink", "https://desk.example/staff/complaints/2026-000042");
    values.put("taskName", withTask ? "Uzdevums X" : null);
    values.put(
        "taskLink",
        withTask ? "https://desk.example/camunda/app/tasklist/default/#/?task=t-1" : null);
    values.put("taskDueDate", withTask ? Instant.parse("2026-12-07T16:00:00Z") : null);
    return values;
  }

  private static Properties properties(Language language) throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        new InputStreamReader(
            StaffTemplatesTest.class.getResourceAsStream(
                "/notifications/messages_" + language.name() + ".properties"),
            StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
