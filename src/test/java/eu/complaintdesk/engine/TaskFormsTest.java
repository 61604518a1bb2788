package eu.complaintdesk.engine;

import static eu.complaintdesk.process.ComplaintProcess.PROCESS_KEY;
import static eu.complaintdesk.process.ComplaintProcess.TASK_DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintProcess.TASK_EVALUATE_PROPOSAL;
import static eu.complaintdesk.process.ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.engine.TaskForms.FormSource;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * What a task's form lets it take, read from the models and forms as deployed: each form of ours
 * asks for exactly its task's contract variables, and whatever a form declares, a task of the
 * complaint process takes neither another task's variables, nor a start variable, nor what the
 * process or the engine sets.
 */
class TaskFormsTest {

  static final BpmnModelInstance COMPLAINT =
      Bpmn.readModelFromFile(new File("bpmn/ComplaintHandlingProcess.bpmn"));

  @Test
  void eachTaskOfOursTakesExactlyItsContractVariablesFromItsForm() {
    ComplaintProcess.TASK_VARIABLES.forEach(
        (taskId, variables) -> {
          UserTask task = COMPLAINT.getModelElementById(taskId);
          FormSource source = FormSource.of(task);
          assertThat(source.kind()).as(taskId).isEqualTo(FormSource.Kind.REFERENCE);
          Set<String> inputs = FormInputs.keys(bytes(new File("forms/" + source.name() + ".form")));
          Set<String> expected = new HashSet<>(variables);
          // the draft form's directory checklist and question, composed into the contract's
          // externalOrganisations on completion (answer/InquiryChoices)
          if (taskId.equals(TASK_DRAFT_ANSWER)) {
            expected.addAll(
                Set.of(
                    ComplaintVariables.EXTERNAL_ORGANISATION_CHOICE,
                    ComplaintVariables.INQUIRY_QUESTION));
          }
          assertThat(inputs).as(taskId).containsExactlyInAnyOrderElementsOf(expected);
          assertThat(TaskForms.notTakenBy(COMPLAINT, PROCESS_KEY, taskId))
              .as(taskId)
              .doesNotContainAnyElementsOf(inputs);
        });
  }

  @Test
  void noFormOfOursDeclaresAVariableTheProcessOwns() {
    for (File file : new File("forms").listFiles()) {
      assertThat(FormInputs.keys(bytes(file)))
          .as(file.getName())
          .doesNotContainAnyElementsOf(ComplaintVariables.PROCESS_OWNED);
    }
  }

  @Test
  void aTaskOfTheComplaintProcessNeverTakesAnotherTasksStartOrEngineVariables() {
    Set<String> draft = TaskForms.notTakenBy(COMPLAINT, PROCESS_KEY, TASK_DRAFT_ANSWER);
    assertThat(draft)
        .contains(
            "feedbackType", "category", "answer", "answerApproved", "proposalAccepted", "complete")
        .contains("channel", "language", "categoryHint")
        .contains(
            "nrOfInstances",
            "nrOfActiveInstances",
            "nrOfCompletedInstances",
            "loopCounter",
            "decisionResult")
        .contains("complaintId", "taskPriority", "candidateGroup", "appealNoticeRequired")
        .doesNotContain("draftAnswer", "proposedOutcome", "refusalReasons", "noteForTheFile");
    // a variable two tasks share is each one's own
    assertThat(TaskForms.notTakenBy(COMPLAINT, PROCESS_KEY, TASK_EVALUATE_PROPOSAL))
        .doesNotContain("answer", "proposalAccepted")
        .contains("draftAnswer");
    assertThat(TaskForms.notTakenBy(COMPLAINT, PROCESS_KEY, TASK_RECORD_EXTERNAL_REPLY))
        .doesNotContain("externalReply")
        .contains("loopCounter", "nrOfInstances", "externalOrganisation");
    // a task a process owner adds takes none of the contract's variables
    assertThat(TaskForms.notTakenBy(COMPLAINT, PROCESS_KEY, "UserTask_CallCustomer"))
        .containsAll(
            ComplaintProcess.TASK_VARIABLES.values().stream().flatMap(Set::stream).toList());
  }

  @Test
  void whatTheModelSetsIsNotTakenEither() {
    BpmnModelInstance changed =
        Bpmn.readModelFromStream(
            new java.io.ByteArrayInputStream(
                text("bpmn/ComplaintHandlingProcess.bpmn")
                    .replace(
                        "camunda:resultVariable=\"candidateGroup\"",
                        "camunda:resultVariable=\"routedTo\"")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(TaskForms.setByModel(changed)).contains("routedTo", "appealNoticeRequired");
    assertThat(TaskForms.notTakenBy(changed, PROCESS_KEY, TASK_DRAFT_ANSWER)).contains("routedTo");
  }

  @Test
  void aTaskOfAnotherProcessTakesAnythingButWhatTheProcessOwns() {
    assertThat(TaskForms.notTakenBy(COMPLAINT, "StaffComplaintRegistration", "UserTask_Any"))
        .isEqualTo(ComplaintVariables.PROCESS_OWNED)
        .doesNotContain("channel", "language", "categoryHint");
  }

  @Test
  void aFormIsFoundOnlyAsTheEngineFindsItInTheDeployment() {
    assertThat(source("camunda:formRef=\"Form_A\" camunda:formRefBinding=\"deployment\""))
        .isEqualTo(new FormSource(FormSource.Kind.REFERENCE, "Form_A"));
    assertThat(source("camunda:formKey=\"camunda-forms:deployment:Form_A.form\""))
        .isEqualTo(new FormSource(FormSource.Kind.RESOURCE, "Form_A.form"));
    assertThat(source("camunda:formRef=\"Form_A\"").kind()).isEqualTo(FormSource.Kind.OTHER);
    assertThat(source("camunda:formRef=\"Form_A\" camunda:formRefBinding=\"latest\"").kind())
        .isEqualTo(FormSource.Kind.OTHER);
    assertThat(
            source(
                    "camunda:formRef=\"Form_A\" camunda:formRefBinding=\"version\""
                        + " camunda:formRefVersion=\"1\"")
                .kind())
        .isEqualTo(FormSource.Kind.OTHER);
    assertThat(source("camunda:formRef=\"${form}\" camunda:formRefBinding=\"deployment\"").kind())
        .isEqualTo(FormSource.Kind.OTHER);
    assertThat(source("camunda:formKey=\"camunda-forms:app:forms/a.form\"").kind())
        .isEqualTo(FormSource.Kind.OTHER);
    assertThat(source("").kind()).isEqualTo(FormSource.Kind.NONE);
  }

  @Test
  void readOnlyFieldsAreShownNotAskedForAndDisabledFieldsAreNeither() {
    FormInputs.Fields fields =
        FormInputs.read(
            """
            {"id": "Form_A", "components": [
              {"key": "note", "type": "textfield"},
              {"key": "feedbackType", "type": "textfield", "readonly": true},
              {"key": "category", "type": "textfield", "disabled": true},
              {"key": "caseFileDates", "type": "textfield"},
              {"type": "group", "components": [{"key": "address.street", "type": "textfield"}]}
            ]}
            """
                .getBytes(StandardCharsets.UTF_8));
    assertThat(fields.id()).isEqualTo("Form_A");
    assertThat(fields.inputs()).containsExactly("address", "note");
    assertThat(fields.shown()).containsExactly("feedbackType");
  }

  @Test
  void aReadOnlyValueIsUnchangedWhenItIsTheValueShown() {
    assertThat(TaskVariableGuard.Guard.unchanged("BILLING", "BILLING")).isTrue();
    assertThat(TaskVariableGuard.Guard.unchanged(5, 5L)).isTrue();
    assertThat(TaskVariableGuard.Guard.unchanged("", null)).isTrue();
    assertThat(TaskVariableGuard.Guard.unchanged(null, null)).isTrue();
    assertThat(TaskVariableGuard.Guard.unchanged("OTHER", "BILLING")).isFalse();
    assertThat(TaskVariableGuard.Guard.unchanged(6, 5L)).isFalse();
    assertThat(TaskVariableGuard.Guard.unchanged("x", null)).isFalse();
    assertThat(TaskVariableGuard.Guard.unchanged(false, null)).isFalse();
    assertThat(TaskVariableGuard.Guard.unchanged(Double.NaN, 5L)).isFalse();
    assertThat(TaskVariableGuard.Guard.unchanged(Double.NaN, Double.NaN)).isFalse();
    assertThat(TaskVariableGuard.Guard.unchanged(" ", null)).isTrue();
  }

  private static FormSource source(String attributes) {
    BpmnModelInstance model =
        Bpmn.readModelFromStream(
            new java.io.ByteArrayInputStream(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" \
                targetNamespace="https://complaintdesk.eu/test">
                  <bpmn:process id="Other" isExecutable="true">
                    <bpmn:userTask id="UserTask_A" %s />
                  </bpmn:process>
                </bpmn:definitions>
                """
                    .formatted(attributes)
                    .getBytes(StandardCharsets.UTF_8)));
    return FormSource.of(model.getModelElementById("UserTask_A"));
  }

  private static String text(String path) {
    return new String(bytes(new File(path)), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(File file) {
    try {
      return Files.readAllBytes(file.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
