package eu.complaintdesk.process;

import static eu.complaintdesk.process.ComplaintProcess.DETERMINE_APPEAL_AUTHORITY;
import static eu.complaintdesk.process.ComplaintProcess.PROCESS_KEY;
import static eu.complaintdesk.process.ComplaintProcess.SEND_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_NAME;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_NOTICE_REQUIRED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves the running cases of the previous model versions onto the model this release deployed, at
 * start-up. Version tag 2 (issue 10) moved rules out of Java into the model; a case still on
 * version 1 (or an untagged earlier one) names a listener that no longer exists and expects Java to
 * decide {@code appealNoticeRequired}, so it would stop with an incident.
 *
 * <p>It runs as a start-up runner: after the engine deployed the models and while the node holds
 * the start-up lock ({@code system/NodeStartupLock}, released only when the application is ready,
 * after every runner), so one node at a time migrates and the next finds nothing left. It runs as
 * the system (no user signed in, so no authorization applies), in chunks of {@link #CHUNK}
 * instances per call, each chunk its own transaction; a chunk that fails for another reason than
 * one instance's validation is retried one instance at a time, and an instance that still fails
 * keeps its version and is named in the log (its id, never a personal datum). A plan the engine
 * refuses (the same for every instance) is logged once and no instance is tried; an instance the
 * engine refuses is named by it, and the rest of its chunk goes on together, so a case that can
 * never migrate costs one failed attempt per start. Nothing here stops the application, and one
 * case that fails stops no other. {@code complaints.upgrade.enabled=false} switches it off (for
 * instance while cases that can never migrate are dealt with in Cockpit).
 *
 * <p>Nodes of the previous release must be stopped before the first node of this one starts
 * (README, "Upgrading an installation with running cases"): their job executors would go on running
 * jobs of the cases being moved.
 *
 * <p>The plan maps equal activities (every activity of version 1 is in version 2, in the same
 * scope). It does not update event triggers: version 1 and 2 have the same messages and timer
 * definitions, and updating would recreate every timer from its expression, so a case deadline
 * timer the deadline clock had moved (a paused case) would fall back to {@code responseDueAt}.
 * Custom listeners and input/output mappings are skipped, as a migration should: an instance is not
 * entering or leaving any step, it is re-pointed to the same step of the new model, which then runs
 * its own listeners and mappings when the case moves on.
 *
 * <p>One step moved: version 2 determines the appeal authority before "Send answer", version 1
 * after it. A case waiting at the job before "Send answer" with an appeal notice due and no
 * authority is moved (a process instance modification, listeners and mappings run) to start before
 * "Determine appeal authority", its waiting answer cancelled: the model determines the authority
 * and sends the answer once, naming it. A case waiting at the job after "Send answer" (its answer
 * sent by the previous release) with the notice due and no authority gets an incident that tells an
 * administrator what to set ({@link #MISSING_AUTHORITY}). The job a case waited at is remembered
 * before migrating (its id survives the migration): a case is moved only if that very job is still
 * there and no job executor holds it, so an answer a node of the previous release is sending, or
 * has sent, is never sent again; one whose answer went meanwhile gets the incident instead.
 */
@Component
@ConditionalOnProperty(
    name = "complaints.upgrade.enabled",
    havingValue = "true",
    matchIfMissing = true)
@Order(Ordered.LOWEST_PRECEDENCE)
class ModelUpgrade implements ApplicationRunner {

  /** The model version this release's Java is written for. */
  static final String TARGET_VERSION_TAG = "2";

  /** The version this upgrade moves cases from; definitions without a tag are older still. */
  static final String PREVIOUS_VERSION_TAG = "1";

  /** Instances migrated per call (one transaction each). */
  static final int CHUNK = 200;

  /** The incident type of a case whose answer was sent but whose appeal notice has no authority. */
  static final String MISSING_AUTHORITY = "appealAuthorityMissing";

  static final String MISSING_AUTHORITY_MESSAGE =
      "Case migrated from model version 1 after its answer was sent: the appeal notice is due but"
          + " its appeal authority was never determined. Set appealAuthorityName and"
          + " appealAuthorityContacts on the instance, retry the appeal notice step if it failed,"
          + " then resolve this incident";

  private static final Logger log = LoggerFactory.getLogger(ModelUpgrade.class);

  private static final String ASYNC_BEFORE = "async-before";

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;

  ModelUpgrade(RepositoryService repository, RuntimeService runtime, ManagementService management) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
  }

  /** What one run did, in numbers. */
  record Result(int migrated, int notMigrated, int authorityDetermined, int incidents) {

    boolean nothingDone() {
      return migrated == 0 && notMigrated == 0 && authorityDetermined == 0 && incidents == 0;
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      upgrade();
    } catch (RuntimeException e) {
      // never stop the application: the cases keep their version, the next start tries again
      log.error("Upgrade of running cases to model version {} failed", TARGET_VERSION_TAG, e);
    }
  }

  Result upgrade() {
    return upgrade(instance -> {});
  }

  /**
   * The run, with {@code beforeRepair} called with each case's id just before its appeal authority
   * is repaired: what another node may do at that moment, for tests.
   */
  Result upgrade(Consumer<String> beforeRepair) {
    ProcessDefinition target = target();
    if (target == null) {
      log.warn(
          "No {} with version tag {} deployed: running cases not upgraded",
          PROCESS_KEY,
          TARGET_VERSION_TAG);
      return new Result(0, 0, 0, 0);
    }
    int migrated = 0;
    int notMigrated = 0;
    int authorityDetermined = 0;
    int incidents = 0;
    for (ProcessDefinition source : sources(target)) {
      long running =
          runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
      if (running == 0) {
        continue;
      }
      MigrationPlan plan;
      try {
        plan =
            runtime
                .createMigrationPlan(source.getId(), target.getId())
                .mapEqualActivities()
                .build();
      } catch (ProcessEngineException e) {
        log.error(
            "No migration plan from {} (version tag {}) to {}: its {} running cases keep their"
                + " version ({})",
            source.getId(),
            source.getVersionTag(),
            target.getId(),
            running,
            e.getMessage());
        notMigrated += (int) running;
        continue;
      }
      Map<String, Waiting> waiting = withoutAuthority(source);
      int[] counts = migrate(plan, source);
      int[] repaired = repairAppealAuthority(waiting, target.getId(), beforeRepair);
      authorityDetermined += repaired[0];
      incidents += repaired[1];
      migrated += counts[0];
      notMigrated += counts[1];
      log.info(
          "Upgraded {} running cases from {} (version tag {}) to {}; {} not migrated",
          counts[0],
          source.getId(),
          source.getVersionTag(),
          target.getId(),
          counts[1]);
    }
    Result result = new Result(migrated, notMigrated, authorityDetermined, incidents);
    if (!result.nothingDone()) {
      log.info(
          "Upgrade to model version {}: {} cases migrated, {} not migrated, {} moved to determine"
              + " their appeal authority before the answer, {} incidents for a missing appeal"
              + " authority",
          TARGET_VERSION_TAG,
          result.migrated(),
          result.notMigrated(),
          result.authorityDetermined(),
          result.incidents());
    } else {
      log.debug("No running case on an earlier model version");
    }
    return result;
  }

  /** The newest definition of this release's model version. */
  private ProcessDefinition target() {
    List<ProcessDefinition> newest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS_KEY)
            .versionTag(TARGET_VERSION_TAG)
            .orderByProcessDefinitionVersion()
            .desc()
            .listPage(0, 1);
    return newest.isEmpty() ? null : newest.get(0);
  }

  /** Definitions deployed before the target with version tag 1 or none. */
  private List<ProcessDefinition> sources(ProcessDefinition target) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY)
        .list()
        .stream()
        .filter(d -> d.getVersion() < target.getVersion())
        .filter(d -> d.getVersionTag() == null || PREVIOUS_VERSION_TAG.equals(d.getVersionTag()))
        .toList();
  }

  /** Migrates every instance of the source; returns {migrated, not migrated}. */
  private int[] migrate(MigrationPlan plan, ProcessDefinition source) {
    int migrated = 0;
    List<String> failed = new ArrayList<>();
    while (true) {
      // instances that failed stay first in id order: the next chunk starts after them
      List<String> chunk =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionId(source.getId())
              .orderByProcessInstanceId()
              .asc()
              .listPage(failed.size(), CHUNK)
              .stream()
              .map(ProcessInstance::getId)
              .toList();
      if (chunk.isEmpty()) {
        return new int[] {migrated, failed.size()};
      }
      List<String> pending = new ArrayList<>(chunk);
      while (!pending.isEmpty()) {
        try {
          execute(plan, pending);
          migrated += pending.size();
          pending.clear();
        } catch (MigratingProcessInstanceValidationException invalid) {
          // the engine names the case that cannot move: the others go on as one chunk, so a case
          // that never migrates costs one failed attempt per start, not one per case of its chunk
          String instance = invalid.getValidationReport().getProcessInstanceId();
          if (!pending.remove(instance)) {
            migrated += oneByOne(plan, source, pending, failed);
            pending.clear();
          } else {
            notMigrated(instance, source, invalid);
            failed.add(instance);
          }
        } catch (ProcessEngineException chunkFailed) {
          migrated += oneByOne(plan, source, pending, failed);
          pending.clear();
        }
      }
    }
  }

  /** Migrates each instance alone; returns how many moved, adds the others to {@code failed}. */
  private int oneByOne(
      MigrationPlan plan, ProcessDefinition source, List<String> instances, List<String> failed) {
    int migrated = 0;
    for (String instance : instances) {
      try {
        execute(plan, List.of(instance));
        migrated++;
      } catch (ProcessEngineException e) {
        notMigrated(instance, source, e);
        failed.add(instance);
      }
    }
    return migrated;
  }

  private static void notMigrated(String instance, ProcessDefinition source, Exception e) {
    log.warn(
        "Case instance {} not migrated from {}; it keeps its version: {}",
        instance,
        source.getId(),
        e.getMessage());
  }

  private void execute(MigrationPlan plan, List<String> instances) {
    runtime
        .newMigration(plan)
        .processInstanceIds(instances)
        .skipCustomListeners()
        .skipIoMappings()
        .execute();
  }

  /** The job a case waits at "Send answer" and its configuration, as read before migrating. */
  private record Waiting(String jobId, String configuration) {}

  /**
   * Cases of the source at "Send answer" with the appeal notice due and no authority, each with its
   * job: its id (kept by the migration) and configuration, {@code async-before} (the answer waits)
   * or {@code async-after} (sent). Read before migrating: the engine moves an {@code async-after}
   * job onto the target's first job definition of the activity, so afterwards the two cannot be
   * told apart.
   */
  private Map<String, Waiting> withoutAuthority(ProcessDefinition source) {
    Map<String, String> configurations = new HashMap<>();
    for (JobDefinition definition :
        management
            .createJobDefinitionQuery()
            .processDefinitionId(source.getId())
            .activityIdIn(SEND_ANSWER)
            .list()) {
      configurations.put(definition.getId(), definition.getJobConfiguration());
    }
    Map<String, Waiting> waiting = new HashMap<>();
    for (Job job :
        management
            .createJobQuery()
            .processDefinitionId(source.getId())
            .activityId(SEND_ANSWER)
            .list()) {
      String instance = job.getProcessInstanceId();
      if (Boolean.TRUE.equals(runtime.getVariable(instance, APPEAL_NOTICE_REQUIRED))
          && runtime.getVariable(instance, APPEAL_AUTHORITY_NAME) == null) {
        waiting.put(
            instance, new Waiting(job.getId(), configurations.get(job.getJobDefinitionId())));
      }
    }
    return waiting;
  }

  /** Returns {moved to determine the authority, incidents} for the migrated ones among them. */
  private int[] repairAppealAuthority(
      Map<String, Waiting> waiting, String targetId, Consumer<String> beforeRepair) {
    int moved = 0;
    int incidents = 0;
    for (Map.Entry<String, Waiting> entry : waiting.entrySet()) {
      String instance = entry.getKey();
      try {
        ProcessInstance migrated =
            runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        if (migrated == null || !targetId.equals(migrated.getProcessDefinitionId())) {
          continue;
        }
        beforeRepair.accept(instance);
        switch (repair(instance, entry.getValue())) {
          case MOVED -> moved++;
          case INCIDENT -> incidents++;
          case LEFT -> {}
        }
      } catch (RuntimeException e) {
        // one case never stops the others; engine messages name ids, not what a customer wrote
        log.warn(
            "Case instance {} waits at {} without its appeal authority and could not be repaired;"
                + " its answer step stops with an incident: {}",
            instance,
            SEND_ANSWER,
            e instanceof ProcessEngineException ? e.getMessage() : e.getClass().getName());
      }
    }
    return new int[] {moved, incidents};
  }

  private enum Repair {
    MOVED,
    INCIDENT,
    LEFT
  }

  /**
   * A waiting answer is moved behind "Determine appeal authority" only if its job, the one read
   * before migrating, is still there and no job executor (a node of the previous release) holds it;
   * once that job ran, the answer went out, and the case is treated as one whose answer was sent.
   */
  private Repair repair(String instance, Waiting waited) {
    Job job = sendAnswerJob(instance);
    if (ASYNC_BEFORE.equals(waited.configuration())) {
      if (job != null && job.getId().equals(waited.jobId())) {
        if (management.createJobQuery().jobId(job.getId()).acquired().count() > 0) {
          log.warn(
              "Case instance {}: its job before {} is held by another node (a node of the previous"
                  + " release still running?); not moved to {}",
              instance,
              SEND_ANSWER,
              DETERMINE_APPEAL_AUTHORITY);
          return Repair.LEFT;
        }
        determineAuthorityBeforeAnswer(instance);
        return Repair.MOVED;
      }
      log.warn(
          "Case instance {}: its answer was sent while the upgrade ran (the job before {} is gone)",
          instance,
          SEND_ANSWER);
    }
    if (job == null) {
      log.warn(
          "Case instance {} no longer waits at {}; its appeal authority is not repaired",
          instance,
          SEND_ANSWER);
      return Repair.LEFT;
    }
    runtime.createIncident(
        MISSING_AUTHORITY, job.getExecutionId(), SEND_ANSWER, MISSING_AUTHORITY_MESSAGE);
    return Repair.INCIDENT;
  }

  private Job sendAnswerJob(String instance) {
    return management
        .createJobQuery()
        .processInstanceId(instance)
        .activityId(SEND_ANSWER)
        .singleResult();
  }

  /** The model determines the authority and reaches "Send answer" again; the old wait goes. */
  private void determineAuthorityBeforeAnswer(String instance) {
    ActivityInstance tree = runtime.getActivityInstance(instance);
    TransitionInstance[] waiting = tree.getTransitionInstances(SEND_ANSWER);
    if (waiting.length != 1) {
      throw new ProcessEngineException(
          "expected one wait before " + SEND_ANSWER + ", found " + waiting.length);
    }
    runtime
        .createProcessInstanceModification(instance)
        .startBeforeActivity(DETERMINE_APPEAL_AUTHORITY)
        .cancelTransitionInstance(waiting[0].getId())
        .execute();
  }
}
