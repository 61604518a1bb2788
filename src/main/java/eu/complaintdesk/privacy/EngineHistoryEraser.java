package eu.complaintdesk.privacy;

import eu.complaintdesk.engine.CaseNotes;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.StaffRegistrationProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's part of anonymising a case: the process instance, if it still runs, is deleted (its
 * tasks, task facts, timers and pending send steps end, no listener of ours runs, so nothing is
 * sent), and so is every other running instance of the complaint process with the case's
 * registration number as business key (a case restarted in Cockpit); then whatever history could
 * hold the customer's data or staff free text is deleted.
 *
 * <p>Recorded by earlier releases too, so this does not rely on what history records today:
 *
 * <ul>
 *   <li>of each of the case's instances of the complaint process (the one the complaint names and
 *       those with its registration number as business key), every historic variable instance (with
 *       its details) except the facts the process owns and the non-text answers of the tasks
 *       ({@link #KEPT}): the texts of the tasks (draft, refusal reasons, review comment, external
 *       reply, answer, missing information), the decisions' input text, task facts ({@code
 *       caseFile…}), and any field a process owner added to a form, whose content nobody knows;
 *   <li>of the staff registration instance that registered the case (found by its {@code
 *       registrationNumber}), the start form's variables ({@link
 *       StaffRegistrationProcess#FORM_VARIABLES});
 *   <li>every historic decision instance of those process instances, inputs and outputs: the
 *       classification's inputs are the customer's text, and the reports read the register, not the
 *       decision history;
 *   <li>the comments and attachments (with their content) of those instances and of their tasks:
 *       staff can no longer add them ({@code engine/CaseNotesGuard}), earlier releases let them.
 * </ul>
 *
 * Activity, task and process instance history (ids, dates, assignees) stays until Camunda's history
 * cleanup removes it (its time to live).
 */
@Component
class EngineHistoryEraser {

  /** The free texts of the tasks and the decisions: never kept, although a task takes them. */
  static final Set<String> TEXTS = ComplaintVariables.FREE_TEXT;

  /**
   * A business rule task's raw decision result ({@link ComplaintVariables#ENGINE_SET}): the
   * classification's holds what it read of the customer's text. Never kept.
   */
  static final String DECISION_RESULT = "decisionResult";

  /** Facts kept in the history of the complaint's process: references, routing, deadlines. */
  static final Set<String> KEPT = kept();

  static final String DELETE_REASON = "Personal data removed";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final CaseNotes notes;

  EngineHistoryEraser(RuntimeService runtime, HistoryService history, CaseNotes notes) {
    this.runtime = runtime;
    this.history = history;
    this.notes = notes;
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

  /**
   * Ends every running instance of the complaint process with the case's business key (its
   * registration number): a case restarted by an administrator (Cockpit) runs under a new instance
   * id, which {@code complaint.process_instance_id} may not name. How many.
   */
  int endRunningByBusinessKey(String registrationNumber) {
    if (registrationNumber == null) {
      return 0;
    }
    int ended = 0;
    for (ProcessInstance running :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .processInstanceBusinessKey(registrationNumber)
            .list()) {
      runtime.deleteProcessInstance(running.getId(), DELETE_REASON, true, true);
      ended++;
    }
    return ended;
  }

  /**
   * Ends what still runs of the case ({@link #endRunningByBusinessKey}), then deletes the history
   * described above of every instance of the complaint process the case had (its {@code
   * processInstanceId} and those with its registration number as business key), and the comments
   * and attachments of those instances and their tasks; how many entries.
   */
  Counts erase(String processInstanceId, String registrationNumber) {
    int ended = endRunningByBusinessKey(registrationNumber);
    int variables = 0;
    int decisions = 0;
    List<String> instances = new ArrayList<>();
    for (String caseInstance : caseInstances(processInstanceId, registrationNumber)) {
      instances.add(caseInstance);
      for (HistoricVariableInstance variable :
          history
              .createHistoricVariableInstanceQuery()
              .processInstanceId(caseInstance)
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
    List<String> tasks = new ArrayList<>();
    for (String instance : instances) {
      history.createHistoricTaskInstanceQuery().processInstanceId(instance).list().stream()
          .map(HistoricTaskInstance::getId)
          .forEach(tasks::add);
    }
    CaseNotes.Deleted deleted = notes.delete(instances, tasks);
    return new Counts(variables, decisions, ended, deleted.comments(), deleted.attachments());
  }

  /**
   * How many: historic variables and decisions deleted, instances ended by business key (besides
   * {@link #endRunning}), comments and attachments deleted.
   */
  record Counts(int variables, int decisions, int processesEnded, int comments, int attachments) {}

  /** The case's instances of the complaint process: the one it names and its business key's. */
  private Set<String> caseInstances(String processInstanceId, String registrationNumber) {
    Set<String> instances = new LinkedHashSet<>();
    if (processInstanceId != null) {
      instances.add(processInstanceId);
    }
    if (registrationNumber != null) {
      history
          .createHistoricProcessInstanceQuery()
          .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
          .processInstanceBusinessKey(registrationNumber)
          .list()
          .forEach(instance -> instances.add(instance.getId()));
    }
    return instances;
  }

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
    kept.remove(DECISION_RESULT);
    kept.removeIf(name -> name.startsWith(ComplaintVariables.CASE_FACTS_PREFIX));
    return Set.copyOf(kept);
  }
}
