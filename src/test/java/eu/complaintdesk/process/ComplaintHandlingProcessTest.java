package eu.complaintdesk.process;

import static eu.complaintdesk.process.ComplaintProcess.*;
import static eu.complaintdesk.process.ComplaintVariables.*;
import static eu.complaintdesk.process.ProcessTestSupport.fireTimer;
import static eu.complaintdesk.process.ProcessTestSupport.runAsyncJobs;
import static eu.complaintdesk.process.ProcessTestSupport.submit;
import static eu.complaintdesk.process.ProcessTestSupport.timer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.answer.ExternalInquiries;
import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.answer.InquiryReminders;
import eu.complaintdesk.answer.InquiryReplies;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.engine.JsonList;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.intake.CustomerRequests;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.notification.MessageChannel;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.survey.SurveyService;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.text.TextPieces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole lifecycle on the real engine (in-memory H2, job executor off): the happy path end to
 * end, then one test per detour, each checking what was stored and what was sent.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, FullCoverage.class})
@TestExecutionListeners(
    value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class ComplaintHandlingProcessTest {

  /** Tuesday 24 November 2026, 10:00 in Riga: inside working hours. */
  static final Instant RECEIVED = Instant.parse("2026-11-24T08:00:00Z");

  /** Close of the 10th working day after receipt: Tuesday 8 December 2026, 18:00 Riga. */
  static final Instant DUE_10 = Instant.parse("2026-12-08T16:00:00Z");

  /** Close of the 20th working day: Tuesday 22 December 2026, 18:00 Riga. */
  static final Instant DUE_20 = Instant.parse("2026-12-22T16:00:00Z");

  /** Close of the 1st working day: Wednesday 25 November 2026, 18:00 Riga. */
  static final Instant DUE_1 = Instant.parse("2026-11-25T16:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired TaskService tasks;
  @Autowired FormService formService;
  @Autowired ManagementService management;
  @Autowired IntakeService intake;
  @Autowired CustomerRequests customerRequests;
  @Autowired SurveyService surveys;
  @Autowired ComplaintRegister register;
  @Autowired CustomerMessages customerMessages;
  @Autowired Surveys surveyTable;
  @Autowired ExternalInquiries inquiries;
  @Autowired AnswerDrafts drafts;
  @Autowired NotificationService notifications;
  @Autowired AnswerLetters letters;

  IntakeService.Receipt receipt;
  ProcessInstance instance;

  @BeforeEach
  void submitComplaint() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    receipt = submit(intake, RECEIVED);
    instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.registrationNumber())
            .singleResult();
    runAsyncJobs(management, instance);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void complaintIsRegisteredAcknowledgedAnsweredAndClosedAfterTheSurvey() {
    assertThat(receipt.registrationNumber()).matches("\\d{4}-\\d{6}");
    assertThat(receipt.responseDueDate()).isEqualTo("2026-12-08");
    assertThat(instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(task()).hasCandidateGroup("registrars").hasDueDate(Date.from(DUE_10));
    assertThat(instance).variables().containsEntry(SUGGESTED_CATEGORY, "BILLING");
    // the decision read the customer's text as a transient input: never stored, not in history
    assertThat(instance).variables().doesNotContainKey(ComplaintVariables.CLASSIFICATION_TEXT);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(ComplaintVariables.CLASSIFICATION_TEXT)
                .count())
        .isZero();
    // the registrar's tasks are sorted by the suggested priority (NORMAL = 50)
    assertThat(instance).variables().containsEntry(SUGGESTED_PRIORITY, "NORMAL");
    assertThat(task().getPriority()).isEqualTo(50);
    assertThat(sent()).contains(NotificationKind.ACKNOWLEDGEMENT.name());

    completeAsComplete();
    classifyAs("SERVICE_COMPLAINT", "BILLING");
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(task()).hasCandidateGroup("dept-billing").hasDueDate(Date.from(DUE_10));
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
    // TaskPriority: NORMAL is 50, a repeat complaint (earlier tests' cases: same customer) 60
    assertThat(task().getPriority()).isEqualTo(complaint().repeatComplaint() ? 60 : 50);
    assertThat(instance).hasPassed(PRIORITISE_REGISTRAR_TASKS, PRIORITISE_CASE);

    draft("handler", "UPHELD", null);
    review("supervisor", true, "Labi");
    runAsyncJobs(management, instance);

    assertThat(instance).isWaitingAt("Gateway_AwaitSurvey");
    assertNoFreeTextInTheEngine();
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.ANSWERED);
    assertThat(complaint().outcome()).isEqualTo("UPHELD");
    assertThat(sent())
        .contains(NotificationKind.ANSWER.name(), NotificationKind.SURVEY_INVITATION.name())
        .doesNotContain(NotificationKind.APPEAL_NOTICE.name());

    String token = surveyToken();
    // whoever has the link may answer: the outbox, which staff read, shows it masked
    assertThat(message(NotificationKind.SURVEY_INVITATION))
        .contains(NotificationService.MASK)
        .doesNotContain(token);
    assertThat(surveys.answer(token, 5, "Ātri un laipni")).isEqualTo(SurveyService.Result.RECORDED);
    assertThat(instance).isEnded().hasPassed(END_COMPLAINT_CLOSED);
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(surveyTable.find(token).orElseThrow().score()).isEqualTo(5);
  }

  @Test
  void missingInformationPausesTheClockAndTheCaseContinuesWhenItArrives() {
    completeAsIncomplete("Rēķina kopija");
    assertThat(instance).isWaitingAt("Gateway_AwaitInformation");
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.AWAITING_INFORMATION);
    // the request is made from the register: the case holds no copy of the registrar's text
    assertThat(message(NotificationKind.MISSING_INFORMATION_REQUEST)).contains("Rēķina kopija");
    assertThat(register.missingInformation(receipt.complaintId())).isEqualTo("Rēķina kopija");
    assertNoFreeTextInTheEngine();

    // The customer answers two working days later (Thursday 26 November).
    ClockUtil.setCurrentTime(Date.from(RECEIVED.plus(Duration.ofDays(2))));
    customerRequests.supplyInformation(complaint(), "Pielikumā rēķina kopija");
    runAsyncJobs(management, instance);

    assertThat(instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
    assertThat(sent()).contains(NotificationKind.INFORMATION_RECEIVED.name());
    // the registrars, whose completeness check the case goes back to, are told by e-mail
    assertThat(recipients(NotificationKind.INFORMATION_SUPPLIED))
        .containsExactly("registrar@complaintdesk.example");
    assertThat(message(NotificationKind.INFORMATION_SUPPLIED))
        .contains(receipt.registrationNumber())
        .doesNotContain("Pielikumā");
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.REGISTERED);
    assertThat(complaint().clockPausedAt()).isNull();
    Instant movedDue = Instant.parse("2026-12-10T16:00:00Z");
    assertThat(complaint().responseDueAt()).isEqualTo(movedDue);
    assertThat(timer(management, instance, CASE_DEADLINE_REACHED).getDuedate())
        .isEqualTo(Date.from(movedDue));
    assertThat(message(NotificationKind.INFORMATION_RECEIVED)).contains("10.12.2026");

    // The second check starts afresh: the first round's answer does not count again.
    Task check = claim("registrar");
    assertThatThrownBy(() -> tasks.complete(check.getId()))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(COMPLETE);
  }

  @Test
  void incompleteComplaintIsClosedWhenCustomerDoesNotAnswer() {
    completeAsIncomplete("Skaitītāja fotogrāfija");
    fireTimer(management, instance, INFORMATION_WAIT_EXPIRED);
    runAsyncJobs(management, instance);

    assertThat(instance).isEnded().hasPassed(END_CLOSED_INCOMPLETE);
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.CLOSED_INCOMPLETE);
    assertThat(sent()).contains(NotificationKind.CLOSED_INCOMPLETE.name());
  }

  @Test
  void deadlineIsExtendedOnceAndEveryExternalOrganisationIsAskedAndItsReplyRecorded() {
    toDraft();
    complete(
        claim("handler"),
        Map.of(
            NEEDS_EXTERNAL_INFORMATION,
            true,
            EXTERNAL_ORGANISATIONS,
            "Sadales tīkls\nRīgas ūdens\n"));
    runAsyncJobs(management, instance);

    assertThat(complaint().extended()).isTrue();
    assertThat(complaint().responseDueAt()).isEqualTo(DUE_20);
    assertThat(timer(management, instance, CASE_DEADLINE_REACHED).getDuedate())
        .isEqualTo(Date.from(DUE_20));
    assertThat(complaint().extensionReason()).isEqualTo("EXTERNAL_INFORMATION");
    assertThat(message(NotificationKind.EXTENSION_NOTICE))
        .contains("22.12.2026", "jāsaņem informācija no citām iestādēm")
        .doesNotContain("EXTERNAL_INFORMATION", "Information from other");
    assertThat(sent()).contains(NotificationKind.EXTENSION_NOTICE.name());
    List<Task> replies =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(TASK_RECORD_EXTERNAL_REPLY)
            .processInstanceId(instance.getId())
            .list();
    assertThat(replies).hasSize(2);
    tasks.complete(replies.get(0).getId(), Map.of(EXTERNAL_REPLY, "Pirmā atbilde"));
    assertThatThrownBy(() -> tasks.complete(replies.get(1).getId()))
        .as("each organisation's reply is its own")
        .isInstanceOf(Refusal.class);
    for (Task reply : replies.subList(1, 2)) {
      tasks.complete(reply.getId(), Map.of(EXTERNAL_REPLY, "Atbilde no organizācijas"));
    }
    assertThat(inquiries.inquiries(complaint().id()))
        .extracting(ExternalInquiry::organisation)
        .containsExactlyInAnyOrder("Sadales tīkls", "Rīgas ūdens");
    assertThat(inquiries.inquiries(complaint().id())).allMatch(i -> i.repliedAt() != null);
    assertNoFreeTextInTheEngine();
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(task()).hasDueDate(Date.from(DUE_20));

    // The handler's next draft goes to review without asking the same organisations again.
    Task next = claim("handler");
    assertThatThrownBy(() -> tasks.complete(next.getId()))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(DRAFT_ANSWER);

    // A second round of questions does not extend the deadline again.
    complete(
        claim("handler"),
        Map.of(NEEDS_EXTERNAL_INFORMATION, true, EXTERNAL_ORGANISATIONS, "Būvvalde"));
    runAsyncJobs(management, instance);
    assertThat(complaint().responseDueAt()).isEqualTo(DUE_20);
    assertThat(sent().stream().filter(NotificationKind.EXTENSION_NOTICE.name()::equals)).hasSize(1);
    assertThat(instance).isWaitingAt(TASK_RECORD_EXTERNAL_REPLY);
  }

  @Test
  void reviewerReturnsTheDraftWithCommentsAndTheHandlerReworksIt() {
    toDraft();
    draft("handler", "PARTIALLY_UPHELD", "Daļa prasības nav pamatota");
    review("supervisor", false, "Lūdzu norādiet tiesisko pamatu");

    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(drafts.list(complaint().id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.approved()).isFalse();
              assertThat(d.reviewComment()).isEqualTo("Lūdzu norādiet tiesisko pamatu");
            });
    // the returned draft and its comments are the register's: the handler sees them in the case
    // facts, the case holds none of them
    assertNoFreeTextInTheEngine();

    complete(
        claim("handler"), Map.of(DRAFT_ANSWER, "Pārstrādāta atbilde", PROPOSED_OUTCOME, "UPHELD"));
    review("supervisor2", true, null);
    runAsyncJobs(management, instance);

    assertThat(complaint().outcome()).isEqualTo("UPHELD");
    assertThat(message(NotificationKind.ANSWER))
        .contains("Pārstrādāta atbilde")
        .doesNotContain("Daļa prasības nav pamatota");
    assertThat(sent()).doesNotContain(NotificationKind.APPEAL_NOTICE.name());
  }

  @Test
  void reviewerApprovesTheDraftAsDraftedAndCannotRewriteIt() {
    toDraft();
    draft("handler", "REJECTED", "Rēķins ir pareizs");
    Task review = claim("supervisor");
    assertThatThrownBy(
            () ->
                complete(
                    review,
                    Map.of(
                        ANSWER_APPROVED,
                        true,
                        DRAFT_ANSWER,
                        "Cita atbilde",
                        PROPOSED_OUTCOME,
                        "UPHELD")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("is not a variable of this task; it takes only answerApproved");
    complete(review, Map.of(ANSWER_APPROVED, true));
    runAsyncJobs(management, instance);

    assertThat(complaint().outcome()).isEqualTo("REJECTED");
    assertThat(message(NotificationKind.ANSWER))
        .contains("Cienījamais klient")
        .contains("Rēķins ir pareizs")
        .doesNotContain("Cita atbilde");
    assertThat(sent()).contains(NotificationKind.APPEAL_NOTICE.name());
  }

  @Test
  void taskTakesOnlyItsOwnVariablesSoNobodyRedirectsTheCase() {
    toDraft();
    Task draft = claim("handler");
    Map<String, Object> withForeign = new java.util.HashMap<>();
    withForeign.put(DRAFT_ANSWER, "Atbilde citam klientam");
    withForeign.put(PROPOSED_OUTCOME, "UPHELD");
    withForeign.put(NEEDS_EXTERNAL_INFORMATION, false);
    withForeign.put(COMPLAINT_ID, receipt.complaintId() + 1);

    assertThatThrownBy(() -> complete(draft, withForeign))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("'complaintId' is not a variable of this task");
    assertThatThrownBy(
            () -> formService.submitTaskForm(draft.getId(), Map.of(FEEDBACK_TYPE, "PRAISE")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("feedbackType");
    assertThatThrownBy(() -> tasks.setVariable(draft.getId(), COMPLAINT_ID, 1L))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("complaintId");
    assertThatThrownBy(() -> tasks.setVariableLocal(draft.getId(), ANSWER, "Cits teksts"))
        .isInstanceOf(AuthorizationException.class);
    // not even a variable the task takes: a local copy would hide the case's from the listener
    assertThatThrownBy(() -> tasks.setVariableLocal(draft.getId(), DRAFT_ANSWER, "Cits teksts"))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("no variables of its own");
    assertThatThrownBy(() -> tasks.removeVariable(draft.getId(), COMPLAINT_ID))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () ->
                ((TaskServiceImpl) tasks)
                    .updateVariables(draft.getId(), Map.of(), List.of(COMPLAINT_ID)))
        .isInstanceOf(AuthorizationException.class);

    // nor may anyone end the case by throwing from the task
    assertThatThrownBy(
            () ->
                tasks.handleBpmnError(
                    draft.getId(), "ANY", "end it", Map.of(COMPLAINT_ID, receipt.complaintId())))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("ends only by being completed");
    assertThatThrownBy(() -> tasks.handleEscalation(draft.getId(), "ANY"))
        .isInstanceOf(AuthorizationException.class);

    assertThat(runtime.getVariable(instance.getId(), COMPLAINT_ID))
        .isEqualTo(receipt.complaintId());
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    tasks.setVariable(draft.getId(), DRAFT_ANSWER, "Melnraksts"); // its own: may be saved
  }

  @Test
  void onlySupervisorsReviewAnswers() {
    toDraft();
    draft("handler", "UPHELD", null);

    assertThatThrownBy(() -> tasks.claim(task().getId(), "registrar"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("supervisors");
  }

  @Test
  void rejectionIsAnsweredWithTheAppealNoticeAndTheSurveyMayExpire() {
    toDraft();
    draft(
        "handler",
        "REJECTED",
        "Rēķins aprēķināts pēc skaitītāja rādījumiem (MK noteikumi Nr. 876)");
    review("supervisor2", true, null);
    runAsyncJobs(management, instance);

    assertThat(instance).hasPassed(DETERMINE_APPEAL_AUTHORITY, SEND_APPEAL_NOTICE);
    assertThat(sent())
        .containsSubsequence(NotificationKind.ANSWER.name(), NotificationKind.APPEAL_NOTICE.name());
    // the model decided once: the letter and the notice name the authority it determined
    assertThat(message(NotificationKind.APPEAL_NOTICE))
        .contains((String) runtime.getVariable(instance.getId(), APPEAL_AUTHORITY_NAME));
    assertThat(instance).variables().containsKey(APPEAL_AUTHORITY_NAME);
    assertThat(
            (String)
                runtime.getVariable(instance.getId(), ComplaintVariables.APPEAL_AUTHORITY_CONTACTS))
        .as("address, phone, e-mail and website on one line")
        .contains("; ");
    assertThat(instance)
        .variables()
        .doesNotContainKeys(
            ComplaintVariables.ORGANISATION_COUNTRY, ComplaintVariables.ORGANISATION_SECTOR);
    assertThat(answerLetterText())
        .contains(
            "Jūsu sūdzība ir atzīta par nepamatotu.",
            "MK noteikumi Nr. 876",
            (String) runtime.getVariable(instance.getId(), APPEAL_AUTHORITY_NAME));

    fireTimer(management, instance, SURVEY_EXPIRED);
    assertThat(instance).isEnded().hasPassed(END_COMPLAINT_CLOSED);
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(surveys.answer(surveyToken(), 4, null)).isEqualTo(SurveyService.Result.EXPIRED);
  }

  @Test
  void anAnswerThatNeedsTheAppealNoticeIsNotSentWithoutItsAuthority() {
    toDraft();
    draft("handler", "REJECTED", "Rēķins ir pareizs");
    review("supervisor2", true, null);
    // the review is done; the authority is determined in a job of its own
    assertThat(instance).isWaitingAt(DETERMINE_APPEAL_AUTHORITY);
    assertThat(instance).variables().containsEntry(ComplaintVariables.OUTCOME, "REJECTED");
    management.executeJob(job(DETERMINE_APPEAL_AUTHORITY).getId());
    // as a case whose authority was not determined (no rule, or model version 1)
    String name = (String) runtime.getVariable(instance.getId(), APPEAL_AUTHORITY_NAME);
    runtime.removeVariable(instance.getId(), APPEAL_AUTHORITY_NAME);
    Job sendAnswer = job(ComplaintProcess.SEND_ANSWER);

    assertThatThrownBy(() -> management.executeJob(sendAnswer.getId()))
        .hasMessageContaining("No appeal authority was determined for this case")
        .hasMessageContaining("not sent without it");
    assertThat(sent()).doesNotContain(NotificationKind.ANSWER.name());

    runtime.setVariable(instance.getId(), APPEAL_AUTHORITY_NAME, name);
    runAsyncJobs(management, instance);
    assertThat(sent())
        .containsSubsequence(NotificationKind.ANSWER.name(), NotificationKind.APPEAL_NOTICE.name());
    assertThat(answerLetterText()).contains(name);
  }

  @Test
  void answerLetterNamesTheAppealAuthorityOfTheCasesOwnDeployment() throws IOException {
    String changed;
    try (var table = getClass().getResourceAsStream("/dmn/AppealAuthority.dmn")) {
      changed =
          new String(table.readAllBytes(), StandardCharsets.UTF_8)
              .replace("Sabiedrisko pakalpojumu regulēšanas komisija", "Jaunā iestāde");
    }
    String deploymentId =
        repository
            .createDeployment()
            .name("changed appeal authority")
            .addString("AppealAuthority.dmn", changed)
            .deploy()
            .getId();
    try {
      toDraft();
      draft("handler", "REJECTED", "Rēķins ir pareizs");
      review("supervisor2", true, null);
      runAsyncJobs(management, instance);

      // the case started with the shipped table: a table deployed later applies to new cases
      assertThat(answerLetterText())
          .contains("Sabiedrisko pakalpojumu regulēšanas komisija")
          .doesNotContain("Jaunā iestāde");
      assertThat(runtime.getVariable(instance.getId(), APPEAL_AUTHORITY_NAME))
          .isEqualTo("Sabiedrisko pakalpojumu regulēšanas komisija");
    } finally {
      repository.deleteDeployment(deploymentId, true);
    }
  }

  /**
   * A priority the form does not offer (sent by a client of the REST API) is recorded as NORMAL.
   */
  @Test
  void unknownPriorityIsRecordedAsNormal() {
    completeAsComplete();
    complete(
        claim("registrar"),
        Map.of(FEEDBACK_TYPE, "SERVICE_COMPLAINT", CATEGORY, "BILLING", PRIORITY, "URGENT"));
    runAsyncJobs(management, instance);

    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(complaint().priority()).isEqualTo("NORMAL");
    assertThat(instance).variables().containsEntry(PRIORITY, "NORMAL");
    assertThat(task().getPriority()).isEqualTo(complaint().repeatComplaint() ? 60 : 50);
  }

  @Test
  void praiseIsForwardedToTheUnitAndTheCustomerThanked() {
    completeAsComplete();
    classifyAs("PRAISE", "STAFF_CONDUCT");
    runAsyncJobs(management, instance);

    assertThat(instance).isEnded().hasPassed(END_PRAISE_ACKNOWLEDGED);
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(sent())
        .contains(NotificationKind.PRAISE_FORWARDED.name(), NotificationKind.PRAISE_THANKS.name());
  }

  @Test
  void proposalIsEvaluatedByProcessOwnersAndTheCustomerToldTheOutcome() {
    completeAsComplete();
    classifyAs("PROPOSAL", "E_SERVICES");
    assertThat(instance).isWaitingAt(TASK_EVALUATE_PROPOSAL);
    assertThat(task()).hasCandidateGroup("process-owners");

    complete(claim("owner"), Map.of(PROPOSAL_ACCEPTED, true, ANSWER, "Paldies, ieviesīsim."));
    // the answer waits in the register, not in the case, until it is sent from there
    assertThat(complaint().answerText()).isEqualTo("Paldies, ieviesīsim.");
    assertThat(complaint().answeredAt()).isNull();
    assertNoFreeTextInTheEngine();
    runAsyncJobs(management, instance);
    assertThat(instance).isWaitingAt("Gateway_AwaitSurvey");
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.ANSWERED);
    assertThat(sent()).contains(NotificationKind.ANSWER.name());
    assertThat(message(NotificationKind.ANSWER)).contains("Paldies, ieviesīsim.");
  }

  @Test
  void informationRequestIsAnsweredWithinOneWorkingDay() {
    completeAsComplete();
    classifyAs("INFORMATION_REQUEST", "BILLING");
    assertThat(instance).isWaitingAt(TASK_ANSWER_INFORMATION_REQUEST);
    assertThat(task()).hasDueDate(Date.from(DUE_1));
    assertThat(complaint().responseDueAt()).isEqualTo(DUE_1);
    assertThat(timer(management, instance, CASE_DEADLINE_REACHED).getDuedate())
        .isEqualTo(Date.from(DUE_1));

    complete(claim("handler"), Map.of(ANSWER, "Rēķinu var apmaksāt līdz mēneša 20. datumam."));
    assertNoFreeTextInTheEngine();
    runAsyncJobs(management, instance);
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.ANSWERED);
    assertThat(message(NotificationKind.ANSWER))
        .contains("Rēķinu var apmaksāt līdz mēneša 20. datumam.");
  }

  @Test
  void customerMayWithdrawAtAnyTime() {
    toDraft();
    customerRequests.withdraw(complaint());
    runAsyncJobs(management, instance);

    assertThat(instance).isEnded().hasPassed(END_WITHDRAWN);
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    assertThat(sent()).contains(NotificationKind.WITHDRAWAL_CONFIRMATION.name());
  }

  @Test
  void customerMayWithdrawWhileAskedForMissingInformation() {
    completeAsIncomplete("Rēķina kopija");
    customerRequests.withdraw(complaint());
    runAsyncJobs(management, instance);

    assertThat(instance).isEnded().hasPassed(END_WITHDRAWN);
    assertThat(complaint().status()).isEqualTo(ComplaintStatus.WITHDRAWN);
  }

  @Test
  void extraMessageFromTheCustomerIsShownToTheHandler() {
    toDraft();
    customerRequests.supplyInformation(complaint(), "Vēl viena piezīme");
    runAsyncJobs(management, instance);

    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER).hasPassed("EndEvent_CustomerMessageShown");
    assertThat(tasks.getTaskComments(task().getId())).isNotEmpty();
    assertThat(customerMessages.list(complaint().id())).hasSize(1);
    assertThat(sent()).contains(NotificationKind.CUSTOMER_MESSAGE_RECEIVED.name());
    // nobody took the draft yet: its candidate group's members, each once
    assertThat(recipients(NotificationKind.CUSTOMER_MESSAGE_RECEIVED))
        .containsExactlyInAnyOrder(
            "handler@complaintdesk.example",
            "supervisor@complaintdesk.example",
            "supervisor2@complaintdesk.example");
  }

  @Test
  void handlerIsRemindedBeforeTheDueDateAndSupervisorsGetTheOverdueDraft() {
    toDraft();
    Date reminderAt = fireTimer(management, instance, DRAFT_REMINDER_DUE);
    assertThat(reminderAt).isEqualTo(Date.from(Instant.parse("2026-12-04T07:00:00Z")));
    Date overdueAt = fireTimer(management, instance, DRAFT_OVERDUE);
    assertThat(overdueAt).isEqualTo(Date.from(DUE_10));
    runAsyncJobs(management, instance);

    assertThat(instance)
        .isWaitingAt(TASK_DRAFT_ANSWER)
        .hasPassed("EndEvent_DraftReminderSent", "EndEvent_DraftEscalated");
    assertThat(task()).hasCandidateGroup("supervisors");
    assertThat(task().getPriority()).isEqualTo(100);
    assertThat(sent())
        .contains(NotificationKind.DRAFT_REMINDER.name(), NotificationKind.DRAFT_OVERDUE.name());
  }

  @Test
  void reworkedDraftIsNotRemindedOrEscalatedTwiceForTheSameDeadline() {
    toDraft();
    fireTimer(management, instance, DRAFT_REMINDER_DUE);
    fireTimer(management, instance, DRAFT_OVERDUE);
    runAsyncJobs(management, instance);
    draft("handler", "UPHELD", null);
    review("supervisor", false, "Papildiniet");
    fireTimer(management, instance, DRAFT_REMINDER_DUE);
    fireTimer(management, instance, DRAFT_OVERDUE);
    runAsyncJobs(management, instance);

    // one step each, one e-mail per person concerned (dept-billing's members; the supervisors)
    assertThat(recipients(NotificationKind.DRAFT_REMINDER))
        .containsExactlyInAnyOrder(
            "handler@complaintdesk.example",
            "supervisor@complaintdesk.example",
            "supervisor2@complaintdesk.example");
    assertThat(recipients(NotificationKind.DRAFT_OVERDUE))
        .containsExactlyInAnyOrder(
            "supervisor@complaintdesk.example", "supervisor2@complaintdesk.example");
  }

  @Test
  void caseStillOpenAfterItsDeadlineIsEscalatedToManagers() {
    toDraft();
    ClockUtil.setCurrentTime(Date.from(DUE_10.plusSeconds(60)));
    fireTimer(management, instance, CASE_DEADLINE_REACHED);
    runAsyncJobs(management, instance);

    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER).hasPassed("EndEvent_CaseEscalated");
    assertThat(sent()).contains(NotificationKind.CASE_OVERDUE.name());
  }

  @Test
  void deadlineTimerOfAPausedCaseEscalatesNothing() {
    completeAsIncomplete("Līguma numurs");
    fireTimer(management, instance, CASE_DEADLINE_REACHED);

    assertThat(instance)
        .hasPassed("EndEvent_CaseNotOverdue")
        .isWaitingAt("Gateway_AwaitInformation");
    assertThat(sent()).doesNotContain(NotificationKind.CASE_OVERDUE.name());
  }

  @Test
  void whoeverDraftedTheAnswerCannotReviewIt() {
    toDraft();
    draft("supervisor", "UPHELD", null);
    Task review = task();

    assertThatThrownBy(() -> tasks.claim(review.getId(), "supervisor"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("four-eyes");
    tasks.setAssignee(review.getId(), "supervisor2");
    // As Tasklist and the REST API authenticate: the user with their groups (authorization is on).
    engine.getIdentityService().setAuthentication("supervisor", List.of(Groups.SUPERVISORS));
    try {
      assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of(ANSWER_APPROVED, true)))
          .isInstanceOf(Refusal.class)
          .hasMessageContaining("four-eyes");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    tasks.complete(review.getId(), Map.of(ANSWER_APPROVED, true));
    assertThat(instance).hasPassed(RECORD_DECISION);
  }

  @Test
  void completionWithMissingContractVariablesIsRefusedWithTheVariableNamed() {
    assertThatThrownBy(() -> tasks.complete(task().getId(), Map.of(COMPLETE, false)))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(MISSING_INFORMATION);
    completeAsComplete();
    assertThatThrownBy(
            () ->
                tasks.complete(
                    task().getId(), Map.of(FEEDBACK_TYPE, "GRUMBLE", CATEGORY, "BILLING")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(FEEDBACK_TYPE);
    classifyAs("SERVICE_COMPLAINT", "BILLING");
    Task draft = claim("handler");
    assertThatThrownBy(
            () ->
                tasks.complete(
                    draft.getId(), Map.of(DRAFT_ANSWER, "Nē", PROPOSED_OUTCOME, "REJECTED")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(REFUSAL_REASONS);
    assertThatThrownBy(
            () -> tasks.complete(draft.getId(), Map.of(NEEDS_EXTERNAL_INFORMATION, true)))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(EXTERNAL_ORGANISATIONS);
  }

  @Test
  void draftWithControlCharactersIsRefusedWithTheVariableNamedAndNothingStored() {
    completeAsComplete();
    classifyAs("SERVICE_COMPLAINT", "BILLING");
    Task draft = claim("handler");
    for (String bad : List.of("Atbilde\u0000", "Atbilde\u0007 te", "Nē\uFFFF", "X\u0085")) {
      assertThatThrownBy(
              () ->
                  tasks.complete(
                      draft.getId(), Map.of(DRAFT_ANSWER, bad, PROPOSED_OUTCOME, "UPHELD")))
          .as(bad)
          .isInstanceOf(Refusal.class)
          .hasMessageContaining(DRAFT_ANSWER)
          .hasMessageContaining("control characters");
    }
    assertThat(drafts.list(complaint().id())).isEmpty();
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  // ------------------------------------------------------------------ steps

  private void toDraft() {
    completeAsComplete();
    classifyAs("SERVICE_COMPLAINT", "BILLING");
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
  }

  private void completeAsComplete() {
    assertThat(instance).isWaitingAt(TASK_CHECK_COMPLETENESS);
    complete(claim("registrar"), Map.of(COMPLETE, true));
  }

  private void completeAsIncomplete(String missing) {
    complete(claim("registrar"), Map.of(COMPLETE, false, MISSING_INFORMATION, missing));
    runAsyncJobs(management, instance);
  }

  private void classifyAs(String type, String category) {
    assertThat(instance).isWaitingAt(TASK_CLASSIFY_COMPLAINT);
    complete(claim("registrar"), Map.of(FEEDBACK_TYPE, type, CATEGORY, category));
    runAsyncJobs(management, instance);
  }

  private void draft(String user, String outcome, String reasons) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(DRAFT_ANSWER, "Cienījamais klient, ...");
    variables.put(PROPOSED_OUTCOME, outcome);
    variables.put(REFUSAL_REASONS, reasons);
    variables.put(NEEDS_EXTERNAL_INFORMATION, false);
    complete(claim(user), variables);
    assertThat(instance).isWaitingAt(TASK_REVIEW_ANSWER);
  }

  private void review(String user, boolean approved, String comment) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(ANSWER_APPROVED, approved);
    variables.put(REVIEW_COMMENT, comment);
    complete(claim(user), variables);
  }

  /**
   * The free text of the case lives in the register only: the case holds none of it, and neither
   * its variable history nor its form field records nor its decision history keep a value of it.
   */
  private void assertNoFreeTextInTheEngine() {
    assertThat(runtime.getVariables(instance.getId()).keySet())
        .doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT);
    HistoryService history = engine.getHistoryService();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list())
        .extracting(HistoricVariableInstance::getName)
        .isNotEmpty()
        .doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT);
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
        .extracting(
            detail ->
                detail instanceof HistoricVariableUpdate update
                    ? update.getVariableName()
                    : ((HistoricFormField) detail).getFieldId())
        .isNotEmpty()
        .doesNotContainAnyElementsOf(ComplaintVariables.FREE_TEXT);
    List<HistoricDecisionInstance> decisions =
        history
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(instance.getId())
            .includeInputs()
            .includeOutputs()
            .list();
    assertThat(decisions).as("the case's decisions").isNotEmpty();
    // complaints.history.decision-values is off: no decision keeps an input or output at all
    // (with it on, the inputs read from the text keep no value: HistoryFilterEngineTest)
    assertThat(decisions).flatExtracting(HistoricDecisionInstance::getInputs).isEmpty();
    assertThat(decisions).flatExtracting(HistoricDecisionInstance::getOutputs).isEmpty();
  }

  private Job job(String activityId) {
    return ProcessTestSupport.job(management, instance, activityId);
  }

  private Task claim(String user) {
    Task task = task();
    tasks.claim(task.getId(), user);
    return task;
  }

  private Task task() {
    return BpmnAwareTests.task(instance);
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  private Complaint complaint() {
    return register.get(receipt.complaintId());
  }

  private List<String> sent() {
    return notifications.messages(receipt.complaintId()).stream()
        .map(m -> m.kind().toString())
        .toList();
  }

  /** The text of the PDF letter the answer message carries. */
  private String answerLetterText() {
    OutboundMessage answer =
        notifications.messages(receipt.complaintId()).stream()
            .filter(m -> m.kind() == NotificationKind.ANSWER)
            .findFirst()
            .orElseThrow();
    assertThat(answer.letterId()).as("answer letter").isNotNull();
    byte[] pdf = letters.find(receipt.complaintId(), answer.letterId()).orElseThrow().content();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case's messages of the kind, oldest first. */
  private List<OutboundMessage> messages(NotificationKind kind) {
    return notifications.messages(receipt.complaintId()).stream()
        .filter(m -> m.kind() == kind)
        .toList();
  }

  /** The recipients of the case's messages of the kind, one entry per message. */
  private List<String> recipients(NotificationKind kind) {
    return messages(kind).stream().map(OutboundMessage::recipient).toList();
  }

  /** Subject and body of the one message of this kind sent for the complaint. */
  private String message(NotificationKind kind) {
    List<String> texts = messages(kind).stream().map(m -> m.subject() + "\n" + m.body()).toList();
    assertThat(texts).as("messages of kind " + kind).hasSize(1);
    return texts.get(0);
  }

  private String surveyToken() {
    return surveyTable.latestToken(receipt.complaintId()).orElseThrow();
  }

  // --- issue 12, partners' replies and the reminder (engineer D) ---------------------------

  /** Close of the 5th working day after Tuesday 24 November (building-manager answers in 5). */
  static final Instant BUILDING_MANAGER_REMINDER = Instant.parse("2026-12-01T16:00:00Z");

  @Autowired InquiryReminders reminders;
  @Autowired InquiryReplies inquiryReplies;

  @Test
  void organisationThatHasNotAnsweredInItsWorkingDaysIsRemindedOnceAndTheHandlerIsTold() {
    askOrganisations("building-manager\nRīgas ūdens");
    List<Job> timers = inquiryTimers();
    assertThat(timers)
        .extracting(Job::getDuedate)
        .as("the directory's 5 working days; 10 for an organisation not in the directory")
        .containsExactlyInAnyOrder(Date.from(BUILDING_MANAGER_REMINDER), Date.from(DUE_10));
    assertThat(sent()).doesNotContain(NotificationKind.EXTERNAL_INQUIRY_REMINDER.name());

    ClockUtil.setCurrentTime(Date.from(DUE_10));
    timers.forEach(timer -> management.executeJob(timer.getId()));
    runAsyncJobs(management, instance);

    assertThat(instance).hasPassed(END_ORGANISATION_REMINDED);
    assertThat(inquiryTimers()).as("the timer fires once").isEmpty();
    List<OutboundMessage> reminded =
        notifications.messages(complaint().id()).stream()
            .filter(m -> m.kind() == NotificationKind.EXTERNAL_INQUIRY_REMINDER)
            .toList();
    assertThat(reminded).as("one reminder, to the directory's address").hasSize(1);
    OutboundMessage reminder = reminded.get(0);
    assertThat(reminder.recipient()).isEqualTo("building-manager@partners.example");
    assertThat(reminder.subject() + reminder.body())
        .contains(receipt.registrationNumber(), "Ēkas pārvaldnieks")
        .doesNotContain("Jānis", "janis@example.lv", "Nepareizs rēķins");
    List<OutboundMessage> told =
        notifications.messages(complaint().id()).stream()
            .filter(m -> m.kind() == NotificationKind.EXTERNAL_INQUIRY_UNANSWERED)
            .toList();
    assertThat(told)
        .as("whoever may record the reply is told once per organisation")
        .extracting(OutboundMessage::recipient)
        .containsExactlyInAnyOrder(
            "handler@complaintdesk.example",
            "supervisor@complaintdesk.example",
            "supervisor2@complaintdesk.example",
            "handler@complaintdesk.example",
            "supervisor@complaintdesk.example",
            "supervisor2@complaintdesk.example");
    assertThat(told)
        .extracting(OutboundMessage::body)
        .anyMatch(body -> body.contains("Rīgas ūdens") && !body.contains("reminder by e-mail"))
        .anyMatch(body -> body.contains("Building manager") && body.contains("reminder"));
    ExternalInquiry buildingManager = inquiry("building-manager");
    assertThat(reminders.remindedAt(buildingManager.id())).contains(DUE_10);
    assertThat(reminders.remindedAt(inquiry("Rīgas ūdens").id())).isEmpty();
    assertThat(register.timeline(complaint().id()))
        .filteredOn(e -> e.type().equals(InquiryReminders.REMINDED))
        .hasSize(1);
    assertThat(instance).isWaitingAt(TASK_RECORD_EXTERNAL_REPLY);

    // The reminder step run again (a retried job) sends nothing more.
    reminders.remind(
        complaint().id(), instance.getId(), buildingManager.id(), "dept-billing", "again");
    assertThat(
            notifications.messages(complaint().id()).stream()
                .filter(
                    m ->
                        m.kind() == NotificationKind.EXTERNAL_INQUIRY_REMINDER
                            || m.kind() == NotificationKind.EXTERNAL_INQUIRY_UNANSWERED))
        .hasSize(1 + told.size());
  }

  @Test
  void organisationWhoseReplyIsRecordedBeforeTheDateIsNotReminded() {
    askOrganisations("building-manager");
    assertThat(inquiryTimers()).hasSize(1);
    tasks.complete(task().getId(), Map.of(EXTERNAL_REPLY, "Atbilde pa tālruni"));

    assertThat(inquiryTimers()).isEmpty();
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(sent())
        .doesNotContain(
            NotificationKind.EXTERNAL_INQUIRY_REMINDER.name(),
            NotificationKind.EXTERNAL_INQUIRY_UNANSWERED.name());
    assertThat(reminders.remindedAt(inquiry("building-manager").id())).isEmpty();
  }

  @Test
  void replyByEmailCompletesItsInquirysTaskAndALaterOneIsKeptBeside() {
    askOrganisations("building-manager\nRīgas ūdens");
    ExternalInquiry buildingManager = inquiry("building-manager");
    InquiryReplies.AnsweredInquiry answered =
        inquiryReplies.find(complaint().id(), messageKey(buildingManager)).orElseThrow();
    assertThat(answered.id()).isEqualTo(buildingManager.id());
    assertThat(inquiryReplies.find(complaint().id(), messageKey(buildingManager) + ":reminder"))
        .as("a reply to the reminder")
        .contains(answered);
    String longReply = "Skaitītājs nomainīts 2026. gada oktobrī. ".repeat(300);
    inquiryReplies.keep(answered, "reply-1", longReply, DUE_1);

    assertThat(inquiryReplies.tell("reply-1")).isTrue();

    ExternalInquiry recorded = inquiry("building-manager");
    assertThat(recorded.recordedBy()).isEqualTo(ExternalInquiries.EMAIL_ACTOR);
    assertThat(recorded.reply()).hasSize(TextPieces.MAX);
    assertThat(inquiryReplies.emailReplies(complaint().id()))
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.text()).as("nothing lost").isEqualTo(longReply);
              assertThat(reply.recorded()).isTrue();
            });
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_RECORD_EXTERNAL_REPLY)
                .list())
        .as("only the other organisation's task is left")
        .hasSize(1);
    assertNoFreeTextInTheEngine();
    assertThat(inquiryReplies.tell("reply-1")).as("told once").isFalse();

    // A second e-mail of the same organisation is kept beside the reply, the case goes on.
    inquiryReplies.keep(answered, "reply-2", "Papildinājums", DUE_1);
    assertThat(inquiryReplies.tell("reply-2")).isFalse();
    assertThat(inquiryReplies.emailReplies(complaint().id()))
        .extracting(InquiryReplies.EmailReply::recorded)
        .containsExactly(true, false);
    assertThat(inquiry("building-manager").reply()).isEqualTo(recorded.reply());

    tasks.complete(task().getId(), Map.of(EXTERNAL_REPLY, "Atbilde pa pastu"));
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(inquiry("Rīgas ūdens").recordedBy()).isNotEqualTo(ExternalInquiries.EMAIL_ACTOR);
  }

  /** The handler asks the organisations (one per line); the inquiries are sent. */
  private void askOrganisations(String organisations) {
    toDraft();
    complete(
        claim("handler"),
        Map.of(NEEDS_EXTERNAL_INFORMATION, true, EXTERNAL_ORGANISATIONS, organisations));
    runAsyncJobs(management, instance);
    assertThat(instance).isWaitingAt(TASK_RECORD_EXTERNAL_REPLY);
  }

  private List<Job> inquiryTimers() {
    return management
        .createJobQuery()
        .processInstanceId(instance.getId())
        .activityId(INQUIRY_REPLY_OVERDUE)
        .timers()
        .list();
  }

  private ExternalInquiry inquiry(String organisation) {
    return inquiries.inquiries(complaint().id()).stream()
        .filter(i -> i.organisation().equals(organisation))
        .findFirst()
        .orElseThrow();
  }

  /** The dedup key of the message that asked the inquiry's organisation. */
  private String messageKey(ExternalInquiry inquiry) {
    return notifications.messages(complaint().id()).stream()
        .filter(
            m ->
                m.kind() == NotificationKind.EXTERNAL_INQUIRY
                    && (m.recipient().equals(inquiry.organisation())
                        || m.recipient().equals(inquiry.organisation() + "@partners.example")))
        .map(OutboundMessage::dedupKey)
        .findFirst()
        .orElseThrow();
  }

  // --- issue 12, engineer C: the directory in the draft form, inquiries by e-mail ------------

  @Test
  void draftTaskOffersTheDirectoryAsTheChecklistsOptionsInTheStaffLanguage() {
    toDraft();

    TypedValue options =
        tasks.getVariableLocalTyped(task().getId(), EXTERNAL_ORGANISATION_OPTIONS, false);
    assertThat(options).isInstanceOf(ObjectValue.class);
    assertThat(((ObjectValue) options).getSerializationDataFormat()).isEqualTo("application/json");
    assertThat(((ObjectValue) options).getValueSerialized())
        .contains("{\"label\":\"Building manager\",\"value\":\"building-manager\"}");
    JsonList list =
        (JsonList) tasks.getVariableLocal(task().getId(), EXTERNAL_ORGANISATION_OPTIONS);
    assertThat(list.items()).hasSize(4);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(EXTERNAL_ORGANISATION_OPTIONS)
                .count())
        .isZero();
  }

  @Test
  void chosenDirectoryEntriesAreEmailedTheQuestionAndOthersAreContactedByHand() {
    toDraft();
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put(NEEDS_EXTERNAL_INFORMATION, true);
    variables.put(EXTERNAL_ORGANISATION_CHOICE, new JsonList(List.of("building-manager")).typed());
    variables.put(EXTERNAL_ORGANISATIONS, "Būvvalde\nEkas parvaldnieks\nbuilding-manager");
    variables.put(INQUIRY_QUESTION, "Kad ēkā Brīvības ielā 1 tika atslēgts siltums?");
    complete(claim("handler"), variables);
    runAsyncJobs(management, instance);

    assertThat(history(EXTERNAL_ORGANISATIONS))
        .as("the ids chosen, then the other names, each once")
        .contains("building-manager\nBūvvalde\nEkas parvaldnieks");
    List<OutboundMessage> asked = messages(NotificationKind.EXTERNAL_INQUIRY);
    assertThat(asked)
        .filteredOn(m -> m.channel() == MessageChannel.EMAIL)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.recipient()).isEqualTo("building-manager@partners.example");
              assertThat(m.language()).isEqualTo(Language.lv);
              assertThat(m.subject()).contains(receipt.registrationNumber());
              assertThat(m.body())
                  .contains(
                      "Ēkas pārvaldnieks",
                      receipt.registrationNumber(),
                      "Kad ēkā Brīvības ielā 1 tika atslēgts siltums?",
                      "atbildiet uz šo e-pastu")
                  .doesNotContain("Jānis", "Nepareizs rēķins", "Rēķinā par oktobri");
            });
    assertThat(asked)
        .filteredOn(m -> m.channel() == MessageChannel.ORGANISATION)
        .extracting(OutboundMessage::recipient)
        .containsExactlyInAnyOrder("Būvvalde", "Ekas parvaldnieks");
    List<ExternalInquiry> recorded = inquiries.inquiries(receipt.complaintId());
    assertThat(recorded).hasSize(3);
    assertThat(recorded)
        .filteredOn(i -> "building-manager".equals(i.organisationId()))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.emailed()).isTrue();
              assertThat(i.organisationName()).isEqualTo("Building manager");
              assertThat(i.question()).isEqualTo("Kad ēkā Brīvības ielā 1 tika atslēgts siltums?");
            });
    assertThat(recorded)
        .filteredOn(i -> i.organisationId() == null)
        .allSatisfy(i -> assertThat(i.emailed()).isFalse())
        .extracting(ExternalInquiry::organisationName)
        .containsExactlyInAnyOrder("Būvvalde", "Ekas parvaldnieks");
    assertThat(register.timeline(receipt.complaintId()))
        .filteredOn(e -> e.type().equals("EXTERNAL_INQUIRY_BY_HAND"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.visibleToCustomer()).isFalse());

    List<Task> replies =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(TASK_RECORD_EXTERNAL_REPLY)
            .processInstanceId(instance.getId())
            .list();
    assertThat(replies)
        .extracting(Task::getDescription)
        .containsExactlyInAnyOrder(
            "Building manager was asked by e-mail; its reply e-mail completes this task. Record"
                + " here a reply that came by phone or post.",
            "Not in the directory: contact Būvvalde by phone or post and record its reply here.",
            "Not in the directory: contact Ekas parvaldnieks by phone or post and record its reply"
                + " here.");

    // the question and the choice left the case; neither they nor the options reached history
    assertThat(runtime.getVariables(instance.getId()).keySet())
        .doesNotContain(INQUIRY_QUESTION, EXTERNAL_ORGANISATION_CHOICE);
    HistoryService history = engine.getHistoryService();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list())
        .extracting(HistoricVariableInstance::getName)
        .doesNotContain(
            INQUIRY_QUESTION, EXTERNAL_ORGANISATION_CHOICE, EXTERNAL_ORGANISATION_OPTIONS);
    assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).list())
        .filteredOn(HistoricVariableUpdate.class::isInstance)
        .extracting(d -> ((HistoricVariableUpdate) d).getVariableName())
        .doesNotContain(
            INQUIRY_QUESTION, EXTERNAL_ORGANISATION_CHOICE, EXTERNAL_ORGANISATION_OPTIONS);
    assertNoFreeTextInTheEngine();
    // the directory is read from the deployment, not evaluated as a decision with history
    assertThat(
            history
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("OrganisationDirectory")
                .count())
        .isZero();
  }

  @Test
  void inquiryWithoutAQuestionAsksTheDefaultSentenceInTheOrganisationsLanguage() {
    toDraft();
    complete(
        claim("handler"),
        Map.of(NEEDS_EXTERNAL_INFORMATION, true, EXTERNAL_ORGANISATIONS, "building-manager"));
    runAsyncJobs(management, instance);

    assertThat(messages(NotificationKind.EXTERNAL_INQUIRY))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.channel()).isEqualTo(MessageChannel.EMAIL);
              assertThat(m.recipient()).isEqualTo("building-manager@partners.example");
              assertThat(m.body()).contains("Lūdzu, sniedziet mums jūsu rīcībā esošo informāciju");
            });
    assertThat(inquiries.inquiries(receipt.complaintId()))
        .singleElement()
        .satisfies(i -> assertThat(i.question()).isNull());
  }

  @Test
  void draftAskingNoOrganisationOrAnUnknownChoiceIsRefusedWithTheVariableNamed() {
    toDraft();
    Task draft = claim("handler");

    assertThatThrownBy(
            () ->
                complete(
                    draft,
                    Map.of(
                        NEEDS_EXTERNAL_INFORMATION,
                        true,
                        EXTERNAL_ORGANISATION_CHOICE,
                        new JsonList(List.of()).typed(),
                        EXTERNAL_ORGANISATIONS,
                        " \n")))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(EXTERNAL_ORGANISATIONS);
    assertThatThrownBy(
            () ->
                complete(
                    draft,
                    Map.of(
                        NEEDS_EXTERNAL_INFORMATION,
                        true,
                        EXTERNAL_ORGANISATION_CHOICE,
                        new JsonList(List.of("no-such-organisation")).typed())))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining(EXTERNAL_ORGANISATION_CHOICE);
    assertThat(instance).isWaitingAt(TASK_DRAFT_ANSWER);
    assertThat(inquiries.inquiries(receipt.complaintId())).isEmpty();
  }

  /** The latest value the case's history keeps of a variable. */
  private String history(String name) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue()
        .toString();
  }

  // --- issue 14, SMS forms and the appeal authority in the customer's language (engineer A) ---

  /**
   * A Russian-speaking customer who wants SMS: the appeal notice names the commission in Russian
   * with its official Latvian name in brackets (the letter too), and every message is the short SMS
   * form with the registration number and the status page.
   */
  @Test
  void russianCustomerBySmsReadsTheAuthorityInRussianAndShortMessages() {
    eu.complaintdesk.intake.Submission lv =
        ProcessTestSupport.submission(
            "Неверный счёт", "В счёте за октябрь слишком много.", "BILLING");
    receipt =
        intake.submit(
            new eu.complaintdesk.intake.Submission(
                Language.ru,
                new eu.complaintdesk.intake.Submission.Customer(
                    "Иван Петров", null, "+371 20000077", "C-1077", null),
                eu.complaintdesk.register.PreferredContact.SMS,
                lv.subject(),
                lv.description(),
                lv.remedySought(),
                lv.categoryHint(),
                null,
                null,
                null),
            eu.complaintdesk.register.Channel.API,
            RECEIVED,
            null,
            null);
    instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.registrationNumber())
            .singleResult();
    runAsyncJobs(management, instance);

    toDraft();
    draft("handler", "REJECTED", "Счёт рассчитан по показаниям счётчика");
    review("supervisor2", true, null);
    runAsyncJobs(management, instance);

    String commission =
        "Комиссия по регулированию общественных услуг"
            + " (Sabiedrisko pakalpojumu regulēšanas komisija)";
    assertThat(runtime.getVariable(instance.getId(), APPEAL_AUTHORITY_NAME)).isEqualTo(commission);
    assertThat(answerLetterText()).contains(commission, "Вы вправе обратиться");
    List<OutboundMessage> sms =
        notifications.messages(receipt.complaintId()).stream()
            .filter(m -> m.channel() == MessageChannel.SMS)
            .toList();
    assertThat(sms)
        .extracting(OutboundMessage::kind)
        .contains(
            NotificationKind.ACKNOWLEDGEMENT,
            NotificationKind.ANSWER,
            NotificationKind.APPEAL_NOTICE);
    assertThat(sms)
        .allSatisfy(
            message ->
                assertThat(message.body())
                    .contains(receipt.registrationNumber())
                    .hasSizeLessThanOrEqualTo(134));
    assertThat(message(NotificationKind.APPEAL_NOTICE))
        .contains("Куда обратиться, если Вы не согласны", "/status");
    assertThat(message(NotificationKind.ANSWER)).contains("Жалоба признана необоснованной.");
  }
}
