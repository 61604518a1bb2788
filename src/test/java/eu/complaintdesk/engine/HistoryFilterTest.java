package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Which decision inputs keep no value in history: those whose input expression reads a variable
 * kept out of history, and that by default a decision keeps no input or output at all. The decision
 * history itself is checked on the real engine (HistoryFilterEngineTest with inputs and outputs,
 * ComplaintHandlingProcessTest and EngineHistoryPrivacyIT without).
 */
class HistoryFilterTest {

  private static final String PROCESS = "ComplaintHandlingProcess";

  /** Keeps out {@code text} of {@value #PROCESS}, as FreeTextOutOfEngine does. */
  private final HistoryFilter filter = filter(true);

  private static HistoryFilter filter(boolean decisionValues) {
    return new HistoryFilter(
        new StaticListableBeanFactory(
                Map.of(
                    "rule",
                    (KeptOutOfHistory)
                        (processKey, name) -> PROCESS.equals(processKey) && "text".equals(name)))
            .getBeanProvider(KeptOutOfHistory.class),
        decisionValues);
  }

  @Test
  void byDefaultADecisionIsRecordedWithoutItsInputsAndOutputs() {
    HistoricDecisionInstanceEntity root = decision("Root");
    HistoricDecisionInstanceEntity required = decision("Required");
    HistoricDecisionEvaluationEvent event = new HistoricDecisionEvaluationEvent();
    event.setRootHistoricDecisionInstance(root);
    event.setRequiredHistoricDecisionInstances(List.of(required));
    List<HistoryEvent> handled = new ArrayList<>();
    HistoryEventHandler database =
        new HistoryEventHandler() {
          @Override
          public void handleEvent(HistoryEvent historyEvent) {
            handled.add(historyEvent);
          }

          @Override
          public void handleEvents(List<HistoryEvent> historyEvents) {
            handled.addAll(historyEvents);
          }
        };

    filter(false).new Filtering(database).handleEvent(event);

    assertThat(handled).containsExactly(event);
    assertThat(List.of(root, required))
        .allSatisfy(
            decision -> {
              assertThat(decision.getInputs()).isEmpty();
              assertThat(decision.getOutputs()).isEmpty();
            })
        .extracting(HistoricDecisionInstanceEntity::getDecisionDefinitionKey)
        .containsExactly("Root", "Required");
  }

  /** A decision with one input and one output, as the engine hands it to the history handler. */
  private static HistoricDecisionInstanceEntity decision(String key) {
    HistoricDecisionInstanceEntity decision = new HistoricDecisionInstanceEntity();
    decision.setDecisionDefinitionKey(key);
    HistoricDecisionInputInstanceEntity input = new HistoricDecisionInputInstanceEntity();
    input.setClauseId("Input_" + key);
    HistoricDecisionOutputInstanceEntity output = new HistoricDecisionOutputInstanceEntity();
    output.setClauseId("Output_" + key);
    decision.setInputs(new ArrayList<>(List.of(input)));
    decision.setOutputs(new ArrayList<>(List.of(output)));
    return decision;
  }

  @Test
  void anInputComputedFromTheCustomersTextKeepsNoValue() {
    assertThat(
            filter.readsKeptOut(
                PROCESS,
                "\" \" + replace(lower case(text), \"[^\\p{L}\\p{N}?-]+\", \" \") + \" \""))
        .isTrue();
    assertThat(filter.readsKeptOut(PROCESS, "text")).isTrue();
  }

  @Test
  void anInputOfOtherVariablesKeepsItsValue() {
    assertThat(filter.readsKeptOut(PROCESS, "recognisedWords")).isFalse();
    assertThat(filter.readsKeptOut(PROCESS, "context + textual + text2")).isFalse();
    assertThat(filter.readsKeptOut("AnotherProcess", "text")).isFalse();
  }

  @Test
  void anInputWhoseExpressionIsUnknownKeepsNoValue() {
    assertThat(filter.readsKeptOut(PROCESS, null)).isTrue();
  }
}
