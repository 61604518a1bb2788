package eu.complaintdesk.engine;

import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * A small JSON array as a case variable (serialization format {@code application/json}, see {@link
 * JsonListSerializer}): what a Camunda Form's dynamic options ({@code valuesKey}) read and what a
 * checklist submits. Its items are plain JSON: text, numbers, flags, and objects of those.
 *
 * @param items the array's items, as Jackson reads plain JSON (String, Number, Boolean, Map)
 */
public record JsonList(List<Object> items) {

  /** The serialization format Tasklist's Camunda Forms read and write. */
  public static final String FORMAT = "application/json";

  public JsonList {
    items = List.copyOf(items);
  }

  /** As a variable value a Camunda Form reads (format {@value #FORMAT}). */
  public ObjectValue typed() {
    return Variables.objectValue(this).serializationDataFormat(FORMAT).create();
  }

  /** The items that are text, in order (a checklist's chosen values). */
  public List<String> texts() {
    return items.stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }
}
