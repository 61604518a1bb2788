package eu.complaintdesk.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a Camunda Form submits: the keys of its input fields. Not inputs: components without a key
 * (text, markdown, images, spacers, buttons), fields marked disabled or read-only, and fields bound
 * to the case facts the form shows ({@code caseFile…}, see {@code tasklist/CaseFacts}). A key with
 * a dot, and a group or dynamic list with a {@code path}, submit one object named by its first
 * part.
 */
public final class FormInputs {

  /** The prefix of the task-local case facts a form shows and never submits. */
  static final String CASE_FACTS_PREFIX = "caseFile";

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormInputs() {}

  /** The form's {@code id}, or {@code null} when it has none. */
  public static String id(byte[] form) {
    JsonNode id = read(form).path("id");
    return id.isTextual() ? id.asText() : null;
  }

  /** The variable names the form submits, sorted. */
  public static Set<String> keys(byte[] form) {
    Set<String> keys = new TreeSet<>();
    collect(read(form).path("components"), keys);
    return keys;
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.path("disabled").asBoolean(false)
          || component.path("readonly").asBoolean(false)) {
        continue;
      }
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      if (!path.isBlank()) {
        add(path, keys);
      } else if (!key.isBlank()) {
        add(key, keys);
      } else {
        collect(component.path("components"), keys);
      }
    }
  }

  private static void add(String key, Set<String> keys) {
    String name = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
    if (!name.startsWith(CASE_FACTS_PREFIX)) {
      keys.add(name);
    }
  }

  private static JsonNode read(byte[] form) {
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
