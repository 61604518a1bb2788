package eu.complaintdesk.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.process.ComplaintVariables;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Camunda Form submits, as Tasklist's form-js does (it submits every keyed field that is not
 * disabled): the keys of its input fields, and apart from them the keys of its read-only fields,
 * which it submits with the value they show. Neither: components without a key (text, markdown,
 * images, spacers, buttons), fields marked disabled, and fields bound to the case facts the form
 * shows ({@link ComplaintVariables#CASE_FACTS_PREFIX caseFile…}). A key with a dot, and a group or
 * dynamic list with a {@code path}, submit one object named by its first part.
 */
final class FormInputs {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A form read: its {@code id} ({@code null} when it has none), the names it asks for, sorted, and
   * the names it only shows (read-only fields), sorted, none of them also an input.
   */
  record Fields(String id, Set<String> inputs, Set<String> shown) {}

  private FormInputs() {}

  /** The form read; {@link IllegalArgumentException} when it is no JSON object. */
  static Fields read(byte[] form) {
    JsonNode root = json(form);
    Set<String> inputs = new TreeSet<>();
    Set<String> shown = new TreeSet<>();
    collect(root.path("components"), inputs, shown);
    shown.removeAll(inputs);
    JsonNode id = root.path("id");
    return new Fields(
        id.isTextual() ? id.asText() : null,
        Collections.unmodifiableSet(inputs),
        Collections.unmodifiableSet(shown));
  }

  /** The variable names the form asks for, sorted. */
  static Set<String> keys(byte[] form) {
    return read(form).inputs();
  }

  private static void collect(JsonNode components, Set<String> inputs, Set<String> shown) {
    for (JsonNode component : components) {
      if (component.path("disabled").asBoolean(false)) {
        continue; // form-js does not submit it
      }
      Set<String> into = component.path("readonly").asBoolean(false) ? shown : inputs;
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      if (!path.isBlank()) {
        add(path, into);
      } else if (!key.isBlank()) {
        add(key, into);
      } else {
        collect(component.path("components"), inputs, shown);
      }
    }
  }

  private static void add(String key, Set<String> keys) {
    String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    if (!name.startsWith(ComplaintVariables.CASE_FACTS_PREFIX)) {
      keys.add(name);
    }
  }

  private static JsonNode json(byte[] form) {
    try {
      JsonNode root = JSON.readTree(form);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("A Camunda Form is a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a readable Camunda Form: " + e.getMessage(), e);
    }
  }
}
