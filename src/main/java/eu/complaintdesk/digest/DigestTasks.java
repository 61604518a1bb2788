package eu.complaintdesk.digest;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The tasks a staff member's digest lists: those assigned to them, and the unclaimed tasks they are
 * a candidate for (their own candidacy or one of their groups'), active and due before the given
 * instant (the end of today). The queries run as the system, without the engine's authorization
 * checks, so each is restricted to the user explicitly: the user sees in the digest what Tasklist
 * shows them in "My tasks" and "My groups' tasks".
 */
@Component
class DigestTasks {

  /** One task as the digest lists it: no customer data, only the case's number. */
  record DueTask(
      String id, String taskDefinitionKey, String name, String registrationNumber, Instant due) {}

  /** The listed tasks (at most the cap, assigned ones first) and how many there are in all. */
  record Due(List<DueTask> assigned, List<DueTask> group, long assignedCount, long groupCount) {

    long total() {
      return assignedCount + groupCount;
    }

    int listed() {
      return assigned.size() + group.size();
    }
  }

  private final TaskService tasks;
  private final RuntimeService runtime;

  DigestTasks(TaskService tasks, RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
  }

  /** The user's tasks due before {@code dueBefore}, earliest due first, at most {@code max}. */
  Due of(String userId, Instant dueBefore, int max) {
    Objects.requireNonNull(userId, "userId");
    TaskQuery assignedQuery = due(dueBefore).taskAssignee(userId);
    TaskQuery groupQuery = due(dueBefore).taskCandidateUser(userId);
    long assignedCount = assignedQuery.count();
    long groupCount = groupQuery.count();
    List<Task> assigned =
        assignedCount == 0
            ? List.of()
            : assignedQuery.orderByDueDate().asc().orderByTaskId().asc().listPage(0, max);
    int room = max - assigned.size();
    List<Task> group =
        groupCount == 0 || room <= 0
            ? List.of()
            : groupQuery.orderByDueDate().asc().orderByTaskId().asc().listPage(0, room);
    Map<String, String> numbers = registrationNumbers(assigned, group);
    return new Due(
        assigned.stream().map(task -> dueTask(task, numbers)).toList(),
        group.stream().map(task -> dueTask(task, numbers)).toList(),
        assignedCount,
        groupCount);
  }

  private TaskQuery due(Instant dueBefore) {
    return tasks.createTaskQuery().active().dueBefore(Date.from(dueBefore));
  }

  /** The business keys (registration numbers) of the tasks' cases, in one query. */
  private Map<String, String> registrationNumbers(List<Task> assigned, List<Task> group) {
    Set<String> instances = new HashSet<>();
    for (List<Task> list : List.of(assigned, group)) {
      list.stream()
          .map(Task::getProcessInstanceId)
          .filter(Objects::nonNull)
          .forEach(instances::add);
    }
    Map<String, String> numbers = new HashMap<>();
    if (!instances.isEmpty()) {
      for (ProcessInstance instance :
          runtime.createProcessInstanceQuery().processInstanceIds(instances).list()) {
        if (instance.getBusinessKey() != null) {
          numbers.put(instance.getId(), instance.getBusinessKey());
        }
      }
    }
    return numbers;
  }

  private static DueTask dueTask(Task task, Map<String, String> numbers) {
    return new DueTask(
        task.getId(),
        task.getTaskDefinitionKey(),
        task.getName(),
        task.getProcessInstanceId() == null ? null : numbers.get(task.getProcessInstanceId()),
        task.getDueDate().toInstant());
  }
}
