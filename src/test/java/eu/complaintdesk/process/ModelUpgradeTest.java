package eu.complaintdesk.process;

import static eu.complaintdesk.process.ComplaintProcess.CASE_DEADLINE_REACHED;
import static eu.complaintdesk.process.ComplaintProcess.DETERMINE_APPEAL_AUTHORITY;
import static eu.complaintdesk.process.ComplaintProcess.SEND_ACKNOWLEDGEMENT;
import static eu.complaintdesk.process.ComplaintProcess.SEND_ANSWER;
import static eu.complaintdesk.process.ComplaintProcess.TASK_CHECK_COMPLETENESS;
import static eu.complaintdesk.process.ComplaintProcess.TASK_CLASSIFY_COMPLAINT;
import static eu.complaintdesk.process.ComplaintProcess.TASK_DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY;
import static eu.complaintdesk.process.ComplaintProcess.TASK_REVIEW_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_CONTACTS;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_NAME;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_NOTICE_REQUIRED;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.CLASSIFIED_BY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.DRAFTED_BY;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION_LIST;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_REPLY;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.NEEDS_EXTERNAL_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.REVIEWED_BY;
import static eu.complaintdesk.process.ComplaintVariables.REVIEW_COMMENT;
import static eu.complaintdesk.process.ProcessTestSupport.rejectedDraft;
import static eu.complaintdesk.process.ProcessTestSupport.runAsyncJobs;
import static eu.complaintdesk.process.ProcessTestSupport.submit;
import static eu.complaintdesk.process.ProcessTestSupport.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.OutboundMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.context.ActiveProfiles;

/**
 * Cases started on the previous release's model (version tag 1) are moved onto this release's at
 * start-up, wherever they wait, and go on to the end: the answer names its appeal authority, the
 * notice is sent once.
 */
@SpringBootTest
@ActiveProfiles("test")
class ModelUpgradeTest {

  static final Instant RECEIVED = ComplaintHandlingProcessTest.RECEIVED;

  /** The previous release's models: the process with its decisions and forms, one deployment. */
  static final List<String> VERSION_1 =
      List.of(
          "ComplaintHandlingProcess.bpmn",
          "AppealAuthority.dmn",
          "DeadlinePolicy.dmn",
          "RequiredInformation.dmn",
          "RouteComplaint.dmn",
          "SuggestClassification.dmn",
          "Form_AnswerInformationRequest.form",
          "Form_CheckCompleteness.form",
          "Form_ClassifyComplaint.form",
          "Form_DraftAnswer.form",
          "Form_EvaluateProposal.form",
          "Form_RecordExternalReply.form",
          "Form_RegisterComplaint.form",
          "Form_ReviewAnswer.form");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired IntakeService intake;
  @Autowired NotificationService notifications;
  @Autowired AnswerLetters letters;
  @Autowired ModelUpgrade upgrade;

  final List<String> deployments = new ArrayList<>();
  ProcessDefinition version1;
  ProcessDefinition release;

  @BeforeEach
  void deployBothReleases() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    identity.clearAuthentication();
    // the previous release's deployment, then this release's (as its first start deploys it)
    DeploymentBuilder previous = repository.createDeployment().name("release 2026-11");
    for (String file : VERSION_1) {
      try (InputStream model = getClass().getResourceAsStream("/upgrade/v1/" + file)) {
        previous.addInputStream(file, model);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    version1 = definitionOf(previous.deploy().getId());
    assertThat(version1.getVersionTag()).isEqualTo("1");
    release = definitionOf(ModelerDeployment.deploy(repository, "release 2026-12", Map.of()));
    assertThat(release.getVersionTag()).isEqualTo(ModelUpgrade.TARGET_VERSION_TAG);
  }

  @AfterEach
  void tearDown() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
    ClockUtil.reset();
  }

  @Test
  void casesOfVersion1AreMigratedWhereverTheyWaitAndFinishOnTheNewModel() {
    Case acknowledgement = onVersion1(SEND_ACKNOWLEDGEMENT, v -> {});
    Case completeness = onVersion1(TASK_CHECK_COMPLETENESS, this::toCompleteness);
    Case drafting = onVersion1(TASK_DRAFT_ANSWER, this::toDraft);
    Case reviewing = onVersion1(TASK_REVIEW_ANSWER, this::toReview);
    Case sending = waitingToSendWithoutAuthority();
    List<Case> all = List.of(acknowledgement, completeness, drafting, reviewing, sending);
    assertThat(variable(sending, APPEAL_NOTICE_REQUIRED)).isEqualTo(true);
    // the deadline clock moved the case deadline timer away from responseDueAt (a pause)
    Date moved = Date.from(RECEIVED.plus(Duration.ofDays(30)));
    management.setJobDuedate(
        timer(management, drafting.instance, CASE_DEADLINE_REACHED).getId(), moved);
    all.forEach(c -> assertThat(definitionOf(c)).isEqualTo(version1.getId()));

    ModelUpgrade.Result result = upgrade.upgrade();

    assertThat(result.migrated()).isEqualTo(all.size());
    assertThat(result.notMigrated()).isZero();
    assertThat(result.authorityDetermined()).isEqualTo(1);
    all.forEach(c -> assertThat(definitionOf(c)).isEqualTo(release.getId()));
    assertThat(acknowledgement.instance).isWaitingAt(SEND_ACKNOWLEDGEMENT);
    assertThat(completeness.instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(drafting.instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(reviewing.instance).isWaitingAt(TASK_REVIEW_ANSWER);
    assertThat(timer(management, drafting.instance, CASE_DEADLINE_REACHED).getDuedate())
        .isEqualTo(moved);
    // the answer waiting on version 1 is sent by version 2, after the authority it determined
    determineAppealAuthority(sending.instance);
    assertThat(sending.instance).hasPassed(DETERMINE_APPEAL_AUTHORITY).isWaitingAt(SEND_ANSWER);
    assertThat(variable(sending, APPEAL_AUTHORITY_NAME)).isNotNull();

    // running it again finds nothing to do
    assertThat(upgrade.upgrade().nothingDone()).isTrue();

    runAsyncJobs(management, acknowledgement.instance);
    assertThat(acknowledgement.instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(sent(acknowledgement)).contains(NotificationKind.ACKNOWLEDGEMENT.name());

    toReview(drafting.instance);
    review(drafting.instance);
    runAsyncJobs(management, drafting.instance);
    review(reviewing.instance);
    runAsyncJobs(management, reviewing.instance);
    runAsyncJobs(management, sending.instance);
    for (Case answered : List.of(drafting, reviewing, sending)) {
      String authority = (String) variable(answered, APPEAL_AUTHORITY_NAME);
      assertThat(authority).isNotBlank();
      assertThat(sent(answered))
          .containsSubsequence(
              NotificationKind.ANSWER.name(), NotificationKind.APPEAL_NOTICE.name())
          .containsOnlyOnce(NotificationKind.ANSWER.name(), NotificationKind.APPEAL_NOTICE.name());
      assertThat(answerLetterText(answered)).contains(authority);
      assertThat(answered.instance).isWaitingAt("Gateway_AwaitSurvey");
    }
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(management.createJobQuery().withException().count()).isZero();
  }

  @Test
  void caseWhoseAnswerWasSentOnVersion1WithoutAuthorityGetsAnIncidentThatSaysWhatToDo() {
    Case sent =
        onVersion1(
            SEND_ANSWER,
            instance -> {
              toReview(instance);
              review(instance);
            });
    // version 1 sent the answer (its Java chose the authority for the letter), set no variable
    Job answer =
        management
            .createJobQuery()
            .processInstanceId(sent.instance.getId())
            .activityId(SEND_ANSWER)
            .singleResult();
    management.executeJob(answer.getId());
    runtime.removeVariable(sent.instance.getId(), APPEAL_AUTHORITY_NAME);
    runtime.removeVariable(sent.instance.getId(), APPEAL_AUTHORITY_CONTACTS);

    ModelUpgrade.Result result = upgrade.upgrade();

    assertThat(result.migrated()).isEqualTo(1);
    assertThat(result.incidents()).isEqualTo(1);
    assertThat(definitionOf(sent)).isEqualTo(release.getId());
    Incident incident =
        runtime.createIncidentQuery().processInstanceId(sent.instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(ModelUpgrade.MISSING_AUTHORITY);
    assertThat(incident.getActivityId()).isEqualTo(SEND_ANSWER);
    assertThat(incident.getIncidentMessage())
        .contains(APPEAL_AUTHORITY_NAME, APPEAL_AUTHORITY_CONTACTS);
    assertThat(sent(sent)).containsOnlyOnce(NotificationKind.ANSWER.name());
    assertThat(upgrade.upgrade().nothingDone()).isTrue();
  }

  @Test
  void answerSentByANodeOfThePreviousReleaseDuringTheUpgradeIsNotSentAgain() {
    Case sending = waitingToSendWithoutAuthority();
    Job waiting = answerJob(sending);

    ModelUpgrade.Result result =
        upgrade.upgrade(
            instance -> {
              // a node of the previous release, still running, sends the answer now
              sendAnswerAsThePreviousReleaseDid(sending);
            });

    assertThat(result.migrated()).isEqualTo(1);
    assertThat(result.authorityDetermined()).isZero();
    assertThat(result.incidents()).isEqualTo(1);
    assertThat(management.createJobQuery().jobId(waiting.getId()).count()).isZero();
    assertThat(sending.instance).hasNotPassed(DETERMINE_APPEAL_AUTHORITY);
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(sending.instance.getId())
                .activityId(DETERMINE_APPEAL_AUTHORITY)
                .count())
        .isZero();
    Incident incident =
        runtime.createIncidentQuery().processInstanceId(sending.instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(ModelUpgrade.MISSING_AUTHORITY);
    assertThat(sent(sending)).containsOnlyOnce(NotificationKind.ANSWER.name());
  }

  @Test
  void answerHeldByANodeOfThePreviousReleaseIsLeftToIt() {
    Case sending = waitingToSendWithoutAuthority();
    Job waiting = answerJob(sending);

    ModelUpgrade.Result result = upgrade.upgrade(instance -> lockAsAnotherNode(waiting.getId()));

    assertThat(result.migrated()).isEqualTo(1);
    assertThat(result.authorityDetermined()).isZero();
    assertThat(definitionOf(sending)).isEqualTo(release.getId());
    // the job it waited at is still there, held; nothing was started to send a second answer
    assertThat(management.createJobQuery().jobId(waiting.getId()).acquired().count()).isOne();
    assertThat(
            management
                .createJobQuery()
                .processInstanceId(sending.instance.getId())
                .activityId(DETERMINE_APPEAL_AUTHORITY)
                .count())
        .isZero();
    assertThat(sent(sending)).doesNotContain(NotificationKind.ANSWER.name());
  }

  @Test
  void aCaseWhoseRepairFailsStopsNoOther() {
    Case first = waitingToSendWithoutAuthority();
    Case second = waitingToSendWithoutAuthority();
    List<String> failed = new ArrayList<>();

    ModelUpgrade.Result result =
        upgrade.upgrade(
            instance -> {
              if (failed.isEmpty()) {
                failed.add(instance);
                throw new IllegalStateException("this case's repair fails");
              }
            });

    assertThat(result.migrated()).isEqualTo(2);
    assertThat(result.authorityDetermined()).isEqualTo(1);
    Case repaired = failed.contains(first.instance.getId()) ? second : first;
    Case notRepaired = repaired == first ? second : first;
    assertThat(repaired.instance).isWaitingAt(DETERMINE_APPEAL_AUTHORITY);
    assertThat(notRepaired.instance).isWaitingAt(SEND_ANSWER);
    assertThat(definitionOf(notRepaired)).isEqualTo(release.getId());
  }

  @Test
  void suspendedCaseIsMigratedAndStaysSuspended() {
    Case drafting = onVersion1(TASK_DRAFT_ANSWER, this::toDraft);
    runtime.suspendProcessInstanceById(drafting.instance.getId());

    ModelUpgrade.Result result = upgrade.upgrade();

    assertThat(result.migrated()).isEqualTo(1);
    assertThat(definitionOf(drafting)).isEqualTo(release.getId());
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceId(drafting.instance.getId())
                .singleResult()
                .isSuspended())
        .isTrue();
    runtime.activateProcessInstanceById(drafting.instance.getId());
    assertThat(drafting.instance).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  @Test
  void caseWaitingForAnExternalReplyIsMigratedInsideItsInquiry() {
    Case inquiring =
        onVersion1(
            "SubProcess_ExternalInquiry#multiInstanceBody",
            instance -> {
              toDraft(instance);
              complete(
                  instance,
                  "handler",
                  Map.of(
                      NEEDS_EXTERNAL_INFORMATION, true, EXTERNAL_ORGANISATIONS, "Sadales tīkls"));
              runAsyncJobs(management, instance);
              assertThat(instance).isWaitingAt(TASK_RECORD_EXTERNAL_REPLY);
            },
            // what the flow's listener gives the inquiry to run over, as it does (transient)
            Map.of(
                EXTERNAL_ORGANISATION_LIST,
                Variables.objectValue(List.of("Sadales tīkls"), true).create()));
    runAsyncJobs(management, inquiring.instance);
    assertThat(inquiring.instance).isWaitingAt(TASK_RECORD_EXTERNAL_REPLY);

    ModelUpgrade.Result result = upgrade.upgrade();

    assertThat(result.migrated()).isEqualTo(1);
    assertThat(definitionOf(inquiring)).isEqualTo(release.getId());
    assertThat(inquiring.instance).isWaitingAt(TASK_RECORD_EXTERNAL_REPLY);
    complete(inquiring.instance, "handler", Map.of(EXTERNAL_REPLY, "Atbilde"));
    assertThat(inquiring.instance).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  /**
   * A case the engine refuses to migrate (it waits at a step the new model lacks) keeps its version
   * and is named; the others of its chunk migrate.
   */
  @Test
  void aCaseThatCannotMigrateKeepsItsVersionAndTheOthersOfItsChunkMigrate() {
    String earlier =
        repository
            .createDeployment()
            .name("an untagged earlier model")
            .addString(
                "ComplaintHandlingProcess.bpmn",
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Earlier" \
                targetNamespace="https://complaintdesk.eu/test">
                  <bpmn:process id="ComplaintHandlingProcess" isExecutable="true" \
                camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_ComplaintReceived" />
                    <bpmn:userTask id="UserTask_GoneSince" />
                    <bpmn:userTask id="UserTask_CheckCompleteness" />
                  </bpmn:process>
                </bpmn:definitions>
                """)
            .addString("DeadlinePolicy.dmn", resource("/dmn/DeadlinePolicy.dmn"))
            .deploy()
            .getId();
    ProcessDefinition untagged = definitionOf(earlier);
    ProcessDefinition newest =
        definitionOf(ModelerDeployment.deploy(repository, "again", Map.of()));
    List<String> instances = new ArrayList<>();
    for (String activity : List.of("UserTask_GoneSince", "UserTask_CheckCompleteness")) {
      // a case's variables (its due dates for the new model's timers), on the earlier model
      IntakeService.Receipt receipt = submit(intake, RECEIVED);
      ProcessInstance current =
          runtime
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(receipt.registrationNumber())
              .singleResult();
      Map<String, Object> variables = runtime.getVariables(current.getId());
      runtime.deleteProcessInstance(current.getId(), "replaced by an earlier model's case", true);
      instances.add(
          runtime
              .createProcessInstanceById(untagged.getId())
              .setVariables(variables)
              .startBeforeActivity(activity)
              .execute()
              .getId());
    }

    ModelUpgrade.Result result = upgrade.upgrade();

    assertThat(result.migrated()).isEqualTo(1);
    assertThat(result.notMigrated()).isEqualTo(1);
    assertThat(definitionOfInstance(instances.get(0))).isEqualTo(untagged.getId());
    assertThat(definitionOfInstance(instances.get(1))).isEqualTo(newest.getId());
  }

  @Test
  void upgradeCanBeSwitchedOff() {
    new ApplicationContextRunner()
        .withPropertyValues("complaints.upgrade.enabled=false")
        .withUserConfiguration(ModelUpgrade.class)
        .run(context -> assertThat(context).doesNotHaveBean(ModelUpgrade.class));
  }

  /** A case of version 1 waiting before "Send answer", appeal notice due, no authority. */
  private Case waitingToSendWithoutAuthority() {
    Case sending =
        onVersion1(
            SEND_ANSWER,
            instance -> {
              toReview(instance);
              review(instance);
              runtime.removeVariable(instance.getId(), APPEAL_AUTHORITY_NAME);
              runtime.removeVariable(instance.getId(), APPEAL_AUTHORITY_CONTACTS);
            });
    assertThat(variable(sending, APPEAL_NOTICE_REQUIRED)).isEqualTo(true);
    assertThat(variable(sending, APPEAL_AUTHORITY_NAME)).isNull();
    return sending;
  }

  /**
   * Runs the job before "Send answer" as the previous release did: its Java chose the authority for
   * the letter and set no variable.
   */
  private void sendAnswerAsThePreviousReleaseDid(Case c) {
    runtime.setVariable(c.instance.getId(), APPEAL_AUTHORITY_NAME, "Patērētāju tiesību centrs");
    runtime.setVariable(c.instance.getId(), APPEAL_AUTHORITY_CONTACTS, "Brīvības iela 55, Rīga");
    management.executeJob(answerJob(c).getId());
    runtime.removeVariable(c.instance.getId(), APPEAL_AUTHORITY_NAME);
    runtime.removeVariable(c.instance.getId(), APPEAL_AUTHORITY_CONTACTS);
  }

  private Job answerJob(Case c) {
    return management
        .createJobQuery()
        .processInstanceId(c.instance.getId())
        .activityId(SEND_ANSWER)
        .singleResult();
  }

  /** What a job executor of another node does when it acquires the job. */
  private void lockAsAnotherNode(String jobId) {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              JobEntity job = context.getJobManager().findJobById(jobId);
              job.setLockOwner("node-of-release-2026-11");
              job.setLockExpirationTime(Date.from(RECEIVED.plus(Duration.ofMinutes(5))));
              return null;
            });
  }

  /** A case of version 1 waiting before {@code activityId}, with the variables it has there. */
  private Case onVersion1(String activityId, java.util.function.Consumer<ProcessInstance> drive) {
    return onVersion1(activityId, drive, Map.of());
  }

  /** The same, with variables of the start only ({@code transients}, kept by no step). */
  private Case onVersion1(
      String activityId,
      java.util.function.Consumer<ProcessInstance> drive,
      Map<String, Object> transients) {
    IntakeService.Receipt receipt = submit(intake, RECEIVED);
    ProcessInstance current =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.registrationNumber())
            .singleResult();
    drive.accept(current);
    Map<String, Object> variables = new HashMap<>(runtime.getVariables(current.getId()));
    runtime.deleteProcessInstance(current.getId(), "replaced by a version 1 case", true);
    // who did a step is never given when starting: the steps set it, as they did on version 1
    Map<String, Object> actors = new HashMap<>();
    for (String actor : List.of(CLASSIFIED_BY, DRAFTED_BY, REVIEWED_BY)) {
      if (variables.containsKey(actor)) {
        actors.put(actor, variables.remove(actor));
      }
    }
    ProcessInstance old =
        runtime
            .createProcessInstanceById(version1.getId())
            .businessKey(receipt.registrationNumber())
            .setVariables(variables)
            .setVariables(transients)
            .startBeforeActivity(activityId)
            .execute();
    runtime.setVariables(old.getId(), actors);
    assertThat(old).isWaitingAt(activityId);
    return new Case(receipt, old);
  }

  private void toCompleteness(ProcessInstance instance) {
    runAsyncJobs(management, instance);
    assertThat(instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
  }

  private void toDraft(ProcessInstance instance) {
    toCompleteness(instance);
    complete(instance, "registrar", Map.of(COMPLETE, true));
    assertThat(instance).isWaitingAt(TASK_CLASSIFY_COMPLAINT);
    complete(
        instance, "registrar", Map.of(FEEDBACK_TYPE, "SERVICE_COMPLAINT", CATEGORY, "BILLING"));
    runAsyncJobs(management, instance);
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  private void toReview(ProcessInstance instance) {
    if (!runtime.getActiveActivityIds(instance.getId()).contains(TASK_DRAFT_ANSWER)) {
      toDraft(instance);
    }
    complete(instance, "handler", rejectedDraft());
    assertThat(instance).isWaitingAt(TASK_REVIEW_ANSWER);
  }

  private void review(ProcessInstance instance) {
    Map<String, Object> review = new HashMap<>();
    review.put(ANSWER_APPROVED, true);
    review.put(REVIEW_COMMENT, null);
    complete(instance, "supervisor2", review);
    // the authority is determined in its own transaction, after the approval
    determineAppealAuthority(instance);
    assertThat(instance).isWaitingAt(SEND_ANSWER);
  }

  private void determineAppealAuthority(ProcessInstance instance) {
    assertThat(instance).isWaitingAt(DETERMINE_APPEAL_AUTHORITY);
    management.executeJob(
        ProcessTestSupport.job(management, instance, DETERMINE_APPEAL_AUTHORITY).getId());
  }

  private void complete(ProcessInstance instance, String user, Map<String, Object> variables) {
    Task task = BpmnAwareTests.task(instance);
    tasks.claim(task.getId(), user);
    tasks.complete(task.getId(), variables);
  }

  private ProcessDefinition definitionOf(String deploymentId) {
    deployments.add(deploymentId);
    return repository
        .createProcessDefinitionQuery()
        .deploymentId(deploymentId)
        .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
        .singleResult();
  }

  private String definitionOf(Case c) {
    return definitionOfInstance(c.instance.getId());
  }

  private String definitionOfInstance(String instance) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceId(instance)
        .singleResult()
        .getProcessDefinitionId();
  }

  private String resource(String name) {
    try (InputStream in = getClass().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Object variable(Case c, String name) {
    return runtime.getVariable(c.instance.getId(), name);
  }

  private List<String> sent(Case c) {
    return notifications.messages(c.receipt.complaintId()).stream()
        .map(m -> m.kind().toString())
        .toList();
  }

  private String answerLetterText(Case c) {
    OutboundMessage answer =
        notifications.messages(c.receipt.complaintId()).stream()
            .filter(m -> m.kind() == NotificationKind.ANSWER)
            .findFirst()
            .orElseThrow();
    byte[] pdf = letters.find(c.receipt.complaintId(), answer.letterId()).orElseThrow().content();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Case(IntakeService.Receipt receipt, ProcessInstance instance) {}
}
