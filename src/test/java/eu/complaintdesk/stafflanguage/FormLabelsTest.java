package eu.complaintdesk.stafflanguage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.complaintdesk.register.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every text of every form in {@code forms/} has its Latvian, Russian and Lithuanian entry in
 * {@code form-labels/labels_<lang>.properties}, keeps the English text's placeholders and markup,
 * and no entry is left over; a translated form differs from the English one in its texts only.
 */
class FormLabelsTest {

  static final FormLabels LABELS = FormLabels.fromClasspath();
  static final ObjectMapper JSON = new ObjectMapper();

  /** {{…}} of the form viewer's templating, and HTML tags with their attributes. */
  static final Pattern MARKUP = Pattern.compile("\\{\\{[^}]*}}|<[^>]*>");

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"lv", "ru", "lt"})
  void everyTextOfEveryFormHasItsEntry(Language language) throws IOException {
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> text : texts().entrySet()) {
      if (entry(language, text.getKey()) == null) {
        missing.add(text.getKey() + "=" + text.getValue());
      }
    }
    assertThat(missing)
        .as(
            "texts of forms/*.form without an entry in form-labels/labels_%s.properties"
                + " (key = form id, field key or text view id, what)",
            language)
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"lv", "ru", "lt"})
  void noEntryIsLeftOver(Language language) throws IOException {
    Set<String> used = new HashSet<>();
    for (String key : texts().keySet()) {
      used.add(LABELS.label(language, key).isPresent() ? key : shared(key));
    }
    assertThat(new TreeSet<>(LABELS.keys(language)))
        .as("entries of form-labels/labels_%s.properties no form text has", language)
        .allMatch(used::contains, "used by a form");
  }

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"lv", "ru", "lt"})
  void everyEntryKeepsThePlaceholdersAndMarkupOfItsEnglishText(Language language)
      throws IOException {
    for (Map.Entry<String, String> text : texts().entrySet()) {
      String translated = entry(language, text.getKey());
      if (translated != null) {
        assertThat(markup(translated)).as(text.getKey()).isEqualTo(markup(text.getValue()));
        assertThat(translated).as(text.getKey()).isNotBlank().doesNotContain("??");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"lv", "ru", "lt"})
  void aTranslatedFormDiffersInItsTextsOnly(Language language) throws IOException {
    for (Path form : forms()) {
      byte[] english = Files.readAllBytes(form);
      byte[] translated = LABELS.translate(english, language);
      assertThat(withoutTexts(translated)).as(form.toString()).isEqualTo(withoutTexts(english));
      assertThat(FormLabels.texts(translated).keySet())
          .isEqualTo(FormLabels.texts(english).keySet());
      assertThat(new String(translated, java.nio.charset.StandardCharsets.UTF_8))
          .as(form.toString())
          .doesNotContain("Open the case file", "#### Customer", "Answer to the customer");
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Language.class,
      names = {"lv", "ru", "lt"})
  void aTextWithoutAnEntryStaysEnglish(Language language) throws IOException {
    String form =
        """
        {"id": "Form_New", "components": [
          {"type": "textfield", "key": "newField", "id": "Field_New", "label": "A new field"},
          {"type": "textarea", "key": "answer", "id": "Field_Answer", "label": "Answer"}]}
        """;
    JsonNode translated = JSON.readTree(LABELS.translate(form.getBytes(), language));
    assertThat(translated.at("/components/0/label").asText()).isEqualTo("A new field");
    // the shared entry of a field key several forms have
    assertThat(translated.at("/components/1/label").asText())
        .isEqualTo(LABELS.label(language, "answer.label").orElseThrow());
  }

  @ParameterizedTest
  @EnumSource(value = Language.class)
  void whatIsNoFormIsLeftAsItIs(Language language) {
    byte[] notAForm = "{\"type\":\"Not a form\"}".getBytes();
    assertThat(LABELS.translate(notAForm, language)).isSameAs(notAForm);
    byte[] notJson = "<html>".getBytes();
    assertThat(LABELS.translate(notJson, language)).isSameAs(notJson);
  }

  @org.junit.jupiter.api.Test
  void englishIsTheFormsOwnText() throws IOException {
    for (Path form : forms()) {
      byte[] english = Files.readAllBytes(form);
      assertThat(LABELS.translate(english, Language.en)).isSameAs(english);
    }
  }

  @org.junit.jupiter.api.Test
  void latvianUsesTheCustomersTerms() throws IOException {
    byte[] classify =
        LABELS.translate(
            Files.readAllBytes(Path.of("forms/Form_ClassifyComplaint.form")), Language.lv);
    JsonNode form = JSON.readTree(classify);
    assertThat(form.toString())
        .contains("\"label\":\"Joma\"", "Iesniegums {{registrationNumber}}")
        .contains("Atvērt lietas materiālus", "\"label\":\"Rēķini un maksājumi\"");
  }

  /** The entry of the form text's key: its own, or the one shared by every form. */
  static String entry(Language language, String key) {
    return LABELS.label(language, key).or(() -> LABELS.label(language, shared(key))).orElse(null);
  }

  /** The key without its form id. */
  static String shared(String key) {
    return key.substring(key.indexOf('.') + 1);
  }

  static List<String> markup(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = MARKUP.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  static Map<String, String> texts() throws IOException {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Path form : forms()) {
      texts.putAll(FormLabels.texts(Files.readAllBytes(form)));
    }
    assertThat(texts).as("texts of forms/*.form").hasSizeGreaterThan(100);
    return texts;
  }

  static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      List<Path> forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
      assertThat(forms).hasSize(8);
      return forms;
    }
  }

  /** The form with every text a person reads emptied: ids, keys, values, rules, layout stay. */
  static JsonNode withoutTexts(byte[] form) throws IOException {
    JsonNode root = JSON.readTree(form);
    blank(root);
    return root;
  }

  private static void blank(JsonNode node) {
    for (JsonNode component : node.path("components")) {
      if (component instanceof ObjectNode object) {
        for (String field : FormLabels.TEXTS) {
          if (object.has(field)) {
            object.put(field, "");
          }
        }
        for (JsonNode value : object.path("values")) {
          ((ObjectNode) value).put("label", "");
        }
        blank(object);
      }
    }
  }
}
