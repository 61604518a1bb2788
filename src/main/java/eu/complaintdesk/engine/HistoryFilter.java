package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Drops the history events of variables that a {@link KeptOutOfHistory} bean names: their variable
 * updates and the form field records the engine writes when a form is submitted. With history level
 * {@code full} the engine would otherwise keep every value they ever had. A decision's history is
 * kept, but an input computed from such a variable (its input expression reads it, e.g. the
 * customer's {@code text} that SuggestClassification reads) keeps no value: the engine records the
 * evaluated value of every input, transient variables included, so that input is recorded as null.
 * Everything else is recorded as usual.
 */
@Component
class HistoryFilter extends AbstractProcessEnginePlugin {

  /** What may name a variable in an expression (JUEL or FEEL). */
  private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  /** The rules, looked up once at the first event: every history event asks them. */
  private final Supplier<List<KeptOutOfHistory>> rules;

  /**
   * Decision definition id, input clause id and process key → whether that input keeps no value:
   * each input's expression is read once.
   */
  private final Map<String, Boolean> inputsKeptOut = new ConcurrentHashMap<>();

  /** The engine's cache of deployed models: the decisions' input expressions. */
  private DeploymentCache deployments;

  HistoryFilter(ObjectProvider<KeptOutOfHistory> rules) {
    this.rules = SingletonSupplier.of(() -> rules.orderedStream().toList());
  }

  /** Wraps the handler the engine built (the database one and any custom ones). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    deployments = configuration.getDeploymentCache();
    configuration.setHistoryEventHandler(new Filtering(configuration.getHistoryEventHandler()));
  }

  boolean keepsOut(HistoryEvent event) {
    String name;
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      name = variable.getVariableName();
    } else if (event instanceof HistoricFormPropertyEventEntity field) {
      name = field.getPropertyId();
    } else {
      return false;
    }
    String processKey = event.getProcessDefinitionKey();
    return name != null && rules.get().stream().anyMatch(rule -> rule.keepsOut(processKey, name));
  }

  /** Empties the inputs computed from a variable kept out, in each decision the event records. */
  void withoutKeptOutInputs(HistoricDecisionEvaluationEvent event) {
    withoutKeptOutInputs(event.getRootHistoricDecisionInstance());
    if (event.getRequiredHistoricDecisionInstances() != null) {
      event.getRequiredHistoricDecisionInstances().forEach(this::withoutKeptOutInputs);
    }
  }

  private void withoutKeptOutInputs(HistoricDecisionInstanceEntity decision) {
    if (decision == null || decision.getInputs() == null) {
      return;
    }
    List<HistoricDecisionInputInstance> inputs = new ArrayList<>();
    for (HistoricDecisionInputInstance input : decision.getInputs()) {
      inputs.add(
          keepsOutValueOf(decision, input.getClauseId())
              ? withoutValue((HistoricDecisionInputInstanceEntity) input)
              : input);
    }
    decision.setInputs(inputs);
  }

  /** Whether the input's expression reads a variable kept out of history. */
  boolean keepsOutValueOf(HistoricDecisionInstanceEntity decision, String clauseId) {
    String processKey = decision.getProcessDefinitionKey();
    String definitionId = decision.getDecisionDefinitionId();
    return inputsKeptOut.computeIfAbsent(
        definitionId + "\n" + clauseId + "\n" + processKey,
        key -> readsKeptOut(processKey, inputExpression(definitionId, clauseId)));
  }

  /**
   * Whether an expression names a variable kept out: every word of it that could be a variable name
   * is asked (a word inside a string literal too, which at worst keeps out one value more). No
   * expression found: kept out, as the safe side.
   */
  boolean readsKeptOut(String processKey, String expression) {
    if (expression == null) {
      return true;
    }
    return IDENTIFIER
        .matcher(expression)
        .results()
        .map(MatchResult::group)
        .anyMatch(name -> rules.get().stream().anyMatch(rule -> rule.keepsOut(processKey, name)));
  }

  private String inputExpression(String decisionDefinitionId, String clauseId) {
    DmnModelInstance model =
        deployments.findDmnModelInstanceForDecisionDefinition(decisionDefinitionId);
    if (model == null
        || !(model.getModelElementById(clauseId) instanceof Input input)
        || input.getInputExpression() == null
        || input.getInputExpression().getText() == null) {
      return null;
    }
    return input.getInputExpression().getText().getTextContent();
  }

  /** The same input, recorded as null: which input it was stays, its value does not. */
  private static HistoricDecisionInputInstanceEntity withoutValue(
      HistoricDecisionInputInstanceEntity input) {
    HistoricDecisionInputInstanceEntity empty =
        new HistoricDecisionInputInstanceEntity(
            input.getRootProcessInstanceId(), input.getRemovalTime());
    empty.setId(input.getId());
    empty.setDecisionInstanceId(input.getDecisionInstanceId());
    empty.setClauseId(input.getClauseId());
    empty.setClauseName(input.getClauseName());
    empty.setCreateTime(input.getCreateTime());
    empty.setTenantId(input.getTenantId());
    empty.setValue(Variables.untypedNullValue());
    return empty;
  }

  final class Filtering implements HistoryEventHandler {

    private final HistoryEventHandler next;

    Filtering(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricDecisionEvaluationEvent decisions) {
        withoutKeptOutInputs(decisions);
      }
      if (!keepsOut(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
