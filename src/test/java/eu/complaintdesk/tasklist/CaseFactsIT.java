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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import eu.complaintdesk.testing.TasklistSession;
import eu.complaintdesk.testing.TestFiles;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task's form gets its case's facts from the register as {@code caseFile…} String variables when
 * Tasklist reads the task's form variables ({@code GET …/task/{id}/form-variables}, as the
 * signed-in user): escaped, current at every read, for nobody the engine does not let read the
 * task, never stored in the engine nor in its history, never set by a user.
 */
class CaseFactsIT extends ApplicationIntegrationTest {

  static final String NAME = "Anna [Ozola](https://evil.example)";
  static final String HIDING_DRAFT =
      "Dear customer,\n<!-- hidden -->\nPay to [bank](https://evil.example)\n"
          + "  ![logo](https://evil.example/l.png)";
  static final String DESCRIPTION =
      "Line one <b>bold</b>\n# not a heading\n![img](https://t.example/p.png)";

  @LocalServerPort int port;
  @Autowired IntakeService intake;
  @Autowired CustomerRequests customerRequests;
  @Autowired ComplaintRegister register;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper json;

  CaseDriver cases;
  String registrationNumber;
  String task;

  @BeforeEach
  void submitComplaintWithAFile() {
    cases = new CaseDriver(port);
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
    task = cases.awaitTask(registrationNumber, ComplaintProcess.TASK_CHECK_COMPLETENESS);
  }

  /** The form variables of the task as Tasklist reads them, signed in as {@code user}. */
  private EngineRest.Response formVariables(String user, String taskId) {
    return TasklistSession.signIn(port, user)
        .send(
            "/task/" + taskId + "/form-variables?deserializeValues=false",
            null,
            "application/json");
  }

  /** The case facts among the task's form variables as {@code user} reads them: name → text. */
  private Map<String, String> facts(String user, String taskId) {
    EngineRest.Response read = formVariables(user, taskId);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    return facts(read.json());
  }

  private static Map<String, String> facts(JsonNode variables) {
    Map<String, String> facts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      if (variable.getKey().startsWith(CaseFacts.PREFIX)) {
        assertThat(variable.getValue().get("type").asText())
            .as(variable.getKey())
            .isEqualTo("String");
        assertThat(variable.getValue().get("valueInfo").isObject()).isTrue();
        facts.put(variable.getKey(), variable.getValue().get("value").asText());
      }
    }
    return facts;
  }

  private String instanceId() {
    return register.findByRegistrationNumber(registrationNumber).orElseThrow().processInstanceId();
  }

  /** Claims and completes the case's open task of this definition as {@code user}. */
  private void complete(String taskDefinitionKey, String user, Map<String, Object> variables) {
    String open = cases.awaitTask(registrationNumber, taskDefinitionKey);
    cases.awaitNoDueJobs(instanceId());
    tasks.claim(open, user);
    tasks.complete(open, variables);
  }

  /** The registrar's two steps: complete, a heating complaint; the case waits for its draft. */
  private void toDraft() {
    complete(ComplaintProcess.TASK_CHECK_COMPLETENESS, "registrar", Map.of(COMPLETE, true));
    complete(
        ComplaintProcess.TASK_CLASSIFY_COMPLAINT,
        "registrar",
        Map.of(FEEDBACK_TYPE, "SERVICE_COMPLAINT", CATEGORY, "HEATING_QUALITY"));
  }

  /** From the completeness check to the first draft's review; answers the review task's id. */
  private String toReview(String draftAnswer) {
    toDraft();
    complete(
        ComplaintProcess.TASK_DRAFT_ANSWER,
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
    return cases.awaitTask(registrationNumber, ComplaintProcess.TASK_REVIEW_ANSWER);
  }

  @Test
  void theFormGetsTheCasesFactsAsEscapedMarkdown() {
    Map<String, String> facts = facts("registrar", task);

    assertThat(facts.get(CaseFacts.CUSTOMER))
        .contains("Anna \\[Ozola\\]\\(https\\:\\/\\/evil\\.example\\)")
        .contains("anna\\@example\\.lv", "\\+371 20000001", "C\\-77", "EMAIL")
        .doesNotContain("](https");
    assertThat(facts.get(CaseFacts.DATES)).contains("API", "Answer due", "received");
    assertThat(facts.get(CaseFacts.SUBJECT)).isEqualTo("Heating \\*off\\* since Monday");
    assertThat(facts.get(CaseFacts.DESCRIPTION))
        .isEqualTo(
            "Line one &lt;b&gt;bold&lt;\\/b&gt;\n\\# not a heading\n"
                + "\\!\\[img\\]\\(https\\:\\/\\/t\\.example\\/p\\.png\\)");
    assertThat(facts.get(CaseFacts.REMEDY)).isEqualTo("Recalculate the bill");
    assertThat(facts.get(CaseFacts.ATTACHMENTS))
        .as("the file name cannot close the link text nor open another link")
        .startsWith(
            "- [meter\\]\\(x\\) \\[photo\\.png](/api/staff/complaints/"
                + registrationNumber
                + "/attachments/")
        .contains("(image\\/png, ", " bytes, ", "with the submission");
    assertThat(facts.get(CaseFacts.TIMELINE)).contains("REGISTERED");
    assertThat(facts).doesNotContainKeys(CaseFacts.MESSAGES, CaseFacts.DRAFTS);
    assertThat(facts.get(CaseFacts.AS_OF)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
  }

  @Test
  void theFactsComeWithTheEnginesOwnVariablesOnEngineRestToo() {
    EngineRest.Response read =
        EngineRest.as(port, "registrar").get("/task/" + task + "/form-variables");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);

    assertThat(read.json().has("registrationNumber")).as("the engine's variables stay").isTrue();
    assertThat(facts(read.json()).get(CaseFacts.SUBJECT))
        .isEqualTo("Heating \\*off\\* since Monday");
  }

  @Test
  void aRequestThatNamesItsVariablesGetsOnlyTheFactsItNames() {
    EngineRest.Response read =
        TasklistSession.signIn(port, "registrar")
            .send(
                "/task/"
                    + task
                    + "/form-variables?variableNames=registrationNumber,"
                    + CaseFacts.SUBJECT,
                null,
                "application/json");
    assertThat(read.status()).as(read.toString()).isEqualTo(200);

    assertThat(facts(read.json())).containsOnlyKeys(CaseFacts.SUBJECT);
    assertThat(read.json().has("registrationNumber")).isTrue();
  }

  @Test
  void theFactsAreCurrentWhenTheCustomerHasSentMore() {
    assertThat(facts("registrar", task)).doesNotContainKey(CaseFacts.MESSAGES);
    Complaint complaint = register.findByRegistrationNumber(registrationNumber).orElseThrow();
    customerRequests.supplyInformation(complaint, "Meter number is 12-345 <see photo>");
    cases.awaitNoDueJobs(instanceId());

    Map<String, String> facts = facts("registrar", task);
    assertThat(facts.get(CaseFacts.MESSAGES))
        .as("facts read: %s", facts.keySet())
        .contains("Meter number is 12\\-345 &lt;see photo&gt;");
    assertThat(facts.get(CaseFacts.TIMELINE)).contains("CUSTOMER\\_MESSAGE");
  }

  @Test
  void someoneWhoMayNotReadTheTaskGetsTheEnginesRefusalAndNoFacts() {
    StaffUsers.ensure(identity, StaffUsers.HEAT_CLERK, "dept-heat-quality");

    EngineRest.Response refused = formVariables(StaffUsers.HEAT_CLERK, task);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.body()).contains("AuthorizationException").doesNotContain("caseFile");
    EngineRest.Response overRest =
        EngineRest.as(port, StaffUsers.HEAT_CLERK).get("/task/" + task + "/form-variables");
    assertThat(overRest.status()).isEqualTo(403);
    assertThat(overRest.body()).doesNotContain("caseFile", "Ozola");

    EngineRest.Response missing =
        formVariables("registrar", "00000000-0000-0000-0000-000000000000");
    assertThat(missing.status()).as("the engine's own answer").isEqualTo(400);
    assertThat(missing.body()).contains("Cannot find task").doesNotContain("caseFile");
  }

  @Test
  void theReviewShowsALongDraftWholeEvenWhenEscapingMakesItLongerThanAVariable() {
    String longDraft = "Summa: <1.200,00 EUR>; ".repeat(170).strip(); // under 4 000 characters
    String review = toReview(longDraft);

    Map<String, String> facts = facts("supervisor", review);
    String shown =
        CaseFacts.DRAFT_TEXT_PIECES.stream()
            .map(name -> facts.getOrDefault(name, ""))
            .reduce("", String::concat);
    assertThat(Markdown.text(longDraft)).hasSizeGreaterThan(Markdown.MAX_VARIABLE);
    assertThat(shown).isEqualTo(Markdown.text(longDraft)).doesNotContain(Markdown.SHORTENED);
  }

  @Test
  void theReviewShowsTheDraftUnderReviewAsWrittenNotRendered() {
    String review = toReview(HIDING_DRAFT);

    Map<String, String> facts = facts("supervisor", review);
    assertThat(facts.get(CaseFacts.DRAFT_TEXT))
        .as("a comment, a link and an image show literally, line breaks kept")
        .isEqualTo(
            "Dear customer\\,\n&lt;\\!\\-\\- hidden \\-\\-&gt;\n"
                + "Pay to \\[bank\\]\\(https\\:\\/\\/evil\\.example\\)\n"
                + "\\!\\[logo\\]\\(https\\:\\/\\/evil\\.example\\/l\\.png\\)");
    assertThat(facts.get(CaseFacts.DRAFT_OUTCOME)).isEqualTo("Partially upheld");
    assertThat(facts.get(CaseFacts.DRAFT_REASONS))
        .isEqualTo("See &lt;b&gt;rule&lt;\\/b&gt; \\[4\\]\\(https\\:\\/\\/evil\\.example\\)");
    assertThat(facts).doesNotContainKeys(CaseFacts.LAST_REVIEW, CaseFacts.ORGANISATION);
  }

  @Test
  void theNextDraftShowsTheReturningReviewCommentAsWritten() {
    toReview(HIDING_DRAFT);
    complete(
        ComplaintProcess.TASK_REVIEW_ANSWER,
        "supervisor",
        Map.of(
            ANSWER_APPROVED, false, REVIEW_COMMENT, "Drop the <!-- x --> and [link](https://e.x)"));

    String redraft = cases.awaitTask(registrationNumber, ComplaintProcess.TASK_DRAFT_ANSWER);
    Map<String, String> facts = facts("handler", redraft);
    assertThat(facts.get(CaseFacts.LAST_REVIEW))
        .isEqualTo("Drop the &lt;\\!\\-\\- x \\-\\-&gt; and \\[link\\]\\(https\\:\\/\\/e\\.x\\)");
    assertThat(facts.get(CaseFacts.DRAFTS)).contains("PARTIALLY\\_UPHELD");
    assertThat(facts).doesNotContainKeys(CaseFacts.DRAFT_TEXT, CaseFacts.DRAFT_OUTCOME);
  }

  @Test
  void theExternalReplyShowsTheOrganisationAskedAsTheHandlerWroteIt() {
    toDraft();
    complete(
        ComplaintProcess.TASK_DRAFT_ANSWER,
        "handler",
        Map.of(
            NEEDS_EXTERNAL_INFORMATION,
            true,
            EXTERNAL_ORGANISATIONS,
            "Sadales [tīkls](https://evil.example) AS"));

    String reply = cases.awaitTask(registrationNumber, ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY);
    assertThat(facts("handler", reply).get(CaseFacts.ORGANISATION))
        .isEqualTo("Sadales \\[tīkls\\]\\(https\\:\\/\\/evil\\.example\\) AS");
  }

  @Test
  void usersMayNotSetFactsNorSubmitThemWithAForm() throws Exception {
    String review = toReview(HIDING_DRAFT);
    assertThatThrownBy(() -> tasks.setVariableLocal(review, CaseFacts.DRAFT_TEXT, "forged"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(
            () ->
                tasks.complete(
                    review, Map.of(ANSWER_APPROVED, true, CaseFacts.DRAFT_TEXT, "forged")))
        .isInstanceOf(Refusal.class);

    EngineRest supervisor = EngineRest.as(port, "supervisor");
    EngineRest.Response claimed =
        supervisor.post("/task/" + review + "/claim", CaseDriver.claimBody(supervisor));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    String forged =
        json.writeValueAsString(
            Map.of(
                "variables",
                Map.of(
                    ANSWER_APPROVED,
                    Map.of("value", true),
                    CaseFacts.DRAFT_TEXT,
                    Map.of("value", "forged"))));
    EngineRest.Response submitted = supervisor.post("/task/" + review + "/submit-form", forged);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(400);
    assertThat(submitted.body()).contains(CaseFacts.DRAFT_TEXT);
    EngineRest.Response set =
        supervisor.put(
            "/task/" + review + "/localVariables/" + CaseFacts.DESCRIPTION,
            "{\"value\":\"forged\",\"type\":\"String\"}");
    assertThat(set.status()).as(set.toString()).isEqualTo(403);
    EngineRest.Response setOnCase =
        supervisor.put(
            "/task/" + review + "/variables/" + CaseFacts.DESCRIPTION,
            "{\"value\":\"forged\",\"type\":\"String\"}");
    assertThat(setOnCase.status()).as(setOnCase.toString()).isEqualTo(403);

    assertThat(facts("supervisor", review).get(CaseFacts.DRAFT_TEXT))
        .startsWith("Dear customer")
        .doesNotContain("forged");
    assertThat(tasks.createTaskQuery().taskId(review).count()).as("still open").isOne();
  }

  @Test
  void theFactsAreNeverStoredInTheEngineNorInItsHistory() {
    Complaint complaint = register.findByRegistrationNumber(registrationNumber).orElseThrow();
    customerRequests.supplyInformation(complaint, "More details");
    assertThat(facts("registrar", task)).containsKey(CaseFacts.MESSAGES);
    String review = toReview(HIDING_DRAFT);
    assertThat(facts("supervisor", review)).containsKey(CaseFacts.DRAFT_TEXT);
    complete(
        ComplaintProcess.TASK_REVIEW_ANSWER,
        "supervisor",
        Map.of(ANSWER_APPROVED, false, REVIEW_COMMENT, "No"));
    cases.awaitTask(registrationNumber, ComplaintProcess.TASK_DRAFT_ANSWER);

    String instanceId = complaint.processInstanceId();
    assertThat(
            runtime
                .createVariableInstanceQuery()
                .processInstanceIdIn(instanceId)
                .variableNameLike(CaseFacts.PREFIX + "%")
                .count())
        .isZero();
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
        .as("the history records the tasks' completions, so the filter is not dropping everything")
        .anySatisfy(
            d -> assertThat(((HistoricVariableUpdate) d).getVariableName()).isEqualTo(COMPLETE));
    assertThat(details)
        .noneSatisfy(
            d ->
                assertThat(((HistoricVariableUpdate) d).getVariableName())
                    .startsWith(CaseFacts.PREFIX));
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
}
