package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.intake.FeedbackTypeHint;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.FeedbackType;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.text.PluralForms;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every text the pages ask for exists in every language, and each one can be formatted. */
class PageTextsTest {

  private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)");

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyLanguageHasTheSameTexts(Language language) throws IOException {
    assertThat(texts(language).stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(texts(Language.en).stringPropertyNames());
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyTextIsFilledAndFormats(Language language) throws IOException {
    Properties texts = texts(language);
    for (String key : texts.stringPropertyNames()) {
      String text = texts.getProperty(key);
      assertThat(text).as(key).isNotBlank().doesNotContain("??");
      // as the pages format it (ICU): a counted argument gets a number, any other a text
      Object[] arguments =
          PluralForms.pluralArguments(text).containsKey("0")
              ? new Object[] {2, 2}
              : new Object[] {"X", 2};
      String formatted = IcuMessageSource.format(text, language.locale(), arguments);
      assertThat(formatted).as("%s has a stray quote", key).doesNotContain("{0}", "{1}");
    }
  }

  @Test
  void templatesAskOnlyForTextsThatExist() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(50);
    assertThat(texts(Language.en).stringPropertyNames()).containsAll(used);
  }

  /** Texts looked up by a code of the register: each code has one. */
  @Test
  void everyCodeShownToCustomersHasAText() throws IOException {
    Set<String> needed = new HashSet<>();
    Arrays.stream(ComplaintStatus.values())
        .forEach(s -> needed.addAll(Set.of("status." + s, "event." + s)));
    Arrays.stream(FeedbackType.values()).forEach(t -> needed.add("type." + t));
    Arrays.stream(NotificationKind.values())
        .filter(NotificationKind::isForCustomer)
        .forEach(k -> needed.add("kind." + k));
    Arrays.stream(PreferredContact.values()).forEach(c -> needed.add("contact." + c));
    Arrays.stream(Language.values()).forEach(l -> needed.add("language." + l));
    Categories.CODES.forEach(c -> needed.add("category." + c));
    Arrays.stream(FeedbackTypeHint.values()).forEach(h -> needed.add("feedbackTypeHint." + h));
    needed.add("feedbackTypeHint.none");
    needed.addAll(Set.of("event.ATTACHMENT_RECEIVED", "event.ATTACHMENT_REFUSED"));
    for (int score = 1; score <= 5; score++) {
      needed.add("survey.score." + score);
    }
    for (String outcome : Set.of("thanks", "unknown", "expired", "already_answered")) {
      needed.addAll(Set.of("survey." + outcome + ".heading", "survey." + outcome + ".text"));
    }
    assertThat(texts(Language.en).stringPropertyNames()).containsAll(needed);
  }

  @Test
  void textsAreWrittenWithTheirLanguagesLetters() throws IOException {
    assertThat(texts(Language.lv).getProperty("submitted.heading")).contains("ņ");
    assertThat(texts(Language.lt).getProperty("submit.heading")).contains("ą");
    assertThat(texts(Language.ru).getProperty("submit.send")).isEqualTo("Отправить");
  }

  @Test
  void russianTextsNameTheCategoryAndAskAQuestionRatherThanSubmitIt() throws IOException {
    Properties ru = texts(Language.ru);

    assertThat(ru.getProperty("Pattern.categoryHint")).contains("категорию");
    assertThat(ru.getProperty("NotBlank.subject")).contains("тему");
    assertThat(ru.getProperty("home.intro"))
        .contains("задать вопрос", "выразить благодарность")
        .doesNotContain("подать жалобу, предложение, благодарность или вопрос");
    assertThat(ru.getProperty("submitted.dueDate")).isEqualTo("Мы ответим не позднее");
    assertThat(ru.getProperty("case.due")).isEqualTo("Мы ответим не позднее");
  }

  private static Properties texts(Language language) throws IOException {
    Properties texts = new Properties();
    try (InputStream in =
        PageTextsTest.class.getResourceAsStream("/web/messages_" + language + ".properties")) {
      assertThat(in).as("texts for %s", language).isNotNull();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }

  @Test
  void latvianTextsNeedNoCaseAgreementWithTheDateAndUseOneFrameForTheAppeal() throws IOException {
    Properties lv = texts(Language.lv);

    assertThat(lv.getProperty("submitted.dueDate")).isEqualTo("Atbildes termiņš");
    assertThat(lv.getProperty("case.due")).isEqualTo("Atbildes termiņš");
    assertThat(lv.getProperty("field.remedySought")).isEqualTo("Ko vēlaties, lai mēs darītu?");
    assertThat(lv.getProperty("Pattern.categoryHint")).contains("jomu").doesNotContain("tēm");
    assertThat(lv.getProperty("event.APPEAL_NOTICE")).contains("vērsties");
    assertThat(lv.getProperty("kind.APPEAL_NOTICE")).contains("vērsties");
    assertThat(String.join("\n", lv.stringPropertyNames().stream().map(lv::getProperty).toList()))
        .doesNotContain("Atbildēsim līdz", "savā ziņā", "izdarām", "greizi", "apstrīd", "pārsūdz");
  }

  @Test
  void lithuanianErrorsNameTheCategorySritisAndTheSubjectTema() throws IOException {
    Properties texts = texts(Language.lt);
    assertThat(texts.getProperty("Pattern.categoryHint")).contains("sritį").doesNotContain("tem");
    assertThat(texts.getProperty("NotBlank.subject")).contains("temą");
  }
}
