package eu.complaintdesk.stafflanguage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.complaintdesk.register.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The staff's words for the Camunda Forms in {@code forms/}: the forms keep their English texts
 * (the source, what process owners edit in Camunda Modeler, and the fallback), and {@code
 * form-labels/labels_<lang>.properties} give each text in Latvian, Russian and Lithuanian, keyed by
 * form id, the component's key (its id when it has none, as text views) and what the text is:
 *
 * <pre>
 * Form_DraftAnswer.draftAnswer.label=Atbildes projekts
 * Form_DraftAnswer.draftAnswer.description=…
 * Form_DraftAnswer.Text_CaseFile.text=### Lieta {{registrationNumber}} …
 * Form_ClassifyComplaint.category.values.BILLING=Rēķini
 * </pre>
 *
 * A text that several forms share word for word (the case section's views, {@code
 * Text_CaseFile.text}) may have one entry without the form id, which every form uses unless it has
 * its own. A text with no entry stays English. Values, keys, conditions and validation rules are
 * never changed: a translated form completes a task with exactly the variables the English one
 * does.
 */
public final class FormLabels {

  /** The component texts that are words for people; everything else stays as it is. */
  static final List<String> TEXTS =
      List.of("label", "description", "text", "dateLabel", "timeLabel", "placeholder");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Language, Properties> labels;

  private FormLabels(Map<Language, Properties> labels) {
    this.labels = labels;
  }

  /** The bundles on the classpath ({@code form-labels/labels_<lang>.properties}, UTF-8). */
  public static FormLabels fromClasspath() {
    Map<Language, Properties> labels = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String name = "form-labels/labels_" + language.name() + ".properties";
      try (InputStream in = FormLabels.class.getClassLoader().getResourceAsStream(name)) {
        Properties properties = new Properties();
        if (in != null) {
          try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
          }
        }
        labels.put(language, properties);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + name, e);
      }
    }
    return new FormLabels(labels);
  }

  /** The form in the language; the form unchanged when it is not a form or has no entries. */
  public byte[] translate(byte[] form, Language language) {
    Properties texts = labels.get(language);
    if (texts == null || texts.isEmpty()) {
      return form;
    }
    try {
      JsonNode root = JSON.readTree(form);
      if (!(root instanceof ObjectNode object) || !root.path("components").isArray()) {
        return form;
      }
      String formId = root.path("id").asText("");
      boolean[] changed = {false};
      walk(
          object,
          (key, node, field) -> {
            String text = texts.getProperty(formId + "." + key, texts.getProperty(key));
            if (text != null) {
              node.put(field, text);
              changed[0] = true;
            }
          });
      return changed[0] ? JSON.writeValueAsBytes(root) : form;
    } catch (IOException notJson) {
      return form;
    }
  }

  /** The entry of the key in the language, if any. */
  public Optional<String> label(Language language, String key) {
    return Optional.ofNullable(labels.get(language).getProperty(key));
  }

  /** Every key of the language's bundle. */
  public Set<String> keys(Language language) {
    return labels.get(language).stringPropertyNames();
  }

  /**
   * Every text of the form a person reads, by its key in the bundles with the form id (the shared
   * entry's key is the same without it), in the form's order: for the test that every text has its
   * translations.
   */
  public static Map<String, String> texts(byte[] form) throws IOException {
    JsonNode root = JSON.readTree(form);
    Map<String, String> texts = new LinkedHashMap<>();
    if (root instanceof ObjectNode object) {
      String formId = root.path("id").asText("");
      walk(object, (key, node, field) -> texts.put(formId + "." + key, node.path(field).asText()));
    }
    return texts;
  }

  private interface Visitor {
    void text(String key, ObjectNode node, String field);
  }

  private static void walk(ObjectNode parent, Visitor visitor) {
    for (JsonNode component : parent.path("components")) {
      if (!(component instanceof ObjectNode node)) {
        continue;
      }
      String name = node.hasNonNull("key") ? node.get("key").asText() : node.path("id").asText();
      if (!name.isEmpty()) {
        String prefix = name + ".";
        for (String field : TEXTS) {
          if (node.path(field).isTextual() && !node.get(field).asText().isBlank()) {
            visitor.text(prefix + field, node, field);
          }
        }
        for (JsonNode option : node.path("values")) {
          if (option instanceof ObjectNode value
              && value.path("label").isTextual()
              && value.hasNonNull("value")) {
            visitor.text(prefix + "values." + value.get("value").asText(), value, "label");
          }
        }
      }
      walk(node, visitor);
    }
  }
}
