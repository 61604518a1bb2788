package eu.complaintdesk.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.springframework.stereotype.Component;

/**
 * Lets a Camunda Form in Tasklist offer options from a variable and submit a checklist without
 * Camunda Spin: Tasklist reads dynamic options ({@code valuesKey}) from an object variable in the
 * format {@code application/json}, and submits a checklist's choice in the same format. This
 * serializer handles exactly {@link JsonList}: a JSON array of at most {@value #MAX_BYTES} bytes
 * whose items are text, numbers, flags or flat objects of those. Reading never loads a class: the
 * type name a client sends is ignored, and anything else (nested arrays, a bigger document) is
 * refused. Other values keep the engine's serializers.
 */
class JsonListSerializer extends AbstractObjectValueSerializer {

  /** The format Tasklist's Camunda Forms read and write. */
  static final String FORMAT = JsonList.FORMAT;

  /** A directory's options fit easily; a form submits far less. */
  static final int MAX_BYTES = 64 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  JsonListSerializer() {
    super(FORMAT);
  }

  /** Registers the serializer with the engine (as a plugin). */
  @Component
  static class Registration extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      List<TypedValueSerializer> serializers =
          configuration.getCustomPreVariableSerializers() == null
              ? new ArrayList<>()
              : new ArrayList<>(configuration.getCustomPreVariableSerializers());
      serializers.add(new JsonListSerializer());
      configuration.setCustomPreVariableSerializers(serializers);
    }
  }

  @Override
  public String getName() {
    return "complaintdesk-json-list";
  }

  @Override
  protected String getTypeNameForDeserialized(Object deserializedObject) {
    return JsonList.class.getName();
  }

  @Override
  protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
    byte[] bytes = JSON.writeValueAsBytes(((JsonList) deserializedObject).items());
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "A JSON list variable holds at most " + MAX_BYTES + " bytes");
    }
    return bytes;
  }

  @Override
  protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
    return read(object);
  }

  /** The list the bytes hold; {@link IllegalArgumentException} for anything but a flat array. */
  static JsonList read(byte[] bytes) throws java.io.IOException {
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "A JSON list variable holds at most " + MAX_BYTES + " bytes");
    }
    JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("A JSON list variable must be a JSON array");
    }
    for (JsonNode item : root) {
      boolean flat =
          item.isValueNode() && !item.isNull()
              || item.isObject() && iterable(item).stream().allMatch(JsonNode::isValueNode);
      if (!flat) {
        throw new IllegalArgumentException(
            "A JSON list variable holds text, numbers, flags or flat objects only");
      }
    }
    List<Object> items = new ArrayList<>();
    root.forEach(item -> items.add(JSON.convertValue(item, Object.class)));
    return new JsonList(items);
  }

  private static List<JsonNode> iterable(JsonNode node) {
    List<JsonNode> values = new ArrayList<>();
    node.forEach(values::add);
    return values;
  }

  /**
   * A value a client submits already serialized (engine REST {@code {"type":"Object","valueInfo":
   * {"serializationDataFormat":"application/json",…}}}) is checked by the same rules as on reading,
   * before it is stored: otherwise it would be stored unchecked and fail only when read. The
   * refusal names the variable (400 through the engine REST API).
   */
  @Override
  protected void writeToValueFields(ObjectValue value, ValueFields valueFields, byte[] serialized) {
    if (!value.isDeserialized() && serialized != null) {
      try {
        read(serialized);
      } catch (IllegalArgumentException | java.io.IOException e) {
        throw Refusal.invalid(
            valueFields.getName(),
            "must be a JSON array of at most "
                + MAX_BYTES
                + " bytes of text, numbers, flags or flat objects");
      }
    }
    super.writeToValueFields(value, valueFields, serialized);
  }

  @Override
  protected boolean isSerializationTextBased() {
    return true;
  }

  @Override
  protected boolean canSerializeValue(Object value) {
    return value instanceof JsonList;
  }
}
