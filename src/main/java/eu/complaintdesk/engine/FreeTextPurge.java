package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.StaffRegistrationProcess;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.RegisterAnonymisation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Removes from the engine, once, the free text and personal data that releases before issue 11
 * recorded there; today's release records none ({@link HistoryFilter}, {@link FreeTextOutOfEngine},
 * {@code intake/StaffRegistrationOutOfHistory}, {@code tasklist/CaseFactsOutOfHistory}).
 *
 * <ul>
 *   <li>Running cases of {@code ComplaintHandlingProcess} that still hold a variable named in
 *       {@link ComplaintVariables#FREE_TEXT}: what a later step sends is copied into the register
 *       first if the register has none yet (the request for missing information, the answer to a
 *       proposal or an information request; drafts, refusal reasons, review comments and replies of
 *       other organisations were always in the register), then the variables are removed.
 *   <li>History: every historic variable instance (with its details) of {@code
 *       ComplaintHandlingProcess} named in {@code FREE_TEXT}, of {@code StaffComplaintRegistration}
 *       named in its start form's {@link StaffRegistrationProcess#FORM_VARIABLES}, and named {@code
 *       caseFile…} in any process.
 *   <li>The form field records the engine wrote when those forms were submitted (their values are
 *       the same texts; the public API cannot delete them one by one, hence this class is in {@code
 *       engine/}), and the historic decision evaluations of the classification whose input kept the
 *       customer's text (an input clause {@code …_Text} with a value): deleted whole, root and
 *       required decisions, because the API cannot blank one input.
 * </ul>
 *
 * <p>Like {@code process/ModelUpgrade} it runs at start-up while the node holds the start-up lock,
 * as the system, in chunks of {@link #CHUNK}, each deletion its own transaction; one entry that
 * fails is logged by its id and stops nothing, and the next start tries it again. The log gives
 * counts, never a value. It runs until one run has left nothing behind, marked by {@link #DONE} in
 * the engine's properties; after that a start costs one property read: since this release nothing
 * of the kind reaches the engine. {@code complaints.free-text-purge.enabled=false} switches it off.
 *
 * <p>Nodes of an earlier release must be stopped before the first node of this one starts (as for
 * {@code process/ModelUpgrade}): once {@link #DONE} is set, nothing is looked at again.
 */
@Component
@ConditionalOnProperty(
    name = "complaints.free-text-purge.enabled",
    havingValue = "true",
    matchIfMissing = true)
@Order(Ordered.LOWEST_PRECEDENCE)
class FreeTextPurge implements ApplicationRunner {

  /** Entries per query page. */
  static final int CHUNK = 200;

  /** The engine property set once the form field records and decisions are done. */
  static final String DONE = "complaintdesk.free-text-purge";

  /** The decisions of one classification: the root and those it requires. */
  static final List<String> CLASSIFICATION =
      List.of("SuggestClassification", "SuggestFeedbackType", "SuggestCategory", "RecogniseWords");

  /** The input clauses that read the customer's text end so (both model versions). */
  static final String TEXT_CLAUSE_SUFFIX = "_Text";

  private static final Logger log = LoggerFactory.getLogger(FreeTextPurge.class);

  private static final String[] FREE_TEXT =
      ComplaintVariables.FREE_TEXT.stream().sorted().toArray(String[]::new);

  private static final String[] FORM_VARIABLES =
      StaffRegistrationProcess.FORM_VARIABLES.toArray(String[]::new);

  private final RuntimeService runtime;
  private final HistoryService history;
  private final ManagementService management;
  private final CommandExecutor commands;
  private final ComplaintRegister register;
  private final RegisterAnonymisation anonymisation;

  FreeTextPurge(
      ProcessEngine engine, ComplaintRegister register, RegisterAnonymisation anonymisation) {
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.management = engine.getManagementService();
    this.commands =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    this.register = register;
    this.anonymisation = anonymisation;
  }

  /** What one run did, in numbers. */
  record Result(
      int runningCases,
      int copiedToRegister,
      int variablesRemoved,
      int historicVariables,
      int formFields,
      int decisions,
      int failed) {

    boolean nothingDone() {
      return runningCases + historicVariables + formFields + decisions + failed == 0;
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      purge();
    } catch (RuntimeException e) {
      // never stop the application: what is left stays until the next start
      log.error("Removing free text recorded by earlier releases from the engine failed", e);
    }
  }

  Result purge() {
    Counter counter = new Counter();
    if (management.getProperties().get(DONE) != null) {
      // since this release nothing new reaches the engine (FreeTextOutOfEngine, HistoryFilter)
      return counter.result();
    }
    runningCases(counter);
    historicVariables(counter);
    formFields(ComplaintProcess.PROCESS_KEY, ComplaintVariables.FREE_TEXT, counter);
    formFields(
        StaffRegistrationProcess.PROCESS_KEY,
        Set.copyOf(StaffRegistrationProcess.FORM_VARIABLES),
        counter);
    decisions(counter);
    if (counter.failed == 0) {
      management.setProperty(DONE, "done");
    }
    Result result = counter.result();
    if (result.nothingDone()) {
      log.debug("No free text of earlier releases left in the engine");
    } else {
      log.info(
          "Free text of earlier releases removed from the engine: {} running cases ({} texts"
              + " copied to the register, {} variables removed), {} historic variables, {} form"
              + " field records, {} decision instances; {} failed (named above, tried again at the"
              + " next start)",
          result.runningCases(),
          result.copiedToRegister(),
          result.variablesRemoved(),
          result.historicVariables(),
          result.formFields(),
          result.decisions(),
          result.failed());
    }
    return result;
  }

  // --- running cases ---------------------------------------------------------------------------

  private void runningCases(Counter counter) {
    if (runtime.createVariableInstanceQuery().variableNameIn(FREE_TEXT).count() == 0) {
      return;
    }
    for (int offset = 0; ; offset += CHUNK) {
      List<String> instances =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
              .orderByProcessInstanceId()
              .asc()
              .listPage(offset, CHUNK)
              .stream()
              .map(ProcessInstance::getId)
              .toList();
      if (instances.isEmpty()) {
        return;
      }
      Map<String, List<VariableInstance>> texts =
          runtime
              .createVariableInstanceQuery()
              .processInstanceIdIn(instances.toArray(String[]::new))
              .variableNameIn(FREE_TEXT)
              .disableCustomObjectDeserialization()
              .list()
              .stream()
              .collect(Collectors.groupingBy(VariableInstance::getProcessInstanceId));
      texts.forEach((instance, variables) -> runningCase(instance, variables, counter));
    }
  }

  private void runningCase(String instance, List<VariableInstance> variables, Counter counter) {
    try {
      Object id = runtime.getVariable(instance, ComplaintVariables.COMPLAINT_ID);
      if (id instanceof Number complaintId) {
        counter.copied += copyToRegister(complaintId.longValue(), variables);
      }
      for (VariableInstance variable : variables) {
        remove(variable);
        counter.removed++;
      }
      counter.runningCases++;
    } catch (RuntimeException e) {
      counter.failed++;
      log.warn(
          "Case instance {}: free text of an earlier release not removed: {}",
          instance,
          e.getClass().getName());
    }
  }

  /**
   * Copies what a later step sends into the register if it holds nothing yet; how many. Nothing
   * into a complaint already anonymised: its texts are gone for good.
   */
  private int copyToRegister(long complaintId, List<VariableInstance> variables) {
    if (anonymisation.withPersonalData(List.of(complaintId)).isEmpty()) {
      return 0;
    }
    int copied = 0;
    Complaint complaint = register.get(complaintId);
    for (VariableInstance variable : variables) {
      if (!(variable.getValue() instanceof String text) || text.isBlank()) {
        continue;
      }
      if (ComplaintVariables.MISSING_INFORMATION.equals(variable.getName())
          && register.missingInformation(complaintId) == null) {
        register.recordMissingInformation(complaintId, text);
        copied++;
      } else if (ComplaintVariables.ANSWER.equals(variable.getName())
          && complaint.answerText() == null
          && complaint.answeredAt() == null) {
        register.recordAnswerText(complaintId, text);
        copied++;
      }
    }
    return copied;
  }

  /**
   * Removes the variable where it lives. A command of its own: a task's variables are guarded
   * against every change through the task API ({@link TaskVariableGuard}).
   */
  private void remove(VariableInstance variable) {
    commands.execute(
        context -> {
          if (variable.getTaskId() != null) {
            TaskEntity task = context.getTaskManager().findTaskById(variable.getTaskId());
            if (task != null) {
              task.removeVariableLocal(variable.getName());
            }
          } else {
            ExecutionEntity execution =
                context.getExecutionManager().findExecutionById(variable.getExecutionId());
            if (execution != null) {
              execution.removeVariableLocal(variable.getName());
            }
          }
          return null;
        });
  }

  // --- history -----------------------------------------------------------------------------------

  private void historicVariables(Counter counter) {
    deleteAll(
        () ->
            history
                .createHistoricVariableInstanceQuery()
                .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
                .variableNameIn(FREE_TEXT),
        counter);
    deleteAll(
        () ->
            history
                .createHistoricVariableInstanceQuery()
                .processDefinitionKey(StaffRegistrationProcess.PROCESS_KEY)
                .variableNameIn(FORM_VARIABLES),
        counter);
    deleteAll(
        () ->
            history
                .createHistoricVariableInstanceQuery()
                .variableNameLike(ComplaintVariables.CASE_FACTS_PREFIX + "%"),
        counter);
  }

  private interface VariableQuery {
    HistoricVariableInstanceQuery create();
  }

  /** Deletes what the query finds (deleted variables too), chunk by chunk, with their details. */
  private void deleteAll(VariableQuery query, Counter counter) {
    Set<String> failed = new HashSet<>();
    while (true) {
      List<HistoricVariableInstance> page =
          query
              .create()
              .includeDeleted()
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .listPage(0, CHUNK + failed.size())
              .stream()
              .filter(variable -> !failed.contains(variable.getId()))
              .toList();
      if (page.isEmpty()) {
        return;
      }
      for (HistoricVariableInstance variable : page) {
        try {
          history.deleteHistoricVariableInstance(variable.getId());
          counter.historicVariables++;
        } catch (RuntimeException e) {
          failed.add(variable.getId());
          counter.failed++;
          log.warn(
              "Historic variable {} of process instance {} not deleted: {}",
              variable.getId(),
              variable.getProcessInstanceId(),
              e.getClass().getName());
        }
      }
    }
  }

  /** The form field records of the process's instances named so, then deletes them. */
  private void formFields(String processKey, Set<String> names, Counter counter) {
    List<String> found = new ArrayList<>();
    for (int offset = 0; ; offset += CHUNK) {
      List<String> instances =
          history
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(processKey)
              .orderByProcessInstanceId()
              .asc()
              .listPage(offset, CHUNK)
              .stream()
              .map(HistoricProcessInstance::getId)
              .toList();
      if (instances.isEmpty()) {
        break;
      }
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .formFields()
              .processInstanceIdIn(instances.toArray(String[]::new))
              .list()) {
        if (detail instanceof HistoricFormField field && names.contains(field.getFieldId())) {
          found.add(field.getId());
        }
      }
    }
    for (int from = 0; from < found.size(); from += CHUNK) {
      List<String> chunk = found.subList(from, Math.min(found.size(), from + CHUNK));
      try {
        commands.execute(
            context -> {
              for (String id : chunk) {
                context
                    .getDbEntityManager()
                    .delete(
                        HistoricDetailEventEntity.class,
                        "deleteHistoricDetailVariableInstanceUpdate",
                        id);
              }
              return null;
            });
        counter.formFields += chunk.size();
      } catch (RuntimeException e) {
        counter.failed += chunk.size();
        log.warn(
            "{} form field records of {} not deleted: {}",
            chunk.size(),
            processKey,
            e.getClass().getName());
      }
    }
  }

  /** The classifications that kept the customer's text as an input value: deleted whole. */
  private void decisions(Counter counter) {
    Set<String> roots = new LinkedHashSet<>();
    for (int offset = 0; ; offset += CHUNK) {
      List<HistoricDecisionInstance> page =
          history
              .createHistoricDecisionInstanceQuery()
              .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
              .decisionDefinitionKeyIn(CLASSIFICATION.toArray(String[]::new))
              .includeInputs()
              .disableBinaryFetching()
              .disableCustomObjectDeserialization()
              .orderByDecisionInstanceId()
              .asc()
              .listPage(offset, CHUNK);
      if (page.isEmpty()) {
        break;
      }
      for (HistoricDecisionInstance decision : page) {
        if (keptText(decision)) {
          roots.add(
              decision.getRootDecisionInstanceId() != null
                  ? decision.getRootDecisionInstanceId()
                  : decision.getId());
        }
      }
    }
    for (String root : roots) {
      try {
        for (HistoricDecisionInstance required :
            history.createHistoricDecisionInstanceQuery().rootDecisionInstanceId(root).list()) {
          history.deleteHistoricDecisionInstanceByInstanceId(required.getId());
          counter.decisions++;
        }
        if (history.createHistoricDecisionInstanceQuery().decisionInstanceId(root).count() > 0) {
          history.deleteHistoricDecisionInstanceByInstanceId(root);
          counter.decisions++;
        }
      } catch (RuntimeException e) {
        counter.failed++;
        log.warn("Historic decision instance {} not deleted: {}", root, e.getClass().getName());
      }
    }
  }

  private static boolean keptText(HistoricDecisionInstance decision) {
    for (HistoricDecisionInputInstance input : decision.getInputs()) {
      if (input.getClauseId() != null
          && input.getClauseId().endsWith(TEXT_CLAUSE_SUFFIX)
          && input.getValue() != null) {
        return true;
      }
    }
    return false;
  }

  private static final class Counter {
    int runningCases;
    int copied;
    int removed;
    int historicVariables;
    int formFields;
    int decisions;
    int failed;

    Result result() {
      return new Result(
          runningCases, copied, removed, historicVariables, formFields, decisions, failed);
    }
  }
}
