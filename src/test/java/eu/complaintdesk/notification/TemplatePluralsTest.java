package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.text.PluralForms;
import java.util.ArrayList;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Counts in notification templates agree with their nouns (issue 14): {@code {count, plural, one {#
 * task} other {# tasks}}} beside the named placeholders, every counted template with the forms of
 * its language, rendered right at 1, 2, 5, 11, 21 and 22.
 */
class TemplatePluralsTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final NotificationTemplates templates =
      new NotificationTemplates(
          new String[] {"classpath:notifications/messages"},
          new WorkingCalendar(CalendarProperties.defaults()));

  // --- the engine ---------------------------------------------------------------------------

  @Test
  void aCountAgreesWithItsNounByTheLanguagesRules() {
    String template = "{count, plural, one {# uzdevums} other {# uzdevumi}} – {name}";
    assertThat(templates.fill(template, Language.lv, Map.of("count", 21, "name", "A")))
        .isEqualTo("21 uzdevums – A");
    assertThat(templates.fill(template, Language.lv, Map.of("count", 11L, "name", "A")))
        .isEqualTo("11 uzdevumi – A");
    // a count given as text (as a process variable may be) counts too
    assertThat(templates.fill(template, Language.lv, Map.of("count", "1", "name", "A")))
        .isEqualTo("1 uzdevums – A");
  }

  @Test
  void placeholdersInsideAFormAreFilledAndApostrophesStayPlainText() {
    String template =
        "The customer's case: {count, plural, one {# task in {group}} other {# tasks in {group}}}";
    assertThat(templates.fill(template, Language.en, Map.of("count", 3, "group", "Billing")))
        .isEqualTo("The customer's case: 3 tasks in Billing");
  }

  @Test
  void aLineWhoseCountIsEmptyIsLeftOutAndAMissingCountIsRefused() {
    Map<String, Object> values = new HashMap<>();
    values.put("count", null);
    assertThat(
            templates.fill(
                "Hello\n{count, plural, one {# task} other {# tasks}}\nBye", Language.en, values))
        .isEqualTo("Hello\nBye");
    assertThatThrownBy(
            () ->
                templates.fill(
                    "{count, plural, one {# task} other {# tasks}}", Language.en, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count");
    assertThatThrownBy(
            () ->
                templates.fill(
                    "{count, plural, one {# task} other {# tasks}}",
                    Language.en,
                    Map.of("count", "several")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{count}");
    assertThatThrownBy(
            () -> templates.fill("{count, plural, one {# task}", Language.en, Map.of("count", 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- the templates ------------------------------------------------------------------------

  /** Every counted template in every language. */
  static Stream<Arguments> countedTemplates() {
    List<Arguments> counted = new ArrayList<>();
    for (Language language : Language.values()) {
      Properties texts = PluralForms.texts("/notifications/messages_" + language + ".properties");
      for (String key : new TreeSet<>(texts.stringPropertyNames())) {
        if (!counted(texts.getProperty(key)).isEmpty()) {
          counted.add(Arguments.of(language, key));
        }
      }
    }
    return counted.stream();
  }

  @Test
  void theDigestCountsArePluralTemplatesInEveryLanguage() {
    for (Language language : Language.values()) {
      Properties texts = PluralForms.texts("/notifications/messages_" + language + ".properties");
      for (String key :
          List.of("DIGEST.subject", "DIGEST.assigned", "DIGEST.group", "DIGEST.more")) {
        assertThat(counted(texts.getProperty(key)))
            .as("%s %s", language, key)
            .containsOnlyKeys("count");
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("countedTemplates")
  void everyCountedTemplateHasTheFormsOfItsLanguageAndRendersEveryCount(
      Language language, String key) {
    String template = templates.template(key, language);
    Set<String> categories = PluralForms.categories(language.locale());
    Map<String, Set<String>> counted = counted(template);
    for (Map.Entry<String, Set<String>> argument : counted.entrySet()) {
      assertThat(argument.getValue())
          .as("forms of {%s} in %s %s", argument.getKey(), language, key)
          .containsAll(categories)
          .allMatch(form -> categories.contains(form) || form.matches("=\\d+"));
    }
    for (int count : PluralForms.COUNTS) {
      Map<String, Object> values = new HashMap<>();
      Matcher named = PLACEHOLDER.matcher(template);
      while (named.find()) {
        values.put(named.group(1), "https://staff.example/x");
      }
      counted.keySet().forEach(name -> values.put(name, count));
      String shown = templates.fill(template, language, values);
      assertThat(shown)
          .as("%s %s at %d", language, key, count)
          .contains(Integer.toString(count))
          .doesNotContain("{", "}", "#");
    }
  }

  static Stream<Arguments> expectedForms() {
    return Stream.of(
        Arguments.of(
            Language.lv,
            List.of(
                "un vēl 1 uzdevums.",
                "un vēl 2 uzdevumi.",
                "un vēl 5 uzdevumi.",
                "un vēl 11 uzdevumi.",
                "un vēl 21 uzdevums.",
                "un vēl 22 uzdevumi.")),
        Arguments.of(
            Language.ru,
            List.of(
                "и ещё 1 задача.",
                "и ещё 2 задачи.",
                "и ещё 5 задач.",
                "и ещё 11 задач.",
                "и ещё 21 задача.",
                "и ещё 22 задачи.")),
        Arguments.of(
            Language.lt,
            List.of(
                "ir dar 1 užduotis.",
                "ir dar 2 užduotys.",
                "ir dar 5 užduotys.",
                "ir dar 11 užduočių.",
                "ir dar 21 užduotis.",
                "ir dar 22 užduotys.")),
        Arguments.of(
            Language.en,
            List.of(
                "and 1 more task.",
                "and 2 more tasks.",
                "and 5 more tasks.",
                "and 11 more tasks.",
                "and 21 more tasks.",
                "and 22 more tasks.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedForms")
  void theDigestsRestOfTheTasksTakesTheFormItsLanguageNeeds(
      Language language, List<String> expected) {
    for (int i = 0; i < PluralForms.COUNTS.size(); i++) {
      int count = PluralForms.COUNTS.get(i);
      String shown =
          templates.fill(
              templates.template("DIGEST.more", language),
              language,
              Map.of("count", count, "tasklistLink", "https://staff.example/tasklist"));
      assertThat(shown).as("%s at %d", language, count).contains(expected.get(i));
    }
  }

  @Test
  void theDigestSubjectAgreesInEveryLanguage() {
    assertThat(subject(Language.lv, 1))
        .isEqualTo("1 uzdevums, kura termiņš ir šodien vai jau pagājis");
    assertThat(subject(Language.lv, 11))
        .isEqualTo("11 uzdevumi, kuru termiņš ir šodien vai jau pagājis");
    assertThat(subject(Language.ru, 22)).isEqualTo("22 задачи на сегодня или с истёкшим сроком");
    assertThat(subject(Language.ru, 5)).isEqualTo("5 задач на сегодня или с истёкшим сроком");
    assertThat(subject(Language.lt, 21))
        .isEqualTo("21 užduotis, kurios terminas baigiasi šiandien arba jau baigėsi");
    assertThat(subject(Language.lt, 11))
        .isEqualTo("11 užduočių, kurių terminas baigiasi šiandien arba jau baigėsi");
    assertThat(subject(Language.en, 1)).isEqualTo("1 task due today or overdue");
  }

  private String subject(Language language, int count) {
    return templates.fill(
        templates.template("DIGEST.subject", language), language, Map.of("count", count));
  }

  private static final Pattern FORMATTED = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)\\s*,");

  /**
   * The plural placeholders of a template (the rest of a template is plain text, not ICU syntax):
   * each cut out as the engine cuts it and read by ICU.
   */
  static Map<String, Set<String>> counted(String template) {
    Map<String, Set<String>> counted = new java.util.LinkedHashMap<>();
    Matcher matcher = FORMATTED.matcher(template);
    int from = 0;
    while (matcher.find(from)) {
      int depth = 0;
      int end = matcher.start();
      do {
        char c = template.charAt(end++);
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      } while (depth > 0);
      counted.putAll(PluralForms.pluralArguments(template.substring(matcher.start(), end)));
      from = end;
    }
    return counted;
  }
}
