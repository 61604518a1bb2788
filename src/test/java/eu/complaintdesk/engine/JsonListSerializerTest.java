package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JSON list submitted already serialized (as engine REST and Tasklist send it) is checked when it
 * is written, by the same rules as on reading, and refused naming the variable.
 */
class JsonListSerializerTest {

  private static final String VARIABLE = "externalOrganisationChoice";

  private static ProcessEngine engine;
  private static RuntimeService runtime;
  private String instance;

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:json-list-serializer;DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setProcessEngineName("json-list-serializer");
    configuration.getProcessEnginePlugins().add(new JsonListSerializer.Registration());
    engine = configuration.buildProcessEngine();
    runtime = engine.getRuntimeService();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "Waiting.bpmn",
            Bpmn.createExecutableProcess("Waiting")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask()
                .endEvent()
                .done())
        .deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @BeforeEach
  void startInstance() {
    instance = runtime.startProcessInstanceByKey("Waiting").getId();
  }

  @Test
  void flatListSubmittedSerializedIsStored() {
    runtime.setVariable(
        instance, VARIABLE, serialized("[\"building-manager\",1,true,{\"a\":\"b\"}]"));

    assertThat(((JsonList) runtime.getVariable(instance, VARIABLE)).items())
        .containsExactly("building-manager", 1, true, Map.of("a", "b"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"not\":\"a list\"}",
        "[[\"nested\"]]",
        "[{\"a\":[1]}]",
        "[null]",
        "not json",
        "\"text\""
      })
  void anythingButAFlatListSubmittedSerializedIsRefusedNamingTheVariable(String json) {
    assertThatThrownBy(() -> runtime.setVariable(instance, VARIABLE, serialized(json)))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("'" + VARIABLE + "' must be a JSON array");
    assertThat(runtime.getVariables(instance)).doesNotContainKey(VARIABLE);
  }

  @Test
  void listSubmittedSerializedOverTheLimitIsRefused() {
    String big = "[\"" + "x".repeat(JsonListSerializer.MAX_BYTES) + "\"]";

    assertThatThrownBy(() -> runtime.setVariable(instance, VARIABLE, serialized(big)))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("'" + VARIABLE + "' must be a JSON array of at most 65536 bytes");
    assertThat(runtime.getVariables(instance)).doesNotContainKey(VARIABLE);
  }

  @Test
  void listWrittenFromJavaIsStoredAsBefore() {
    runtime.setVariable(instance, VARIABLE, new JsonList(List.of("a", "b")).typed());

    assertThat(((JsonList) runtime.getVariable(instance, VARIABLE)).items())
        .containsExactly("a", "b");
  }

  private static ObjectValue serialized(String json) {
    return Variables.serializedObjectValue(json)
        .serializationDataFormat(JsonListSerializer.FORMAT)
        .objectTypeName("java.util.ArrayList")
        .create();
  }
}
