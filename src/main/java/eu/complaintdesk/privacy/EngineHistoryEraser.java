package eu.complaintdesk.privacy;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.StaffRegistrationProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's part of anonymising a case: the process instance, if it still runs, is deleted (its
 * tasks, task facts, timers and pending send steps end, no listener of ours runs, so nothing is
 * sent); then whatever history could hold the customer's data or staff free text is deleted.
 *
 * <p>Recorded by earlier releases too, so this does not rely on what history records today:
 *
 * <ul>
 *   <li>of the complaint's process instance, every historic variable instance (with its details)
 *       except the facts the process owns and the non-text answers of the tasks ({@link #KEPT}):
 *       the texts of the tasks (draft, refusal reasons, review comment, external reply, answer,
 *       missing information), the decisions' input text, task facts ({@code caseFile…}), and any
 *       field a process owner added to a form, whose content nobody knows;
 *   <li>of the staff registration instance that registered the case (found by its {@code
 *       registrationNumber}), the start form's variables ({@link
 *       StaffRegistrationProcess#FORM_VARIABLES});
 *   <li>every historic decision instance of those process instances, inputs and outputs: the
 *       classification's inputs are the customer's text, and the reports read the register, not the
 *       decision history.
 * </ul>
 *
 * Activity, task and process instance history (ids, dates, assignees) stays until Camunda's history
 * cleanup removes it (its time to live).
 */
@Component
class EngineHistoryEraser {

  /** The free texts of the tasks: never kept, although a task takes them. */
  static final Set<String> TEXTS =
      Set.of(
          ComplaintVariables.DRAFT_ANSWER,
          ComplaintVariables.REFUSAL_REASONS,
          ComplaintVariables.REVIEW_COMMENT,
          ComplaintVariables.EXTERNAL_REPLY,
          ComplaintVariables.ANSWER,
          ComplaintVariables.MISSING_INFORMATION,
          ComplaintVariables.CLASSIFICATION_TEXT,
          "decisionResult");

  /** Facts kept in the history of the complaint's process: references, routing, deadlines. */
  static final Set<String> KEPT = kept();

  static final String DELETE_REASON = "Personal data removed";

  private final RuntimeService runtime;
  private final HistoryService history;

  EngineHistoryEraser(RuntimeService runtime, HistoryService history) {
    this.runtime = runtime;
    this.history = history;
  }

  /** Ends the running process instance without its listeners; whether it was running. */
  boolean endRunning(String processInstanceId) {
    if (processInstanceId == null) {
      return false;
    }
    ProcessInstance running =
        runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    if (running == null) {
      return false;
    }
    runtime.deleteProcessInstance(processInstanceId, DELETE_REASON, true, true);
    return true;
  }

  /** Deletes the history described above; how many entries (variables, decisions). */
  Counts erase(String processInstanceId, String registrationNumber) {
    int variables = 0;
    int decisions = 0;
    List<String> instances = new ArrayList<>();
    if (processInstanceId != null) {
      instances.add(processInstanceId);
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(processInstanceId)
              .includeDeleted()
              .disableCustomObjectDeserialization()
              .list()) {
        if (!KEPT.contains(variable.getName())) {
          history.deleteHistoricVariableInstance(variable.getId());
          variables++;
        }
      }
    }
    for (String registration : staffRegistrations(registrationNumber)) {
      instances.add(registration);
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(registration)
              .includeDeleted()
              .disableCustomObjectDeserialization()
              .list()) {
        if (StaffRegistrationProcess.FORM_VARIABLES.contains(variable.getName())) {
          history.deleteHistoricVariableInstance(variable.getId());
          variables++;
        }
      }
    }
    for (String instance : instances) {
      for (HistoricDecisionInstance decision :
          history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list()) {
        history.deleteHistoricDecisionInstanceByInstanceId(decision.getId());
        decisions++;
      }
    }
    return new Counts(variables, decisions);
  }

  record Counts(int variables, int decisions) {}

  /** The staff registration instances that registered this number (its one kept variable). */
  private List<String> staffRegistrations(String registrationNumber) {
    if (registrationNumber == null) {
      return List.of();
    }
    return history
        .createHistoricVariableInstanceQuery()
        .variableValueEquals(StaffRegistrationProcess.REGISTRATION_NUMBER, registrationNumber)
        .list()
        .stream()
        .filter(v -> StaffRegistrationProcess.PROCESS_KEY.equals(v.getProcessDefinitionKey()))
        .map(HistoricVariableInstance::getProcessInstanceId)
        .distinct()
        .toList();
  }

  private static Set<String> kept() {
    Set<String> kept = new HashSet<>(ComplaintVariables.PROCESS_OWNED);
    kept.addAll(ComplaintVariables.START_VARIABLES);
    ComplaintProcess.TASK_VARIABLES.values().forEach(kept::addAll);
    kept.removeAll(TEXTS);
    kept.removeIf(name -> name.startsWith(ComplaintVariables.CASE_FACTS_PREFIX));
    return Set.copyOf(kept);
  }
}
