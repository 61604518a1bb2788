package eu.complaintdesk.engine;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.MISSING_INFORMATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.StaffRegistrationProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.security.Groups;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A case of a release before issue 11 kept its free text in the engine: as process variables of the
 * running case, in the variable history and form field records, and as the classification's text
 * input. The start-up step copies what the case still sends into the register, removes the rest,
 * and the case goes on to send the right text; a second run finds nothing.
 */
@SpringBootTest
@ActiveProfiles("test")
class FreeTextPurgeTest {

  static final Instant RECEIVED = Instant.parse("2026-11-24T08:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IntakeService intake;
  @Autowired ComplaintRegister register;
  @Autowired IdentityService identity;
  @Autowired RegisterAnonymisation anonymisation;
  @Autowired NotificationService notifications;
  @Autowired FreeTextPurge purge;

  ProcessEngineConfigurationImpl configuration;
  HistoryEventHandler filtered;
  IntakeService.Receipt receipt;
  ProcessInstance instance;

  @BeforeEach
  void startCaseAsAnEarlierReleaseDid() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    filtered = configuration.getHistoryEventHandler();
    // an earlier release recorded every history event as it came
    configuration.setHistoryEventHandler(new DbHistoryEventHandler());
    management.deleteProperty(FreeTextPurge.DONE);
    receipt =
        intake.submit(
            new Submission(
                Language.lv,
                new Submission.Customer(
                    "Jānis Bērziņš",
                    "janis@example.lv",
                    "+371 20000000",
                    "C-1001",
                    "Rīga, Brīvības iela 1"),
                PreferredContact.EMAIL,
                "Nepareizs rēķins",
                "Rēķinā par oktobri ir par daudz.",
                "Pārrēķināt rēķinu",
                "BILLING",
                null,
                null,
                null),
            Channel.API,
            RECEIVED,
            null,
            null);
    instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.registrationNumber())
            .singleResult();
    runAsyncJobs();
    leaveCaseFactsOnTheTask();
  }

  /**
   * An earlier release also kept the case facts a form shows as task-local {@code caseFile…}
   * variables on every task (written as the system, past the task variable rule), which that
   * release's history recorded.
   */
  private void leaveCaseFactsOnTheTask() {
    String taskId = BpmnAwareTests.task(instance).getId();
    configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              context
                  .getTaskManager()
                  .findTaskById(taskId)
                  .setVariableLocal(
                      ComplaintVariables.CASE_FACTS_PREFIX + "Description",
                      "Rēķinā par oktobri ir par daudz.");
              return null;
            });
  }

  @AfterEach
  void restore() {
    configuration.setHistoryEventHandler(filtered);
    ClockUtil.reset();
  }

  @Test
  void missingInformationHeldByTheCaseMovesToTheRegisterAndIsSentFromThere() {
    submit(Map.of(COMPLETE, false, MISSING_INFORMATION, "Rēķina kopija"));
    // before issue 11 the register had no copy and the case kept the text for the request
    register.recordMissingInformation(receipt.complaintId(), null);
    runtime.setVariable(instance.getId(), MISSING_INFORMATION, "Rēķina kopija");
    configuration.setHistoryEventHandler(filtered);
    assertEarlierReleaseLeftTextInTheEngine();

    FreeTextPurge.Result result = purge.purge();

    assertThat(result.runningCases()).isEqualTo(1);
    assertThat(result.copiedToRegister()).isEqualTo(1);
    assertThat(result.historicVariables()).isPositive();
    assertThat(result.formFields()).isPositive();
    assertThat(result.decisions()).isPositive();
    assertThat(result.failed()).isZero();
    assertNoFreeTextInTheEngine();
    assertThat(register.missingInformation(receipt.complaintId())).isEqualTo("Rēķina kopija");

    runAsyncJobs();
    assertThat(instance).isWaitingAt("Gateway_AwaitInformation");
    assertThat(message(NotificationKind.MISSING_INFORMATION_REQUEST)).contains("Rēķina kopija");
    assertSecondRunFindsNothing();
  }

  @Test
  void answerHeldByTheCaseMovesToTheRegisterAndIsSentFromThere() {
    submit(Map.of(COMPLETE, true));
    submit(Map.of(FEEDBACK_TYPE, "INFORMATION_REQUEST", CATEGORY, "BILLING"));
    runAsyncJobs();
    assertThat(instance).isWaitingAt(ComplaintProcess.TASK_ANSWER_INFORMATION_REQUEST);
    submit(Map.of(ANSWER, "Rēķinu var apmaksāt līdz mēneša 20. datumam."));
    register.recordAnswerText(receipt.complaintId(), null);
    runtime.setVariable(instance.getId(), ANSWER, "Rēķinu var apmaksāt līdz mēneša 20. datumam.");
    configuration.setHistoryEventHandler(filtered);
    assertEarlierReleaseLeftTextInTheEngine();

    FreeTextPurge.Result result = purge.purge();

    assertThat(result.runningCases()).isEqualTo(1);
    assertThat(result.copiedToRegister()).isEqualTo(1);
    assertThat(result.failed()).isZero();
    assertNoFreeTextInTheEngine();

    runAsyncJobs();
    assertThat(message(NotificationKind.ANSWER))
        .contains("Rēķinu var apmaksāt līdz mēneša 20. datumam.");
    assertThat(register.get(receipt.complaintId()).answeredAt()).isNotNull();
    assertSecondRunFindsNothing();
  }

  @Test
  void textTheRegisterAlreadyHoldsIsNotReplacedByTheCasesCopy() {
    submit(Map.of(COMPLETE, false, MISSING_INFORMATION, "Skaitītāja fotogrāfija"));
    runtime.setVariable(instance.getId(), MISSING_INFORMATION, "Vecāks teksts");
    configuration.setHistoryEventHandler(filtered);

    FreeTextPurge.Result result = purge.purge();

    assertThat(result.runningCases()).isEqualTo(1);
    assertThat(result.copiedToRegister()).isZero();
    assertNoFreeTextInTheEngine();
    runAsyncJobs();
    assertThat(message(NotificationKind.MISSING_INFORMATION_REQUEST))
        .contains("Skaitītāja fotogrāfija")
        .doesNotContain("Vecāks teksts");
  }

  @Test
  void nothingIsCopiedIntoAnAnonymisedComplaint() {
    submit(Map.of(COMPLETE, false, MISSING_INFORMATION, "Rēķina kopija"));
    runtime.setVariable(instance.getId(), MISSING_INFORMATION, "Rēķina kopija");
    configuration.setHistoryEventHandler(filtered);
    assertThat(anonymisation.anonymise(receipt.complaintId(), "ERASURE")).isTrue();

    FreeTextPurge.Result result = purge.purge();

    assertThat(result.copiedToRegister()).isZero();
    assertThat(result.failed()).isZero();
    assertNoFreeTextInTheEngine();
    assertThat(register.missingInformation(receipt.complaintId())).isNull();
  }

  @Test
  void staffRegistrationKeepsOnlyItsNumberAndRegistrar() {
    Map<String, Object> form = new HashMap<>();
    form.put(StaffRegistrationProcess.CHANNEL, "POST");
    form.put(StaffRegistrationProcess.LANGUAGE, "lv");
    form.put(StaffRegistrationProcess.CUSTOMER_NAME, "Ilze Kalniņa");
    form.put(StaffRegistrationProcess.CUSTOMER_ADDRESS, "Liepāja, Lielā iela 5");
    form.put(StaffRegistrationProcess.PREFERRED_CONTACT, "POST");
    form.put(StaffRegistrationProcess.SUBJECT, "Karstā ūdens nav");
    form.put(StaffRegistrationProcess.DESCRIPTION, "Kopš pirmdienas dzīvoklī nav karstā ūdens.");
    form.put(StaffRegistrationProcess.REMEDY_SOUGHT, "Atjaunot karstā ūdens piegādi");
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(StaffRegistrationProcess.PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    identity.setAuthentication("registrar", List.of(Groups.REGISTRARS));
    String registration;
    try {
      registration = forms.submitStartForm(definition, form).getId();
    } finally {
      identity.clearAuthentication();
    }
    configuration.setHistoryEventHandler(filtered);
    assertThat(registrationVariables(registration))
        .contains(StaffRegistrationProcess.CUSTOMER_NAME, StaffRegistrationProcess.DESCRIPTION);
    assertThat(
            history
                .createHistoricDetailQuery()
                .processInstanceId(registration)
                .formFields()
                .count())
        .isPositive();

    FreeTextPurge.Result result = purge.purge();

    assertThat(result.failed()).isZero();
    assertThat(registrationVariables(registration))
        .containsOnly(
            StaffRegistrationProcess.REGISTRATION_NUMBER, StaffRegistrationProcess.REGISTERED_BY);
    assertThat(
            history.createHistoricDetailQuery().processInstanceId(registration).list().stream()
                .map(
                    detail ->
                        detail instanceof HistoricFormField field
                            ? field.getFieldId()
                            : ((HistoricVariableUpdate) detail).getVariableName())
                .toList())
        .doesNotContainAnyElementsOf(StaffRegistrationProcess.FORM_VARIABLES);
    assertSecondRunFindsNothing();
  }

  private List<String> registrationVariables(String registration) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(registration)
        .includeDeleted()
        .list()
        .stream()
        .map(HistoricVariableInstance::getName)
        .toList();
  }

  private void assertEarlierReleaseLeftTextInTheEngine() {
    assertThat(runtime.getVariables(instance.getId()).keySet())
        .containsAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(historicVariables()).containsAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(historicVariables())
        .anyMatch(name -> name.startsWith(ComplaintVariables.CASE_FACTS_PREFIX));
    assertThat(formFields()).containsAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(textInputs()).anyMatch(value -> value != null);
  }

  private void assertNoFreeTextInTheEngine() {
    assertThat(runtime.getVariables(instance.getId()).keySet())
        .doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(historicVariables())
        .isNotEmpty()
        .doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT)
        .noneMatch(name -> name.startsWith(ComplaintVariables.CASE_FACTS_PREFIX));
    assertThat(formFields()).doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(textInputs()).allMatch(value -> value == null);
  }

  /** Names of the case's historic variables, removed ones included. */
  private List<String> historicVariables() {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .includeDeleted()
        .list()
        .stream()
        .map(HistoricVariableInstance::getName)
        .toList();
  }

  private List<String> formFields() {
    return history
        .createHistoricDetailQuery()
        .processInstanceId(instance.getId())
        .formFields()
        .list()
        .stream()
        .map(detail -> ((HistoricFormField) detail).getFieldId())
        .toList();
  }

  /** Values of the decision inputs of the case that read the customer's text. */
  private List<Object> textInputs() {
    return history
        .createHistoricDecisionInstanceQuery()
        .processInstanceId(instance.getId())
        .includeInputs()
        .list()
        .stream()
        .map(HistoricDecisionInstance::getInputs)
        .flatMap(List::stream)
        .filter(input -> input.getClauseId().endsWith(FreeTextPurge.TEXT_CLAUSE_SUFFIX))
        .map(input -> input.getValue())
        .toList();
  }

  /** Claims the case's one task and submits its form, as Tasklist does. */
  private void submit(Map<String, Object> variables) {
    Task task = BpmnAwareTests.task(instance);
    tasks.claim(
        task.getId(), task.getTaskDefinitionKey().contains("Answer") ? "handler" : "registrar");
    forms.submitTaskForm(task.getId(), variables);
  }

  private void runAsyncJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          management.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }

  private String message(NotificationKind kind) {
    List<String> texts =
        notifications.messages(receipt.complaintId()).stream()
            .filter(m -> m.kind() == kind)
            .map(m -> m.subject() + "\n" + m.body())
            .toList();
    assertThat(texts).as("messages of kind " + kind).hasSize(1);
    return texts.get(0);
  }

  /** Once done, a start does nothing; and a run over everything again finds nothing either. */
  private void assertSecondRunFindsNothing() {
    assertThat(management.getProperties()).containsKey(FreeTextPurge.DONE);
    assertThat(purge.purge().nothingDone()).as("a later start").isTrue();
    management.deleteProperty(FreeTextPurge.DONE);
    assertThat(purge.purge().nothingDone()).as("a second run over everything").isTrue();
  }
}
