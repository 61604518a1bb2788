package eu.complaintdesk.process;

import static eu.complaintdesk.process.ComplaintProcess.TASK_CHECK_COMPLETENESS;
import static eu.complaintdesk.process.ComplaintProcess.TASK_CLASSIFY_COMPLAINT;
import static eu.complaintdesk.process.ComplaintProcess.TASK_DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY;
import static eu.complaintdesk.process.ComplaintProcess.TASK_REVIEW_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_NAME;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_REPLY;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.LANGUAGE;
import static eu.complaintdesk.process.ComplaintVariables.MISSING_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.NEEDS_EXTERNAL_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSED_OUTCOME;
import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;
import static eu.complaintdesk.process.ComplaintVariables.REVIEW_COMMENT;
import static eu.complaintdesk.process.ModelerDeployment.replace;
import static eu.complaintdesk.process.ProcessTestSupport.rejectedDraft;
import static eu.complaintdesk.process.ProcessTestSupport.runAsyncJobs;
import static eu.complaintdesk.process.ProcessTestSupport.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.ComplaintRegister;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
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
 * A process owner changes the rules in Modeler and deploys them with the process: cases that are
 * already running keep the rules of their own deployment (deadline policy, the fields a task's form
 * takes), new cases get the new ones; a form may not take a variable the process owns.
 */
@SpringBootTest
@ActiveProfiles("test")
class CaseDeploymentRulesTest {

  /** Tuesday 24 November 2026, 10:00 in Riga: inside working hours. */
  static final Instant RECEIVED = ComplaintHandlingProcessTest.RECEIVED;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired FormService formService;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired IntakeService intake;
  @Autowired ComplaintRegister register;
  @Autowired WorkingCalendar calendar;
  @Autowired NotificationService notifications;

  /** The field a process owner adds to the review form. */
  static final String NOTE = "noteForTheFile";

  final List<String> deployments = new ArrayList<>();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    ClockUtil.reset();
  }

  @Test
  void changedDeadlinePolicyAppliesToNewCasesAndRunningCasesKeepTheirs() {
    IntakeService.Receipt running = submit(intake, RECEIVED);
    ProcessInstance runningCase = started(running);

    deployChanged(
        "response in 12 working days, 25 when extended",
        "DeadlinePolicy.dmn",
        replace(
                    "<outputEntry id=\"LiteralExpression_DeadlinePolicy_Complaint_1\">\n"
                        + "          <text>10</text>",
                    "<outputEntry id=\"LiteralExpression_DeadlinePolicy_Complaint_1\">\n"
                        + "          <text>12</text>")
                .andThen(
                    replace(
                        "<outputEntry id=\"LiteralExpression_DeadlinePolicy_ComplaintExtended_1\">\n"
                            + "          <text>20</text>",
                        "<outputEntry id=\"LiteralExpression_DeadlinePolicy_ComplaintExtended_1\">\n"
                            + "          <text>25</text>"))
            ::apply);

    // a new case: its due date at intake and after classification come from the new table
    IntakeService.Receipt fresh = submit(intake, RECEIVED);
    ProcessInstance freshCase = started(fresh);
    assertThat(freshCase.getProcessDefinitionId())
        .isNotEqualTo(runningCase.getProcessDefinitionId());
    assertThat(fresh.responseDueDate()).isEqualTo(dueDate(workingDays(12)));
    toDraft(freshCase);
    assertThat(register.get(fresh.complaintId()).responseDueAt()).isEqualTo(workingDays(12));

    // the running case: recomputed after classification, after a pause and after the extension,
    // always by the table it started with
    assertThat(running.responseDueDate()).isEqualTo(dueDate(workingDays(10)));
    complete(runningCase, "registrar", Map.of(COMPLETE, false, MISSING_INFORMATION, "Rēķins"));
    runAsyncJobs(management, runningCase);
    runtime
        .createMessageCorrelation(ComplaintProcess.MESSAGE_INFORMATION_SUPPLIED)
        .processInstanceId(runningCase.getId())
        .correlate();
    runAsyncJobs(management, runningCase);
    assertThat(register.get(running.complaintId()).responseDueAt()).isEqualTo(workingDays(10));
    toDraft(runningCase);
    assertThat(register.get(running.complaintId()).responseDueAt()).isEqualTo(workingDays(10));
    assertThat(runtime.getVariable(runningCase.getId(), RESPONSE_DUE_AT))
        .isEqualTo(Date.from(workingDays(10)));
    complete(
        runningCase,
        "handler",
        Map.of(NEEDS_EXTERNAL_INFORMATION, true, EXTERNAL_ORGANISATIONS, "Sadales tīkls"));
    runAsyncJobs(management, runningCase);
    assertThat(register.get(running.complaintId()).extended()).isTrue();
    assertThat(register.get(running.complaintId()).responseDueAt()).isEqualTo(workingDays(20));

    // the reply task's form is read the first time its completion is checked, for the handler
    // signed in, who may not read deployments
    Task reply =
        tasks
            .createTaskQuery()
            .processInstanceId(runningCase.getId())
            .taskDefinitionKey(TASK_RECORD_EXTERNAL_REPLY)
            .singleResult();
    tasks.claim(reply.getId(), "handler");
    signedIn("handler", () -> tasks.complete(reply.getId(), Map.of(EXTERNAL_REPLY, "Atbilde")));
    assertThat(runningCase).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  @Test
  void fieldAProcessOwnerAddsToAFormIsAcceptedOnTheCasesOfThatDeployment() {
    IntakeService.Receipt running = submit(intake, RECEIVED);
    ProcessInstance runningCase = started(running);

    deployChanged(
        "review with a note for the file",
        "Form_ReviewAnswer.form",
        withField("Note for the file", NOTE, "textarea", "Field_NoteForTheFile"));

    IntakeService.Receipt fresh = submit(intake, RECEIVED);
    ProcessInstance freshCase = started(fresh);
    toReview(freshCase);
    Task review = claimed(freshCase, "supervisor2");
    signedIn(
        "supervisor2",
        () ->
            formService.submitTaskForm(
                review.getId(),
                Map.of(ANSWER_APPROVED, false, REVIEW_COMMENT, "Precizēt", NOTE, "Zvanīja")));
    assertThat(runtime.getVariable(freshCase.getId(), NOTE)).isEqualTo("Zvanīja");
    assertThat(freshCase).isWaitingAt(TASK_DRAFT_ANSWER);

    // the case that started on the old form does not take the new field
    toReview(runningCase);
    Task oldReview = claimed(runningCase, "supervisor2");
    assertThatThrownBy(
            () ->
                signedIn(
                    "supervisor2",
                    () ->
                        tasks.complete(
                            oldReview.getId(),
                            Map.of(
                                ANSWER_APPROVED,
                                false,
                                REVIEW_COMMENT,
                                "Precizēt",
                                NOTE,
                                "Zvanīja"))))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(NOTE)
        .hasMessageContaining(ANSWER_APPROVED + ", " + REVIEW_COMMENT);
    assertThat(runtime.getVariable(runningCase.getId(), NOTE)).isNull();
  }

  @Test
  void formFieldNamedAsAVariableTheProcessOwnsIsRefusedAtDeployment() {
    long before = repository.createDeploymentQuery().count();
    assertThatThrownBy(
            () ->
                deployChanged(
                    "review that redirects the case",
                    "Form_ReviewAnswer.form",
                    withField("Case", "complaintId", "number", "Field_ComplaintId")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Form field 'complaintId' names a variable the process owns");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  /**
   * A process owner's AppealAuthority table has no rule for the organisation's country and sector:
   * the supervisor's approval still completes (the decision runs in a job of its own), and the
   * answer, which needs the appeal notice, is not sent without it: an incident with a message that
   * says why, for an administrator to resolve.
   */
  @Test
  void answerIsNotSentWhenNoAppealAuthorityRuleMatchesTheOrganisation() {
    deployChanged(
        "appeal authorities for Lithuania and Russia only",
        "AppealAuthority.dmn",
        replace("<text>\"LV\"</text>", "<text>\"RU\"</text>")
                .andThen(
                    replace(
                        "<inputEntry id=\"UnaryTests_AppealAuthority_UnknownCountry_1\">\n"
                            + "          <text>-</text>",
                        "<inputEntry id=\"UnaryTests_AppealAuthority_UnknownCountry_1\">\n"
                            + "          <text>null</text>"))
            ::apply);
    IntakeService.Receipt receipt = submit(intake, RECEIVED);
    ProcessInstance instance = started(receipt);
    toReview(instance);
    Task review = claimed(instance, "supervisor2");
    signedIn("supervisor2", () -> tasks.complete(review.getId(), Map.of(ANSWER_APPROVED, true)));

    assertThat(instance).isWaitingAt(ComplaintProcess.DETERMINE_APPEAL_AUTHORITY);
    management.executeJob(job(instance, ComplaintProcess.DETERMINE_APPEAL_AUTHORITY).getId());
    assertThat(runtime.getVariable(instance.getId(), APPEAL_AUTHORITY_NAME)).isNull();

    // every retry fails the same way, and the last one leaves an incident
    for (int attempt = 0; attempt < 3; attempt++) {
      Job sendAnswer = job(instance, ComplaintProcess.SEND_ANSWER);
      assertThat(sendAnswer.getRetries()).isPositive();
      assertThatThrownBy(() -> management.executeJob(sendAnswer.getId()))
          .hasMessageContaining("No appeal authority was determined for this case")
          .hasMessageContaining("no rule for country LV")
          .hasMessageNotContaining("migrated");
    }
    Incident incident =
        runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(ComplaintProcess.SEND_ANSWER);
    assertThat(incident.getIncidentMessage()).contains("No appeal authority was determined");
    assertThat(notifications.messages(receipt.complaintId()))
        .extracting(m -> m.kind().name())
        .doesNotContain(NotificationKind.ANSWER.name());
  }

  /**
   * A process deployed without its decisions (a process owner deploying the BPMN alone) is refused
   * at deployment, naming what is missing: no case is ever decided by another deployment's tables,
   * and new cases keep starting on the definition that has its own (as the model's business rule
   * tasks, bound to the deployment, and {@code process/CaseDecisions} require).
   */
  @Test
  void processDeployedWithoutItsDecisionsIsNotDecidedByAnotherDeploymentsTables() throws Exception {
    String latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    long before = repository.createDeploymentQuery().count();

    assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .name("the process alone")
                    .addString(
                        "ComplaintHandlingProcess.bpmn",
                        Files.readString(Path.of("bpmn", "ComplaintHandlingProcess.bpmn")))
                    .deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("needs decision 'DeadlinePolicy'")
        .hasMessageContaining("deploy the BPMN together with its decisions and forms");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);

    IntakeService.Receipt receipt = submit(intake, RECEIVED);
    ProcessInstance started =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.registrationNumber())
            .singleResult();
    assertThat(started.getProcessDefinitionId()).isEqualTo(latest);
  }

  private Job job(ProcessInstance instance, String activityId) {
    return ProcessTestSupport.job(management, instance, activityId);
  }

  @Test
  void draftFormThatAlsoAsksForAnotherTasksVariablesIsRefusedAtDeployment() {
    long before = repository.createDeploymentQuery().count();
    assertThatThrownBy(
            () ->
                deployChanged(
                    "draft that sends itself",
                    "Form_DraftAnswer.form",
                    withField("Type", FEEDBACK_TYPE, "textfield", "Field_FeedbackTypeAgain")
                            .andThen(withField("Answer", ANSWER, "textarea", "Field_AnswerToo"))
                        ::apply))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Form field '" + ANSWER + "' of form 'Form_DraftAnswer'")
        .hasMessageContaining("Form field '" + FEEDBACK_TYPE + "' of form 'Form_DraftAnswer'")
        .hasMessageContaining("task '" + TASK_DRAFT_ANSWER + "' may take");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void formFieldNamedAsAStartOrEngineVariableIsRefusedAtDeployment() {
    assertThatThrownBy(
            () ->
                deployChanged(
                    "reply that changes the case's language",
                    "Form_RecordExternalReply.form",
                    withField("Language", LANGUAGE, "textfield", "Field_Language")))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Form field '" + LANGUAGE + "'")
        .hasMessageContaining("task '" + TASK_RECORD_EXTERNAL_REPLY + "'");
    for (String engineVariable : List.of("loopCounter", "nrOfInstances")) {
      assertThatThrownBy(
              () ->
                  deployChanged(
                      "reply that ends the inquiries",
                      "Form_RecordExternalReply.form",
                      withField("Counter", engineVariable, "number", "Field_Counter")))
          .isInstanceOf(ParseException.class)
          .hasMessageContaining(
              "Form field '" + engineVariable + "' names a variable the process owns");
    }
  }

  @Test
  void aTaskRefusesAnotherTasksStartAndEngineVariablesAtCompletion() {
    IntakeService.Receipt receipt = submit(intake, RECEIVED);
    ProcessInstance instance = started(receipt);
    toDraft(instance);
    Task draft = claimed(instance, "handler");
    for (Map.Entry<String, Object> foreign :
        Map.<String, Object>of(
                FEEDBACK_TYPE,
                "PRAISE",
                ANSWER,
                "Unreviewed text",
                ComplaintVariables.ANSWER_APPROVED,
                true,
                ComplaintVariables.CHANNEL,
                "EMAIL",
                "decisionResult",
                "x")
            .entrySet()) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(DRAFT_ANSWER, "Cienījamais klient, ...");
      variables.put(PROPOSED_OUTCOME, "UPHELD");
      variables.put(NEEDS_EXTERNAL_INFORMATION, false);
      variables.put(foreign.getKey(), foreign.getValue());
      assertThatThrownBy(() -> signedIn("handler", () -> tasks.complete(draft.getId(), variables)))
          .as(foreign.getKey())
          .isInstanceOf(Refusal.class)
          .hasMessageContaining(foreign.getKey());
    }
    assertThat(runtime.getVariable(instance.getId(), FEEDBACK_TYPE)).isEqualTo("SERVICE_COMPLAINT");

    complete(
        instance,
        "handler",
        Map.of(NEEDS_EXTERNAL_INFORMATION, true, EXTERNAL_ORGANISATIONS, "Sadales tīkls"));
    runAsyncJobs(management, instance);
    Task reply =
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(TASK_RECORD_EXTERNAL_REPLY)
            .singleResult();
    tasks.claim(reply.getId(), "handler");
    for (String engineVariable :
        List.of("loopCounter", "nrOfInstances", "nrOfCompletedInstances")) {
      assertThatThrownBy(
              () ->
                  signedIn(
                      "handler",
                      () ->
                          tasks.complete(
                              reply.getId(), Map.of(EXTERNAL_REPLY, "Atbilde", engineVariable, 0))))
          .as(engineVariable)
          .isInstanceOf(Refusal.class)
          .hasMessageContaining(engineVariable);
    }
  }

  /**
   * Tasklist (form-js) submits a read-only field with the value it shows: the review form may show
   * the case's type, and the review completes as long as that value is unchanged.
   */
  @Test
  void readOnlyFieldIsSubmittedUnchangedAndNeverChanged() {
    deployChanged(
        "review showing the type",
        "Form_ReviewAnswer.form",
        replace(
            "\"components\": [",
            "\"components\": [\n    {\"label\": \"Type\", \"key\": \"feedbackType\","
                + " \"type\": \"textfield\", \"readonly\": true, \"id\": \"Field_TypeShown\"},"
                + "\n    {\"label\": \"Remark\", \"key\": \"remarkShown\","
                + " \"type\": \"textfield\", \"readonly\": true, \"id\": \"Field_RemarkShown\"},"));
    IntakeService.Receipt fresh = submit(intake, RECEIVED);
    ProcessInstance freshCase = started(fresh);
    toReview(freshCase);
    Task review = claimed(freshCase, "supervisor2");
    Runnable changed = () -> returnWithTypeShown(review, "PRAISE");
    assertThatThrownBy(changed::run)
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(FEEDBACK_TYPE);
    returnWithTypeShown(review, "SERVICE_COMPLAINT");
    assertThat(runtime.getVariable(freshCase.getId(), FEEDBACK_TYPE))
        .isEqualTo("SERVICE_COMPLAINT");
    // what a read-only field submits is checked, never written: the empty remark set nothing
    assertThat(runtime.getVariables(freshCase.getId())).doesNotContainKey("remarkShown");
    assertThat(freshCase).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  /** Submits the review form as Tasklist does: returned, with the read-only type it shows. */
  private void returnWithTypeShown(Task review, String feedbackType) {
    signedIn(
        "supervisor2",
        () ->
            formService.submitTaskForm(
                review.getId(),
                Map.of(
                    ANSWER_APPROVED,
                    false,
                    REVIEW_COMMENT,
                    "Precizēt",
                    FEEDBACK_TYPE,
                    feedbackType,
                    "remarkShown",
                    "")));
  }

  private void toReview(ProcessInstance instance) {
    toDraft(instance);
    complete(instance, "handler", rejectedDraft());
    assertThat(instance).isWaitingAt(TASK_REVIEW_ANSWER);
  }

  private Task claimed(ProcessInstance instance, String user) {
    Task task = BpmnAwareTests.task(instance);
    tasks.claim(task.getId(), user);
    return task;
  }

  private Instant workingDays(int days) {
    return calendar.deadline(RECEIVED, days);
  }

  private static LocalDate dueDate(Instant due) {
    return due.atZone(ZoneId.of("Europe/Riga")).toLocalDate();
  }

  private void toDraft(ProcessInstance instance) {
    assertThat(instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
    complete(instance, "registrar", Map.of(COMPLETE, true));
    assertThat(instance).isWaitingAt(TASK_CLASSIFY_COMPLAINT);
    complete(
        instance, "registrar", Map.of(FEEDBACK_TYPE, "SERVICE_COMPLAINT", CATEGORY, "BILLING"));
    runAsyncJobs(management, instance);
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  /**
   * Claims and completes the task as the user signed in, as in Tasklist: the user may work the task
   * but not read the deployment whose form decides what the task takes.
   */
  private void complete(ProcessInstance instance, String user, Map<String, Object> variables) {
    Task task = BpmnAwareTests.task(instance);
    tasks.claim(task.getId(), user);
    signedIn(user, () -> tasks.complete(task.getId(), variables));
  }

  private void signedIn(String user, Runnable action) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    identity.setAuthentication(user, groups);
    try {
      action.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A form change: a field in front of the others. */
  private static UnaryOperator<String> withField(String label, String key, String type, String id) {
    return replace(
        "\"components\": [",
        "\"components\": [\n    {\"label\": \"%s\", \"key\": \"%s\", \"type\": \"%s\", \"id\": \"%s\"},"
            .formatted(label, key, type, id));
  }

  /** Deploys the models as Modeler does, the file changed; undeployed after the test. */
  private void deployChanged(String name, String file, UnaryOperator<String> change) {
    deployments.add(ModelerDeployment.deploy(repository, name, Map.of(file, change)));
  }

  /** The case of the receipt, past its first asynchronous steps (waiting for the registrar). */
  private ProcessInstance started(IntakeService.Receipt receipt) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.registrationNumber())
            .singleResult();
    runAsyncJobs(management, instance);
    return instance;
  }
}
