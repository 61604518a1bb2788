package eu.complaintdesk.process;

import static eu.complaintdesk.process.ComplaintProcess.*;
import static eu.complaintdesk.process.ComplaintVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.engine.TaskInput;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.FeedbackType;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.Outcome;
import eu.complaintdesk.register.PreferredContact;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * Every user task and the staff start event open a Camunda Form from {@code forms/}, and each form
 * asks for exactly the variables of the contract, with their types, values, limits and the rules
 * the engine applies ({@link TaskInput} and the task listeners): what is required, and when a field
 * shows. Conditions are evaluated with FEEL as the form does.
 */
class CamundaFormsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ScalaFeelEngine FEEL = new ScalaFeelEngine(List.of());

  static final List<String> CONTRACT_CATEGORIES =
      List.of(
          "BILLING",
          "SUPPLY_INTERRUPTION",
          "HEATING_QUALITY",
          "HOT_WATER_QUALITY",
          "METERING",
          "CONNECTION",
          "CONTRACT",
          "STAFF_CONDUCT",
          "HOTLINE_REACHABILITY",
          "E_SERVICES",
          "OTHER");

  static final BpmnModelInstance COMPLAINT = model(PROCESS_KEY);
  static final BpmnModelInstance STAFF = model(StaffRegistrationProcess.PROCESS_KEY);

  /** The contract's completion variables per user task (PRODUCT.md; priority is ours too). */
  static Map<String, List<String>> contract() {
    return Map.of(
        TASK_CHECK_COMPLETENESS, List.of(COMPLETE, MISSING_INFORMATION),
        TASK_CLASSIFY_COMPLAINT, List.of(FEEDBACK_TYPE, CATEGORY, PRIORITY),
        TASK_DRAFT_ANSWER,
            List.of(
                DRAFT_ANSWER,
                PROPOSED_OUTCOME,
                REFUSAL_REASONS,
                NEEDS_EXTERNAL_INFORMATION,
                EXTERNAL_ORGANISATIONS),
        TASK_REVIEW_ANSWER, List.of(ANSWER_APPROVED, REVIEW_COMMENT),
        TASK_EVALUATE_PROPOSAL, List.of(PROPOSAL_ACCEPTED, ANSWER),
        TASK_ANSWER_INFORMATION_REQUEST, List.of(ANSWER),
        TASK_RECORD_EXTERNAL_REPLY, List.of(EXTERNAL_REPLY));
  }

  @Test
  void everyUserTaskAndTheStaffStartEventOpenAFormFromTheFormsFolder() {
    Map<String, String> refs = new LinkedHashMap<>();
    for (UserTask task : COMPLAINT.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
      refs.put(task.getId(), task.getCamundaFormRef());
    }
    StartEvent start = STAFF.getModelElementById(StaffRegistrationProcess.START_EVENT);
    assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
    refs.put(start.getId(), start.getCamundaFormRef());

    assertThat(refs.keySet()).containsAll(contract().keySet());
    refs.forEach(
        (element, ref) -> {
          assertThat(ref).as(element).isNotNull();
          assertThat(new File("forms/" + ref + ".form")).as(element).isFile();
          JsonNode form = form(ref);
          assertThat(form.path("id").asText()).as("id of " + ref).isEqualTo(ref);
          assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
          assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
          assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
          assertThat(form.path("exporter").path("name").asText()).isNotBlank();
        });
    assertThat(new File("forms").list()).hasSize(refs.size());
  }

  @Test
  void eachTaskFormAsksForExactlyTheContractVariables() {
    contract()
        .forEach(
            (task, variables) -> {
              List<String> asked = new java.util.ArrayList<>(variables);
              asked.addAll(formOnly().getOrDefault(task, List.of()));
              assertThat(keys(formOf(task))).as(task).containsExactlyInAnyOrderElementsOf(asked);
              // what the engine derives from the form is the same list (engine/TaskFormsTest)
            });
  }

  @Test
  void theContractConstantsAreThisList() {
    assertThat(ComplaintProcess.TASK_VARIABLES).containsOnlyKeys(contract().keySet());
    contract()
        .forEach(
            (task, variables) ->
                assertThat(ComplaintProcess.TASK_VARIABLES.get(task))
                    .as(task)
                    .containsExactlyInAnyOrderElementsOf(variables));
  }

  @Test
  void componentIdsAreStableNamesAndKeysAreUnique() {
    for (File file : new File("forms").listFiles()) {
      List<JsonNode> components = components(form(file.getName().replace(".form", "")));
      assertThat(components)
          .as(file.getName())
          .allSatisfy(
              c -> assertThat(c.path("id").asText()).matches("(Field|Text)_[A-Z][A-Za-z]+"));
      assertThat(components.stream().map(c -> c.path("id").asText()).distinct().count())
          .isEqualTo(components.size());
      List<String> keys = keys(form(file.getName().replace(".form", "")));
      assertThat(keys).doesNotHaveDuplicates();
    }
  }

  @Test
  void flagsAreCheckboxesSoTheyArriveAsBooleans() {
    Map<String, String> flags =
        Map.of(
            COMPLETE, TASK_CHECK_COMPLETENESS,
            NEEDS_EXTERNAL_INFORMATION, TASK_DRAFT_ANSWER,
            ANSWER_APPROVED, TASK_REVIEW_ANSWER,
            PROPOSAL_ACCEPTED, TASK_EVALUATE_PROPOSAL);
    flags.forEach(
        (key, task) -> {
          JsonNode field = field(formOf(task), key);
          assertThat(field.path("type").asText()).as(key).isEqualTo("checkbox");
          assertThat(field.path("defaultValue").isBoolean()).as(key).isTrue();
        });
  }

  @Test
  void choicesOfferExactlyTheContractValues() {
    assertThat(values(field(formOf(TASK_CLASSIFY_COMPLAINT), FEEDBACK_TYPE)))
        .containsExactlyElementsOf(names(FeedbackType.values()));
    assertThat(values(field(formOf(TASK_CLASSIFY_COMPLAINT), CATEGORY)))
        .containsExactlyElementsOf(CONTRACT_CATEGORIES);
    assertThat(values(field(formOf(TASK_CLASSIFY_COMPLAINT), PRIORITY)))
        .containsExactly("HIGH", "NORMAL", "LOW");
    assertThat(values(field(formOf(TASK_DRAFT_ANSWER), PROPOSED_OUTCOME)))
        .containsExactlyElementsOf(names(Outcome.values()));

    JsonNode start = form(StaffRegistrationProcess.START_FORM);
    assertThat(values(field(start, StaffRegistrationProcess.LANGUAGE)))
        .containsExactlyElementsOf(names(Language.values()));
    assertThat(values(field(start, StaffRegistrationProcess.PREFERRED_CONTACT)))
        .containsExactlyElementsOf(names(PreferredContact.values()));
    assertThat(names(Channel.values()))
        .containsAll(values(field(start, StaffRegistrationProcess.CHANNEL)));
    assertThat(values(field(start, StaffRegistrationProcess.CATEGORY_HINT)))
        .containsExactlyElementsOf(CONTRACT_CATEGORIES);
  }

  @Test
  void textsAreLimitedAsTheEngineLimitsThem() {
    contract().keySet().stream()
        .map(CamundaFormsTest::formOf)
        .flatMap(form -> components(form).stream())
        .filter(c -> c.path("type").asText().matches("textarea|textfield"))
        .forEach(
            c ->
                assertThat(c.path("validate").path("maxLength").asInt())
                    .as(c.path("key").asText())
                    .isEqualTo(TaskInput.MAX_TEXT));
    components(form(StaffRegistrationProcess.START_FORM)).stream()
        .filter(c -> c.path("type").asText().matches("textarea|textfield"))
        .filter(c -> !c.path("key").asText().equals(StaffRegistrationProcess.CUSTOMER_PHONE))
        .forEach(
            c ->
                assertThat(c.path("validate").path("maxLength").asInt())
                    .as(c.path("key").asText())
                    .isBetween(1, TaskInput.MAX_TEXT));
  }

  @Test
  void requiredFieldsAreThoseTheEngineRequires() {
    assertThat(required(formOf(TASK_CHECK_COMPLETENESS))).containsExactly(MISSING_INFORMATION);
    assertThat(required(formOf(TASK_CLASSIFY_COMPLAINT)))
        .containsExactlyInAnyOrder(FEEDBACK_TYPE, CATEGORY);
    // the organisations may all be chosen from the directory (the engine requires one at least);
    // the question is required in the form only (through the API the default sentence is asked)
    assertThat(required(formOf(TASK_DRAFT_ANSWER)))
        .containsExactlyInAnyOrder(
            DRAFT_ANSWER, PROPOSED_OUTCOME, REFUSAL_REASONS, INQUIRY_QUESTION);
    assertThat(required(formOf(TASK_REVIEW_ANSWER))).containsExactly(REVIEW_COMMENT);
    assertThat(required(formOf(TASK_RECORD_EXTERNAL_REPLY))).containsExactly(EXTERNAL_REPLY);
    assertThat(required(formOf(TASK_EVALUATE_PROPOSAL))).containsExactly(ANSWER);
    assertThat(required(formOf(TASK_ANSWER_INFORMATION_REQUEST))).containsExactly(ANSWER);
    assertThat(required(form(StaffRegistrationProcess.START_FORM)))
        .containsExactlyInAnyOrder(
            StaffRegistrationProcess.CHANNEL,
            StaffRegistrationProcess.LANGUAGE,
            StaffRegistrationProcess.CUSTOMER_NAME,
            StaffRegistrationProcess.PREFERRED_CONTACT,
            StaffRegistrationProcess.SUBJECT,
            StaffRegistrationProcess.DESCRIPTION);
  }

  @Test
  void missingInformationIsAskedForOnlyWhenTheComplaintIsNotComplete() {
    JsonNode form = formOf(TASK_CHECK_COMPLETENESS);
    assertThat(shown(form, MISSING_INFORMATION, vars(COMPLETE, false))).isTrue();
    assertThat(shown(form, MISSING_INFORMATION, vars(COMPLETE, true))).isFalse();
  }

  @Test
  void refusalReasonsAreAskedForUnlessTheComplaintIsUpheld() {
    JsonNode form = formOf(TASK_DRAFT_ANSWER);
    for (Outcome outcome : Outcome.values()) {
      Map<String, Object> drafted =
          vars(NEEDS_EXTERNAL_INFORMATION, false, PROPOSED_OUTCOME, outcome.name());
      assertThat(shown(form, REFUSAL_REASONS, drafted))
          .as(outcome.name())
          .isEqualTo(outcome != Outcome.UPHELD);
    }
    assertThat(shown(form, REFUSAL_REASONS, vars(NEEDS_EXTERNAL_INFORMATION, false))).isTrue();
  }

  @Test
  void organisationsAreAskedForWhenExternalInformationIsNeededAndTheDraftIsNot() {
    JsonNode form = formOf(TASK_DRAFT_ANSWER);
    Map<String, Object> external = vars(NEEDS_EXTERNAL_INFORMATION, true);
    Map<String, Object> drafting = vars(NEEDS_EXTERNAL_INFORMATION, false);

    for (String inquiryField :
        List.of(EXTERNAL_ORGANISATIONS, EXTERNAL_ORGANISATION_CHOICE, INQUIRY_QUESTION)) {
      assertThat(shown(form, inquiryField, external)).as(inquiryField).isTrue();
      assertThat(shown(form, inquiryField, drafting)).as(inquiryField).isFalse();
    }
    for (String draftField : List.of(DRAFT_ANSWER, PROPOSED_OUTCOME, REFUSAL_REASONS)) {
      assertThat(shown(form, draftField, external)).as(draftField).isFalse();
      assertThat(shown(form, draftField, drafting)).as(draftField).isTrue();
    }
  }

  @Test
  void aReturnedDraftNeedsACommentAndAnApprovedOneDoesNot() {
    JsonNode form = formOf(TASK_REVIEW_ANSWER);
    assertThat(shown(form, REVIEW_COMMENT, vars(ANSWER_APPROVED, false))).isTrue();
    assertThat(shown(form, REVIEW_COMMENT, vars(ANSWER_APPROVED, true))).isFalse();
  }

  @Test
  void everyTaskFormLinksToTheCaseFileOfItsComplaint() {
    contract().keySet().stream()
        .map(CamundaFormsTest::formOf)
        .forEach(
            form ->
                assertThat(components(form))
                    .as(form.path("id").asText())
                    .anySatisfy(
                        c ->
                            assertThat(c.path("text").asText())
                                .contains("href=\"/staff/complaints/{{registrationNumber}}\"")));
  }

  // --- helpers

  private static BpmnModelInstance model(String key) {
    return Bpmn.readModelFromFile(new File("bpmn/" + key + ".bpmn"));
  }

  static JsonNode formOf(String taskId) {
    UserTask task = COMPLAINT.getModelElementById(taskId);
    return form(task.getCamundaFormRef());
  }

  static byte[] formBytes(String taskId) {
    UserTask task = COMPLAINT.getModelElementById(taskId);
    return bytes(new File("forms/" + task.getCamundaFormRef() + ".form"));
  }

  static byte[] bytes(File file) {
    try {
      return java.nio.file.Files.readAllBytes(file.toPath());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode form(String id) {
    try {
      return JSON.readTree(new File("forms/" + id + ".form"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<JsonNode> components(JsonNode form) {
    List<JsonNode> all = new ArrayList<>();
    collect(form.path("components"), all);
    return all;
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      into.add(component);
      collect(component.path("components"), into);
    }
  }

  static List<String> keys(JsonNode form) {
    return components(form).stream()
        .filter(c -> c.hasNonNull("key"))
        .map(c -> c.path("key").asText())
        .toList();
  }

  static JsonNode field(JsonNode form, String key) {
    return components(form).stream()
        .filter(c -> key.equals(c.path("key").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no field " + key));
  }

  static List<String> values(JsonNode field) {
    return StreamSupport.stream(field.path("values").spliterator(), false)
        .map(v -> v.path("value").asText())
        .toList();
  }

  static Set<String> required(JsonNode form) {
    return components(form).stream()
        .filter(c -> c.path("validate").path("required").asBoolean(false))
        .map(c -> c.path("key").asText())
        .collect(Collectors.toSet());
  }

  /** Whether the field shows (and so is validated and submitted) with these values. */
  static boolean shown(JsonNode form, String key, Map<String, Object> values) {
    String hide = field(form, key).path("conditional").path("hide").asText("");
    if (hide.isEmpty()) {
      return true;
    }
    assertThat(hide).startsWith("=");
    var context = Variables.createVariables();
    keys(form).forEach(k -> context.putValue(k, null));
    values.forEach(context::putValue);
    Boolean hidden = FEEL.evaluateSimpleExpression(hide.substring(1), context.asVariableContext());
    return !Boolean.TRUE.equals(hidden);
  }

  static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  static List<String> names(Enum<?>[] values) {
    return Stream.of(values).map(Enum::name).toList();
  }

  // --- issue 12, engineer C: the draft form's directory choice ------------------------------

  /**
   * What a task's form asks for besides the contract's variables: the draft form's checklist of the
   * directory and the question to the organisations, which its completion listener turns into
   * {@code externalOrganisations} and the register's question.
   */
  static Map<String, List<String>> formOnly() {
    return Map.of(TASK_DRAFT_ANSWER, List.of(EXTERNAL_ORGANISATION_CHOICE, INQUIRY_QUESTION));
  }

  @Test
  void theDraftFormOffersTheDirectoryFromTheTaskVariableTheApplicationSets() {
    JsonNode choice =
        components(formOf(TASK_DRAFT_ANSWER)).stream()
            .filter(c -> EXTERNAL_ORGANISATION_CHOICE.equals(c.path("key").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(choice.path("type").asText()).isEqualTo("checklist");
    assertThat(choice.path("valuesKey").asText()).isEqualTo(EXTERNAL_ORGANISATION_OPTIONS);
    assertThat(choice.has("values")).as("no fixed options").isFalse();
  }
}
