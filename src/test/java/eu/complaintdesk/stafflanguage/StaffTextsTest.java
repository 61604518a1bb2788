package eu.complaintdesk.stafflanguage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one bundle of staff texts: every language has every key (English all but the codes' words),
 * with the same placeholders, and every key a staff template names exists.
 */
class StaffTextsTest {

  static final Pattern NAMED = Pattern.compile("t\\.(get|format)\\('([A-Za-z.]+)'");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");
  static final Set<String> CODE_GROUPS =
      Set.of(
          "status",
          "type",
          "category",
          "priority",
          "outcome",
          "contact",
          "language",
          "channel",
          "messageChannel",
          "state",
          "kind",
          "event");

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"lv", "ru", "lt"})
  void everyLanguageHasEveryKeyWithTheSamePlaceholders(Language language) {
    StaffTexts english = StaffTexts.of(Language.en);
    StaffTexts texts = StaffTexts.of(language);
    assertThat(new TreeSet<>(texts.keys()))
        .as("staff/messages_%s.properties against lv", language)
        .isEqualTo(new TreeSet<>(StaffTexts.of(Language.lv).keys()));
    Set<String> notCodes =
        texts.keys().stream()
            .filter(k -> !CODE_GROUPS.contains(k.substring(0, k.indexOf('.'))))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(english.keys())).isEqualTo(notCodes);
    for (String key : texts.keys()) {
      String text = texts.get(key);
      assertThat(placeholders(text)).as(key).isEqualTo(placeholders(english.get(key)));
      assertThat(text).as(key).isNotBlank();
    }
  }

  @Test
  void everyKeyTheStaffTemplatesNameExists() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/staff"))) {
      for (Path template : templates.toList()) {
        Matcher matcher = NAMED.matcher(Files.readString(template));
        while (matcher.find()) {
          named.add(matcher.group(2));
        }
      }
    }
    assertThat(named).hasSizeGreaterThan(50);
    assertThat(named).isSubsetOf(StaffTexts.of(Language.en).keys());
  }

  @Test
  void codesAreWordsInTheStaffLanguageAndThemselvesInEnglish() {
    assertThat(StaffTexts.of(Language.lv).code("category", "BILLING"))
        .isEqualTo("Rēķini un maksājumi");
    assertThat(StaffTexts.of(Language.en).code("category", "BILLING")).isEqualTo("BILLING");
    assertThat(StaffTexts.of(Language.lv).code("category", "HEAT_METER_SEALS"))
        .as("a category an organisation added")
        .isEqualTo("HEAT_METER_SEALS");
    assertThat(StaffTexts.of(Language.ru).code("status", null)).isNull();
  }

  @Test
  void placeholdersAreFilledAndNumbersShownAsTheyAre() {
    assertThat(StaffTexts.of(Language.en).format("caseFile.bytes", 123456))
        .isEqualTo("123456 bytes");
    assertThat(StaffTexts.of(Language.lv).format("caseFile.title", "2026-000001"))
        .isEqualTo("Lietas materiāli: iesniegums 2026-000001");
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
