package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import eu.complaintdesk.text.PluralForms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;

/**
 * Counts on the pages agree with their nouns in every language (issue 14): the page texts go
 * through ICU's plural rules, each counted text has every form its language needs, and renders
 * right at 1, 2, 5, 11, 21 and 22.
 */
class PagePluralsTest {

  static final MessageSource MESSAGES = messages();

  private static MessageSource messages() {
    MessageSourceProperties properties = new MessageSourceProperties();
    properties.setBasename(List.of("web/messages"));
    properties.setFallbackToSystemLocale(false);
    return new WebMessages().messageSource(properties);
  }

  /** Every counted page text in every language. */
  static Stream<Arguments> countedTexts() {
    List<Arguments> counted = new ArrayList<>();
    for (Language language : Language.values()) {
      Properties texts = PluralForms.texts("/web/messages_" + language + ".properties");
      for (String key : new java.util.TreeSet<>(texts.stringPropertyNames())) {
        if (!PluralForms.pluralArguments(texts.getProperty(key)).isEmpty()) {
          counted.add(Arguments.of(language, key, texts.getProperty(key)));
        }
      }
    }
    return counted.stream();
  }

  @Test
  void theCountsOfThePagesArePluralTextsInEveryLanguage() {
    List<String> keys =
        List.of(
            "hint.attachments",
            "Size",
            "attachments.tooMany",
            "attachments.imageTooLarge",
            "error.tooManyRequests");
    for (Language language : Language.values()) {
      Properties texts = PluralForms.texts("/web/messages_" + language + ".properties");
      for (String key : keys) {
        assertThat(PluralForms.pluralArguments(texts.getProperty(key)))
            .as("%s %s", language, key)
            .isNotEmpty();
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("countedTexts")
  void everyCountedTextHasTheFormsOfItsLanguageAndRendersEveryCount(
      Language language, String key, String text) {
    Set<String> categories = PluralForms.categories(language.locale());
    for (Map.Entry<String, Set<String>> argument : PluralForms.pluralArguments(text).entrySet()) {
      assertThat(argument.getValue())
          .as("forms of {%s} in %s %s", argument.getKey(), language, key)
          .containsAll(categories)
          .allMatch(form -> categories.contains(form) || form.matches("=\\d+"));
    }
    for (int count : PluralForms.COUNTS) {
      String shown = MESSAGES.getMessage(key, new Object[] {count, count}, language.locale());
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
            "attachments.tooMany",
            List.of("1 failu.", "2 failus.", "5 failus.", "11 failus.", "21 failu.", "22 failus.")),
        Arguments.of(
            Language.lv,
            "error.tooManyRequests",
            List.of(
                "pēc 1 minūtes.",
                "pēc 2 minūtēm.",
                "pēc 5 minūtēm.",
                "pēc 11 minūtēm.",
                "pēc 21 minūtes.",
                "pēc 22 minūtēm.")),
        Arguments.of(
            Language.ru,
            "attachments.tooMany",
            List.of(
                "не больше 1 файла.",
                "не больше 2 файлов.",
                "не больше 5 файлов.",
                "не больше 11 файлов.",
                "не больше 21 файла.",
                "не больше 22 файлов.")),
        Arguments.of(
            Language.ru,
            "error.tooManyRequests",
            List.of(
                "через 1 минуту.",
                "через 2 минуты.",
                "через 5 минут.",
                "через 11 минут.",
                "через 21 минуту.",
                "через 22 минуты.")),
        Arguments.of(
            Language.lt,
            "attachments.tooMany",
            List.of(
                "ne daugiau kaip 1 failą.",
                "ne daugiau kaip 2 failus.",
                "ne daugiau kaip 5 failus.",
                "ne daugiau kaip 11 failų.",
                "ne daugiau kaip 21 failą.",
                "ne daugiau kaip 22 failus.")),
        Arguments.of(
            Language.lt,
            "hint.attachments",
            List.of(
                "iki 1 failo ",
                "iki 2 failų ",
                "iki 5 failų ",
                "iki 11 failų ",
                "iki 21 failo ",
                "iki 22 failų ")),
        Arguments.of(
            Language.en,
            "attachments.tooMany",
            List.of(
                "no more than 1 file.",
                "no more than 2 files.",
                "no more than 5 files.",
                "no more than 11 files.",
                "no more than 21 files.",
                "no more than 22 files.")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("expectedForms")
  void aCountedTextTakesTheFormItsLanguageNeeds(
      Language language, String key, List<String> expected) {
    for (int i = 0; i < PluralForms.COUNTS.size(); i++) {
      int count = PluralForms.COUNTS.get(i);
      assertThat(MESSAGES.getMessage(key, new Object[] {count}, language.locale()))
          .as("%s %s at %d", language, key, count)
          .contains(expected.get(i));
    }
  }

  @Test
  void aFileNameAndTheLimitRenderTogether() {
    assertThat(
            MESSAGES.getMessage(
                "attachments.imageTooLarge",
                new Object[] {"skaititajs.jpg", 8000},
                Language.lv.locale()))
        .isEqualTo(
            "Attēls “skaititajs.jpg” ir pārāk liels: tā platums un augstums nedrīkst pārsniegt"
                + " 8\u00a0000 pikseļus.");
    assertThat(
            MESSAGES.getMessage(
                "attachments.imageTooLarge", new Object[] {"a.png", 1}, Language.en.locale()))
        .isEqualTo("The image “a.png” is too large: it may be at most 1 pixel wide and high.");
  }

  @Test
  void textsWithoutArgumentsAndUncountedArgumentsShowAsBefore() {
    assertThat(MESSAGES.getMessage("submit.send", null, Language.lv.locale()))
        .isEqualTo("Iesniegt");
    assertThat(
            MESSAGES.getMessage(
                "withdrawal.confirmHeading", new Object[] {"2026-000123"}, Language.en.locale()))
        .isEqualTo("Do you really want to withdraw case 2026-000123?");
    assertThat(
            MESSAGES.getMessage("no.such.text", new Object[] {1}, "fallback", Language.en.locale()))
        .isEqualTo("fallback");
  }

  /** A number meets a noun only through a plural form: no bare "{0} files" is left anywhere. */
  @Test
  void noBareNumberStandsBeforeANoun() {
    Pattern numberThenWord = Pattern.compile("\\{\\d+}\\s+(\\p{L}+)");
    Set<String> invariant = Set.of("out", "no", "из", "iš", "MB", "МБ");
    for (Language language : Language.values()) {
      Properties texts = PluralForms.texts("/web/messages_" + language + ".properties");
      for (String key : texts.stringPropertyNames()) {
        var matcher = numberThenWord.matcher(texts.getProperty(key));
        while (matcher.find()) {
          assertThat(matcher.group(1)).as("%s %s", language, key).isIn(invariant);
        }
      }
    }
  }
}
