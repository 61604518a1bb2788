package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.NEEDS_EXTERNAL_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSED_OUTCOME;
import static eu.complaintdesk.process.ComplaintVariables.REFUSAL_REASONS;
import static eu.complaintdesk.process.ComplaintVariables.REVIEW_COMMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.intake.CustomerRequests;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.testing.TestFiles;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A task of a case carries the case's facts from the register as task-local {@code caseFile…}
 * variables for its form: escaped, refreshed when the customer sends more, never in the engine's
 * history.
 */
@SpringBootTest
@ActiveProfiles("test")
class CaseFactsTest {

  static final String NAME = "Anna [Ozola](https://evil.example)";
  static final String HIDING_DRAFT =
      "Dear customer,\n<!-- hidden -->\nPay to [bank](https://evil.example)\n"
          + "  ![logo](https://evil.example/l.png)";
  static final String DESCRIPTION =
      "Line one <b>bold</b>\n# not a heading\n![img](https://t.example/p.png)";

  @Autowired IntakeService intake;
  @Autowired CustomerRequests customerRequests;
  @Autowired ComplaintRegister register;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;

  String registrationNumber;
  Task task;

  @BeforeEach
  void submitComplaintWithAFile() {
    Submission submission =
        new Submission(
            Language.en,
            new Submission.Customer(
                NAME, "anna@example.lv", "+371 20000001", "C-77", "Rīga, Elizabetes iela 2"),
            PreferredContact.EMAIL,
            "Heating *off* since Monday",
            DESCRIPTION,
            "Recalculate the bill",
            "HEATING_QUALITY",
            null,
            null,
            null);
    registrationNumber =
        intake
            .submit(
                submission,
                List.of(new UploadedFile("meter](x) [photo.png", "image/png", TestFiles.png())),
                Channel.API,
                Instant.now().minusSeconds(60),
                null,
                null)
            .registrationNumber();
    task = awaitTask(ComplaintProcess.TASK_CHECK_COMPLETENESS);
  }

  /** Runs the case's asynchronous steps, then returns its open task of this definition. */
  private Task awaitTask(String taskDefinitionKey) {
    String instanceId =
        register.findByRegistrationNumber(registrationNumber).orElseThrow().processInstanceId();
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(instanceId).messages().list();
      if (jobs.isEmpty()) {
        break;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    Task found =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(registrationNumber)
            .taskDefinitionKey(taskDefinitionKey)
            .singleResult();
    assertThat(found).as(taskDefinitionKey).isNotNull();
    return found;
  }

  private Task claimAndComplete(Task open, String user, Map<String, Object> variables) {
    tasks.claim(open.getId(), user);
    tasks.complete(open.getId(), variables);
    return open;
  }

  /** From the completeness check to the first draft's review. */
  private Task toReview() {
    return toReview(HIDING_DRAFT);
  }

  private Task toReview(String draftAnswer) {
    claimAndComplete(task, "registrar", Map.of(COMPLETE, true));
    claimAndComplete(
        awaitTask(ComplaintProcess.TASK_CLASSIFY_COMPLAINT),
        "registrar",
        Map.of(FEEDBACK_TYPE, "SERVICE_COMPLAINT", CATEGORY, "HEATING_QUALITY"));
    claimAndComplete(
        awaitTask(ComplaintProcess.TASK_DRAFT_ANSWER),
        "handler",
        Map.of(
            DRAFT_ANSWER,
            draftAnswer,
            PROPOSED_OUTCOME,
            "PARTIALLY_UPHELD",
            REFUSAL_REASONS,
            "See <b>rule</b> [4](https://evil.example)",
            NEEDS_EXTERNAL_INFORMATION,
            false));
    return awaitTask(ComplaintProcess.TASK_REVIEW_ANSWER);
  }

  @Test
  void theReviewShowsALongDraftWholeEvenWhenEscapingMakesItLongerThanAVariable() {
    String longDraft = "Summa: <1.200,00 EUR>; ".repeat(170).strip(); // under 4 000 characters
    Task review = toReview(longDraft);

    Map<String, Object> local = tasks.getVariablesLocal(review.getId());
    String shown =
        CaseFacts.DRAFT_TEXT_PIECES.stream()
            .map(name -> (String) local.get(name))
            .reduce("", String::concat);
    assertThat(Markdown.text(longDraft)).hasSizeGreaterThan(Markdown.MAX_VARIABLE);
    assertThat(shown).isEqualTo(Markdown.text(longDraft)).doesNotContain(Markdown.SHORTENED);
  }

  @Test
  void theReviewShowsTheDraftUnderReviewAsWrittenNotRendered() {
    Task review = toReview();

    Map<String, Object> local = tasks.getVariablesLocal(review.getId());
    assertThat(local.get(CaseFacts.DRAFT_TEXT))
        .as("a comment, a link and an image show literally, line breaks kept")
        .isEqualTo(
            "Dear customer\\,\n&lt;\\!\\-\\- hidden \\-\\-&gt;\n"
                + "Pay to \\[bank\\]\\(https\\:\\/\\/evil\\.example\\)\n"
                + "\\!\\[logo\\]\\(https\\:\\/\\/evil\\.example\\/l\\.png\\)");
    assertThat(local.get(CaseFacts.DRAFT_OUTCOME)).isEqualTo("Partially upheld");
    assertThat(local.get(CaseFacts.DRAFT_REASONS))
        .isEqualTo("See &lt;b&gt;rule&lt;\\/b&gt; \\[4\\]\\(https\\:\\/\\/evil\\.example\\)");
    assertThat(local).doesNotContainKeys(CaseFacts.LAST_REVIEW, CaseFacts.ORGANISATION);
  }

  @Test
  void theNextDraftShowsTheReturningReviewCommentAsWritten() {
    Task review = toReview();
    claimAndComplete(
        review,
        "supervisor",
        Map.of(
            ANSWER_APPROVED, false, REVIEW_COMMENT, "Drop the <!-- x --> and [link](https://e.x)"));

    Task redraft = awaitTask(ComplaintProcess.TASK_DRAFT_ANSWER);
    Map<String, Object> local = tasks.getVariablesLocal(redraft.getId());
    assertThat(local.get(CaseFacts.LAST_REVIEW))
        .isEqualTo("Drop the &lt;\\!\\-\\- x \\-\\-&gt; and \\[link\\]\\(https\\:\\/\\/e\\.x\\)");
    assertThat(local).doesNotContainKeys(CaseFacts.DRAFT_TEXT, CaseFacts.DRAFT_OUTCOME);
  }

  @Test
  void theExternalReplyShowsTheOrganisationAskedAsTheHandlerWroteIt() {
    claimAndComplete(task, "registrar", Map.of(COMPLETE, true));
    claimAndComplete(
        awaitTask(ComplaintProcess.TASK_CLASSIFY_COMPLAINT),
        "registrar",
        Map.of(FEEDBACK_TYPE, "SERVICE_COMPLAINT", CATEGORY, "HEATING_QUALITY"));
    claimAndComplete(
        awaitTask(ComplaintProcess.TASK_DRAFT_ANSWER),
        "handler",
        Map.of(
            NEEDS_EXTERNAL_INFORMATION,
            true,
            EXTERNAL_ORGANISATIONS,
            "Sadales [tīkls](https://evil.example) AS"));

    Task reply = awaitTask(ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY);
    assertThat(tasks.getVariablesLocal(reply.getId()).get(CaseFacts.ORGANISATION))
        .isEqualTo("Sadales \\[tīkls\\]\\(https\\:\\/\\/evil\\.example\\) AS");
  }

  @Test
  void usersMayNotSetTheDraftUnderReviewAndItNeverReachesTheHistory() {
    Task review = toReview();
    assertThatThrownBy(() -> tasks.setVariableLocal(review.getId(), CaseFacts.DRAFT_TEXT, "forged"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () ->
                tasks.complete(
                    review.getId(), Map.of(ANSWER_APPROVED, true, CaseFacts.DRAFT_TEXT, "forged")))
        .isInstanceOf(Refusal.class);

    claimAndComplete(review, "supervisor", Map.of(ANSWER_APPROVED, false, REVIEW_COMMENT, "No"));
    awaitTask(ComplaintProcess.TASK_DRAFT_ANSWER);

    String instanceId =
        register.findByRegistrationNumber(registrationNumber).orElseThrow().processInstanceId();
    for (String name :
        List.of(
            CaseFacts.DRAFT_TEXT,
            CaseFacts.DRAFT_OUTCOME,
            CaseFacts.DRAFT_REASONS,
            CaseFacts.LAST_REVIEW)) {
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(instanceId)
                  .variableName(name)
                  .count())
          .as(name)
          .isZero();
      assertThat(
              history
                  .createHistoricDetailQuery()
                  .processInstanceId(instanceId)
                  .variableUpdates()
                  .list())
          .noneSatisfy(
              d -> assertThat(((HistoricVariableUpdate) d).getVariableName()).isEqualTo(name));
    }
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId)
                .variableName(ANSWER_APPROVED)
                .count())
        .as("the history itself is kept")
        .isOne();
    // the review comment is free text: the register keeps it, the engine's history does not
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId)
                .variableName(REVIEW_COMMENT)
                .count())
        .as(REVIEW_COMMENT)
        .isZero();
  }

  @Test
  void theTaskCarriesTheCasesFactsAsEscapedMarkdown() {
    Map<String, Object> local = tasks.getVariablesLocal(task.getId());

    assertThat((String) local.get(CaseFacts.CUSTOMER))
        .contains("Anna \\[Ozola\\]\\(https\\:\\/\\/evil\\.example\\)")
        .contains("anna\\@example\\.lv", "\\+371 20000001", "C\\-77", "EMAIL")
        .doesNotContain("](https");
    assertThat((String) local.get(CaseFacts.DATES)).contains("API", "Answer due", "received");
    assertThat(local.get(CaseFacts.SUBJECT)).isEqualTo("Heating \\*off\\* since Monday");
    assertThat(local.get(CaseFacts.DESCRIPTION))
        .isEqualTo(
            "Line one &lt;b&gt;bold&lt;\\/b&gt;\n\\# not a heading\n"
                + "\\!\\[img\\]\\(https\\:\\/\\/t\\.example\\/p\\.png\\)");
    assertThat(local.get(CaseFacts.REMEDY)).isEqualTo("Recalculate the bill");
    assertThat((String) local.get(CaseFacts.ATTACHMENTS))
        .as("the file name cannot close the link text nor open another link")
        .startsWith(
            "- [meter\\]\\(x\\) \\[photo\\.png](/api/staff/complaints/"
                + registrationNumber
                + "/attachments/")
        .contains("(image\\/png, ", " bytes, ", "with the submission");
    assertThat((String) local.get(CaseFacts.TIMELINE)).contains("REGISTERED");
    assertThat(local).doesNotContainKeys(CaseFacts.MESSAGES, CaseFacts.DRAFTS);
    assertThat(local.get(CaseFacts.AS_OF)).asString().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
  }

  @Test
  void theFactsOfOpenTasksAreRefreshedWhenTheCustomerSendsMore() {
    Complaint complaint = register.findByRegistrationNumber(registrationNumber).orElseThrow();
    customerRequests.supplyInformation(complaint, "Meter number is 12-345 <see photo>");

    Map<String, Object> local = tasks.getVariablesLocal(task.getId());
    assertThat((String) local.get(CaseFacts.MESSAGES))
        .contains("Meter number is 12\\-345 &lt;see photo&gt;");
    assertThat((String) local.get(CaseFacts.TIMELINE)).contains("CUSTOMER\\_MESSAGE");
  }

  @Test
  void usersMayNotSetTheFacts() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tasks.setVariableLocal(task.getId(), CaseFacts.DESCRIPTION, "forged"))
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theFactsNeverReachTheEnginesHistory() {
    Complaint complaint = register.findByRegistrationNumber(registrationNumber).orElseThrow();
    customerRequests.supplyInformation(complaint, "More details");
    assertThat(tasks.getVariablesLocal(task.getId())).containsKey(CaseFacts.MESSAGES);

    tasks.complete(task.getId(), Map.of(COMPLETE, true));

    String instanceId = complaint.processInstanceId();
    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instanceId)
                .variableNameLike(CaseFacts.PREFIX + "%")
                .count())
        .isZero();
    List<HistoricDetail> details =
        history.createHistoricDetailQuery().processInstanceId(instanceId).variableUpdates().list();
    assertThat(details)
        .as("the history records the task's completion, so the filter is not dropping everything")
        .anySatisfy(
            d -> assertThat(((HistoricVariableUpdate) d).getVariableName()).isEqualTo(COMPLETE));
    assertThat(details)
        .noneSatisfy(
            d ->
                assertThat(((HistoricVariableUpdate) d).getVariableName())
                    .startsWith(CaseFacts.PREFIX));
    assertThat(history.createHistoricVariableInstanceQuery().variableNameLike("caseFile%").count())
        .isZero();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
  }
}
