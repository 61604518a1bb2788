package eu.complaintdesk.bench;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.NEEDS_EXTERNAL_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSED_OUTCOME;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.security.Groups;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Staff working cases through the engine's Java API, as the contract's task variables say (the
 * sequence of testing/CaseDriver): the registrar checks and classifies, a handler drafts, a
 * supervisor approves; the survey's expiry timer is made due and left to the job executor.
 */
final class Staff {

  static final String REGISTRAR = "bench-registrar";
  static final String HANDLER = "bench-handler";
  static final String HEAT_CLERK = "bench-heat-clerk";
  static final String SUPERVISOR = "bench-supervisor";
  static final String MANAGER = "bench-manager";

  /** Categories the advanced cases are classified into: several departments. */
  private static final List<String> CATEGORIES =
      List.of("HEATING_QUALITY", "BILLING", "METERING", "SUPPLY_INTERRUPTION", "E_SERVICES");

  private final TaskService tasks;
  private final ManagementService management;
  private final ProcessEngine engine;

  Staff(ProcessEngine engine) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
  }

  /** The staff the benchmark signs in as (password = user id), in the organisation's groups. */
  static void create(IdentityService identity) {
    user(identity, REGISTRAR, List.of(Groups.REGISTRARS));
    user(identity, HANDLER, Groups.DEPARTMENTS);
    user(identity, HEAT_CLERK, List.of("dept-heat-quality"));
    user(
        identity,
        SUPERVISOR,
        Stream.concat(Stream.of(Groups.SUPERVISORS), Groups.DEPARTMENTS.stream()).toList());
    user(identity, MANAGER, List.of(Groups.MANAGERS));
  }

  private static void user(IdentityService identity, String id, List<String> groups) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Bench");
    user.setPassword(id);
    identity.saveUser(user);
    groups.forEach(group -> identity.createMembership(id, group));
  }

  /** Registrar's two tasks: complete, then classified as a service complaint ({@code n} picks). */
  void checkAndClassify(String number, int n) {
    work(number, ComplaintProcess.TASK_CHECK_COMPLETENESS, REGISTRAR, Map.of(COMPLETE, true));
    work(
        number,
        ComplaintProcess.TASK_CLASSIFY_COMPLAINT,
        REGISTRAR,
        Map.of(
            FEEDBACK_TYPE, "SERVICE_COMPLAINT", CATEGORY, CATEGORIES.get(n % CATEGORIES.size())));
  }

  /** From registration to the case's end: answered, approved, and the survey expired. */
  void carryToTheEnd(String number, int n) {
    checkAndClassify(number, n);
    work(
        number,
        ComplaintProcess.TASK_DRAFT_ANSWER,
        HANDLER,
        Map.of(
            DRAFT_ANSWER,
            "We repaired the substation; the radiators are warm again.",
            PROPOSED_OUTCOME,
            "UPHELD",
            NEEDS_EXTERNAL_INFORMATION,
            false));
    Task review =
        work(
            number, ComplaintProcess.TASK_REVIEW_ANSWER, SUPERVISOR, Map.of(ANSWER_APPROVED, true));
    String instance = review.getProcessInstanceId();
    Job expiry =
        until(
            () ->
                management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .activityId(ComplaintProcess.SURVEY_EXPIRED)
                    .timers()
                    .singleResult());
    retried(
        () -> {
          management.setJobDuedate(expiry.getId(), new Date(System.currentTimeMillis() - 1000));
          return null;
        });
    until(
        () ->
            engine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count()
                    == 0
                ? Boolean.TRUE
                : null);
  }

  private Task work(String number, String taskKey, String user, Map<String, Object> variables) {
    Task task =
        until(
            () ->
                tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(number)
                    .taskDefinitionKey(taskKey)
                    .singleResult());
    retried(
        () -> {
          tasks.claim(task.getId(), user);
          return null;
        });
    retried(
        () -> {
          tasks.complete(task.getId(), variables);
          return null;
        });
    return task;
  }

  /**
   * Retries what the job executor may be changing at the same moment (a case's asynchronous step
   * still running when its task appears): the engine refuses such a write with an optimistic
   * locking failure, and staff would simply try again.
   */
  private static <T> T retried(Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (OptimisticLockingException e) {
        if (attempt == 10) {
          throw e;
        }
        pause(20L * attempt);
      }
    }
  }

  /** Polls until the supplier gives a value (a case's next task, its timer), at most 5 minutes. */
  static <T> T until(Supplier<T> found) {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (true) {
      T value = found.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited 5 minutes in vain");
      }
      pause(10);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
