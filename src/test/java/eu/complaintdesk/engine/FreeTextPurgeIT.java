package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On PostgreSQL, with the job executor running: a case that an earlier release recorded with its
 * texts (variable history, form field records submitted through the engine REST API, the
 * classification's text input, a variable the running case holds) keeps none of them after the
 * start-up step, and the step's second run finds nothing more of the case and fails nowhere.
 *
 * <p>The database is shared with the other integration tests: the engine records unfiltered history
 * only while no job of theirs is due, and the second run is judged by this case alone (another
 * test's running case may still hold a text the step removes).
 */
class FreeTextPurgeIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired ComplaintRegister register;
  @Autowired FreeTextPurge purge;

  @Test
  void textsAnEarlierReleaseRecordedAreRemovedAndTheRegisterKeepsWhatIsSent() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    HistoryEventHandler filtered = configuration.getHistoryEventHandler();
    CaseDriver cases = new CaseDriver(port);
    String instance;
    // no job of another test may run while history is recorded unfiltered
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> management.createJobQuery().executable().count() == 0);
    try {
      // an earlier release recorded every history event as it came
      configuration.setHistoryEventHandler(new DbHistoryEventHandler());
      String number = cases.submit(CaseDriver.HEATING_COMPLAINT);
      String task = cases.awaitTask(number, ComplaintProcess.TASK_CHECK_COMPLETENESS);
      EngineRest admin = EngineRest.as(port, "admin");
      instance = admin.get("/task/" + task).json().get("processInstanceId").asText();
      cases.awaitNoDueJobs(instance);
      EngineRest registrar = EngineRest.as(port, "registrar");
      assertThat(
              registrar.post("/task/" + task + "/claim", CaseDriver.claimBody(registrar)).status())
          .isEqualTo(204);
      EngineRest.Response submitted =
          registrar.post(
              "/task/" + task + "/submit-form",
              CaseDriver.variables(
                  Map.of(
                      ComplaintVariables.COMPLETE,
                      false,
                      ComplaintVariables.MISSING_INFORMATION,
                      "A photo of the meter")));
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);
      cases.awaitNoDueJobs(instance);
      runtime.setVariable(instance, ComplaintVariables.MISSING_INFORMATION, "A photo of the meter");
    } finally {
      configuration.setHistoryEventHandler(filtered);
    }
    management.deleteProperty(FreeTextPurge.DONE);
    assertThat(historicVariables(instance)).contains(ComplaintVariables.MISSING_INFORMATION);
    assertThat(formFields(instance)).contains(ComplaintVariables.MISSING_INFORMATION);
    assertThat(textInputs(instance)).anyMatch(value -> value != null);

    FreeTextPurge.Result result = purge.purge();

    assertThat(result.failed()).isZero();
    assertThat(result.runningCases()).isPositive();
    assertThat(runtime.getVariables(instance).keySet())
        .doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(historicVariables(instance))
        .isNotEmpty()
        .doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT)
        .noneMatch(name -> name.startsWith(ComplaintVariables.CASE_FACTS_PREFIX));
    assertThat(formFields(instance)).doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(textInputs(instance)).allMatch(value -> value == null);
    Object complaintId =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance)
            .variableName(ComplaintVariables.COMPLAINT_ID)
            .singleResult()
            .getValue();
    assertThat(register.missingInformation(((Number) complaintId).longValue()))
        .isEqualTo("A photo of the meter");
    Records purged = records(instance);

    assertThat(management.getProperties()).containsKey(FreeTextPurge.DONE);
    assertThat(purge.purge().nothingDone()).as("a later start").isTrue();
    management.deleteProperty(FreeTextPurge.DONE);
    FreeTextPurge.Result again = purge.purge();

    assertThat(again.failed()).as("failures of a second run").isZero();
    assertThat(records(instance)).as("what a second run leaves of the case").isEqualTo(purged);
  }

  /** What the engine keeps of the case that the step could remove, each list sorted. */
  private record Records(
      List<String> runtimeVariables,
      List<String> historicVariables,
      List<String> formFields,
      List<String> decisions) {}

  private Records records(String instance) {
    return new Records(
        runtime.getVariables(instance).keySet().stream().sorted().toList(),
        historicVariables(instance).stream().sorted().toList(),
        formFields(instance).stream().sorted().toList(),
        history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list().stream()
            .map(HistoricDecisionInstance::getId)
            .sorted()
            .toList());
  }

  private List<String> historicVariables(String instance) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance)
        .includeDeleted()
        .list()
        .stream()
        .map(HistoricVariableInstance::getName)
        .toList();
  }

  private List<String> formFields(String instance) {
    return history
        .createHistoricDetailQuery()
        .processInstanceId(instance)
        .formFields()
        .list()
        .stream()
        .map(detail -> ((HistoricFormField) detail).getFieldId())
        .toList();
  }

  private List<Object> textInputs(String instance) {
    return history
        .createHistoricDecisionInstanceQuery()
        .processInstanceId(instance)
        .includeInputs()
        .list()
        .stream()
        .map(HistoricDecisionInstance::getInputs)
        .flatMap(List::stream)
        .filter(input -> input.getClauseId().endsWith(FreeTextPurge.TEXT_CLAUSE_SUFFIX))
        .map(input -> input.getValue())
        .toList();
  }
}
