package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The decision history on a real engine (H2 in memory, history full), for both values of {@code
 * complaints.history.decision-values}: the case's classification (dmn/SuggestClassification.dmn,
 * four decision instances) is recorded either way; its inputs and outputs only when the setting is
 * on, and then the inputs read from the customer's text keep no value. Copies of the case's
 * variables (a task's own, a decision task's input mapping) are not in the variable history.
 */
class HistoryFilterEngineTest {

  private static final String TEXT = "Rēķinā par oktobri ir par daudz, esmu neapmierināts";

  @Test
  void withDecisionValuesTheInputsReadFromTheTextKeepNoValue() {
    List<HistoricDecisionInstance> decisions = classifyWith(true);

    assertThat(decisions)
        .extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
        .containsExactlyInAnyOrder(
            "SuggestClassification", "SuggestFeedbackType", "SuggestCategory", "RecogniseWords");
    Map<String, Object> inputs =
        decisions.stream()
            .flatMap(decision -> decision.getInputs().stream())
            .collect(
                Collectors.toMap(
                    HistoricDecisionInputInstance::getClauseId,
                    input -> String.valueOf(input.getValue())));
    assertThat(inputs)
        .containsEntry("Input_SuggestCategory_Text", "null")
        .containsEntry("Input_RecogniseWords_Text", "null")
        .containsEntry("Input_SuggestClassification_Channel", "API")
        .containsEntry("Input_SuggestCategory_CategoryHint", "BILLING");
    assertThat(decisions)
        .flatExtracting(HistoricDecisionInstance::getOutputs)
        .extracting(output -> output.getVariableName() + "=" + output.getValue())
        .contains("suggestedCategory=BILLING");
  }

  @Test
  void withoutDecisionValuesEachDecisionIsRecordedWithoutInputsAndOutputs() {
    List<HistoricDecisionInstance> decisions = classifyWith(false);

    assertThat(decisions)
        .extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
        .containsExactlyInAnyOrder(
            "SuggestClassification", "SuggestFeedbackType", "SuggestCategory", "RecogniseWords");
    assertThat(decisions)
        .allSatisfy(
            decision -> {
              assertThat(decision.getProcessDefinitionKey())
                  .isEqualTo(ComplaintProcess.PROCESS_KEY);
              assertThat(decision.getDecisionDefinitionId()).isNotNull();
              assertThat(decision.getEvaluationTime()).isNotNull();
              assertThat(decision.getActivityId()).isEqualTo("BusinessRuleTask_Classify");
              assertThat(decision.getInputs()).isEmpty();
              assertThat(decision.getOutputs()).isEmpty();
            });
  }

  @Test
  void copiesOfTheCasesVariablesAreNotInHistory() {
    ProcessEngine engine = engine("history-filter-copies", false);
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addClasspathResource("dmn/TaskPriority.dmn")
          .addModelInstance(
              "Prioritising.bpmn",
              Bpmn.createExecutableProcess(ComplaintProcess.PROCESS_KEY)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .businessRuleTask("BusinessRuleTask_Prioritise")
                  .camundaDecisionRef("TaskPriority")
                  .camundaDecisionRefBinding("deployment")
                  .camundaMapDecisionResult("singleEntry")
                  .camundaResultVariable(ComplaintVariables.TASK_PRIORITY)
                  .camundaInputParameter("priority", "${suggestedPriority}")
                  .camundaInputParameter("repeat", "${false}")
                  .camundaInputParameter("escalated", "${false}")
                  .userTask("UserTask_Check")
                  .endEvent()
                  .done())
          .deploy();
      String instance =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  ComplaintProcess.PROCESS_KEY,
                  Variables.createVariables()
                      .putValue(ComplaintVariables.SUGGESTED_PRIORITY, "HIGH")
                      .putValue(ComplaintVariables.REGISTRATION_NUMBER, "2026-000001"))
              .getId();
      String task =
          engine
              .getTaskService()
              .createTaskQuery()
              .processInstanceId(instance)
              .singleResult()
              .getId();
      // what Tasklist's columns show, copied onto the task (tasklist/TaskListVariables)
      engine
          .getTaskService()
          .setVariableLocal(task, ComplaintVariables.REGISTRATION_NUMBER, "2026-000001");

      assertThat(engine.getTaskService().getVariablesLocal(task))
          .containsEntry(ComplaintVariables.REGISTRATION_NUMBER, "2026-000001");
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance)
                  .includeDeleted()
                  .list())
          .extracting(
              variable -> variable.getName() + (variable.getTaskId() == null ? "" : " of the task"))
          .containsExactlyInAnyOrder(
              ComplaintVariables.SUGGESTED_PRIORITY,
              ComplaintVariables.REGISTRATION_NUMBER,
              ComplaintVariables.TASK_PRIORITY);
      engine.getTaskService().complete(task);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instance)
                  .includeDeleted()
                  .count())
          .isEqualTo(3);
    } finally {
      engine.close();
    }
  }

  /** An engine of its own with the filter and the rule of FreeTextOutOfEngine. */
  private static ProcessEngine engine(String name, boolean decisionValues) {
    HistoryFilter filter =
        new HistoryFilter(
            new StaticListableBeanFactory(
                    Map.of("freeTextOutOfEngine", (KeptOutOfHistory) new FreeTextOutOfEngine()))
                .getBeanProvider(KeptOutOfHistory.class),
            decisionValues);
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setProcessEngineName(name);
    configuration.getProcessEnginePlugins().add(filter);
    return configuration.buildProcessEngine();
  }

  /**
   * Starts a process of the complaint process's key that evaluates the classification with the
   * customer's text as a transient variable (as SuggestClassificationListener gives it), on an
   * engine of its own with the filter and the rule of FreeTextOutOfEngine; the decisions recorded.
   */
  private static List<HistoricDecisionInstance> classifyWith(boolean decisionValues) {
    ProcessEngine engine = engine("history-filter-" + decisionValues, decisionValues);
    try {
      engine
          .getRepositoryService()
          .createDeployment()
          .addClasspathResource("dmn/SuggestClassification.dmn")
          .addModelInstance(
              "Classifying.bpmn",
              Bpmn.createExecutableProcess(ComplaintProcess.PROCESS_KEY)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .businessRuleTask("BusinessRuleTask_Classify")
                  .camundaDecisionRef("SuggestClassification")
                  .camundaDecisionRefBinding("deployment")
                  .camundaMapDecisionResult("singleResult")
                  .userTask()
                  .endEvent()
                  .done())
          .deploy();
      String instance =
          engine
              .getRuntimeService()
              .startProcessInstanceByKey(
                  ComplaintProcess.PROCESS_KEY,
                  Variables.createVariables()
                      .putValue(ComplaintVariables.CHANNEL, "API")
                      .putValue(ComplaintVariables.CATEGORY_HINT, "BILLING")
                      .putValue(ComplaintVariables.FEEDBACK_TYPE_HINT, null)
                      .putValueTyped(
                          ComplaintVariables.CLASSIFICATION_TEXT,
                          Variables.stringValue(TEXT, true)))
              .getId();
      return engine
          .getHistoryService()
          .createHistoricDecisionInstanceQuery()
          .processInstanceId(instance)
          .includeInputs()
          .includeOutputs()
          .list();
    } finally {
      engine.close();
    }
  }
}
