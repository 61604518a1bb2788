package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
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
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Drops the history events of variables that a {@link KeptOutOfHistory} bean names: their variable
 * updates and the form field records the engine writes when a form is submitted. With history level
 * {@code full} the engine would otherwise keep every value they ever had. Copies of the case's
 * variables are left out too ({@link #isCopy}): a task's own variables in the complaint process and
 * business rule tasks' input mappings. A decision's history is kept, but an input computed from
 * such a variable (its input expression reads it, e.g. the customer's {@code text} that
 * SuggestClassification reads) keeps no value: the engine records the evaluated value of every
 * input, transient variables included, so that input is recorded as null.
 *
 * <p>A decision's inputs and outputs are recorded only when {@code
 * complaints.history.decision-values} is true (issue 13, docs/adr/0016): by default a decision
 * instance records which decision, which version, when and for which case, and no input or output
 * ({@code ACT_HI_DEC_IN}, {@code ACT_HI_DEC_OUT}): the inputs are the case's variables and the
 * outputs land in them, so the rows were copies that only Cockpit showed. Everything else is
 * recorded as usual.
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

  /** Whether a decision instance records its inputs and outputs. */
  private final boolean decisionValues;

  /**
   * Process definition id → the names its business rule tasks' input mappings set: each definition
   * is read once.
   */
  private final Map<String, Set<String>> decisionInputs = new ConcurrentHashMap<>();

  /** The engine's cache of deployed models: the decisions' input expressions. */
  private DeploymentCache deployments;

  HistoryFilter(
      ObjectProvider<KeptOutOfHistory> rules,
      @Value("${complaints.history.decision-values:false}") boolean decisionValues) {
    this.rules = SingletonSupplier.of(() -> rules.orderedStream().toList());
    this.decisionValues = decisionValues;
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
      if (isCopy(variable)) {
        return true;
      }
      name = variable.getVariableName();
    } else if (event instanceof HistoricFormPropertyEventEntity field) {
      name = field.getPropertyId();
    } else {
      return false;
    }
    String processKey = event.getProcessDefinitionKey();
    return name != null && rules.get().stream().anyMatch(rule -> rule.keepsOut(processKey, name));
  }

  /**
   * Whether the variable is a copy of the case's variables that history need not keep (issue 13,
   * docs/adr/0016): a task's own variable in {@code ComplaintHandlingProcess} (no user may set one
   * there, engine/TaskVariableGuard: they are what the application shows on the task, Tasklist's
   * columns and the case facts), or a business rule task's input mapping (a local variable that
   * only hands the decision a value of the case's variables, e.g. {@code priority} = {@code
   * ${suggestedPriority}}). Every event of such a variable is left out, its creation, updates and
   * deletion alike.
   */
  boolean isCopy(HistoricVariableUpdateEventEntity variable) {
    if (variable.getTaskId() != null) {
      return ComplaintProcess.PROCESS_KEY.equals(variable.getProcessDefinitionKey());
    }
    return variable.getExecutionId() != null
        && variable.getProcessDefinitionId() != null
        && !variable.getExecutionId().equals(variable.getProcessInstanceId())
        && decisionInputs(variable.getProcessDefinitionId()).contains(variable.getVariableName());
  }

  /** The names a business rule task's input mapping sets, in a process definition. */
  private Set<String> decisionInputs(String processDefinitionId) {
    return decisionInputs.computeIfAbsent(
        processDefinitionId,
        id -> {
          Set<String> names = new HashSet<>();
          ProcessDefinitionEntity definition = deployments.findDeployedProcessDefinitionById(id);
          if (definition != null) {
            collectDecisionInputs(definition, names);
          }
          return Set.copyOf(names);
        });
  }

  private static void collectDecisionInputs(ScopeImpl scope, Set<String> names) {
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior
          && activity.getIoMapping() != null) {
        activity.getIoMapping().getInputParameters().forEach(input -> names.add(input.getName()));
      }
      collectDecisionInputs(activity, names);
    }
  }

  /**
   * The decisions the event records, as the setting wants them: with their inputs and outputs (the
   * inputs computed from a variable kept out emptied), or without any.
   */
  void filterValues(HistoricDecisionEvaluationEvent event) {
    if (decisionValues) {
      withoutKeptOutInputs(event);
    } else {
      decisions(event).forEach(HistoryFilter::withoutValues);
    }
  }

  /** The root decision of the event and the decisions it required. */
  private static List<HistoricDecisionInstanceEntity> decisions(
      HistoricDecisionEvaluationEvent event) {
    List<HistoricDecisionInstanceEntity> decisions = new ArrayList<>();
    if (event.getRootHistoricDecisionInstance() != null) {
      decisions.add(event.getRootHistoricDecisionInstance());
    }
    if (event.getRequiredHistoricDecisionInstances() != null) {
      decisions.addAll(event.getRequiredHistoricDecisionInstances());
    }
    return decisions;
  }

  /**
   * The decision without inputs and outputs: the engine writes one row per input and output it
   * finds in these lists. The decision instance keeps its definition, time, case and activity (and
   * a collect aggregation's result, a column of its own).
   */
  private static void withoutValues(HistoricDecisionInstanceEntity decision) {
    decision.setInputs(new ArrayList<>());
    decision.setOutputs(new ArrayList<>());
  }

  /** Empties the inputs computed from a variable kept out, in each decision the event records. */
  void withoutKeptOutInputs(HistoricDecisionEvaluationEvent event) {
    decisions(event).forEach(this::withoutKeptOutInputs);
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
        filterValues(decisions);
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
