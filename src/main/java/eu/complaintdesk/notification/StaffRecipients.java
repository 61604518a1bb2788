package eu.complaintdesk.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The staff members a message about a case goes to, taken from Camunda's identity service: users
 * and their e-mail addresses, group memberships, and the open tasks' assignees and candidates
 * (their identity links, so that a candidate group added on the way, such as the supervisors of an
 * escalated draft, counts). Each address appears once (a user in two groups is told once), users
 * without an e-mail address are left out. Camunda CE has no "disabled" user: nobody else is.
 */
@Component
class StaffRecipients {

  /** A person to tell, and the open task the message is about (null: none). */
  record Recipient(String userId, String email, Task task) {}

  private final TaskService tasks;
  private final IdentityService identity;

  StaffRecipients(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /**
   * Whoever works on the case's open tasks with the given definition key (null: every open task): a
   * task's assignee, or, while it is unassigned, its candidate users and the members of its
   * candidate groups. With no such task open, the members of {@code fallbackGroup}.
   */
  List<Recipient> workersOf(
      String processInstanceId, String taskDefinitionKey, String fallbackGroup) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    List<Task> open = openTasks(processInstanceId, taskDefinitionKey);
    for (Task task : open) {
      if (task.getAssignee() != null) {
        add(byAddress, user(task.getAssignee()), task);
        continue;
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (link.getUserId() != null) {
          add(byAddress, user(link.getUserId()), task);
        } else if (link.getGroupId() != null) {
          members(link.getGroupId()).forEach(member -> add(byAddress, member, task));
        }
      }
    }
    if (open.isEmpty() && fallbackGroup != null) {
      members(fallbackGroup).forEach(member -> add(byAddress, member, null));
    }
    return List.copyOf(byAddress.values());
  }

  /**
   * The members of the group; the message is about the case's first open task with the given
   * definition key (null: any open task; none open: no task).
   */
  List<Recipient> membersOf(String group, String processInstanceId, String taskDefinitionKey) {
    Task task =
        processInstanceId == null
            ? null
            : openTasks(processInstanceId, taskDefinitionKey).stream().findFirst().orElse(null);
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    members(group).forEach(member -> add(byAddress, member, task));
    return List.copyOf(byAddress.values());
  }

  private List<Task> openTasks(String processInstanceId, String taskDefinitionKey) {
    var query = tasks.createTaskQuery().processInstanceId(processInstanceId);
    if (taskDefinitionKey != null) {
      query = query.taskDefinitionKey(taskDefinitionKey);
    }
    return query.orderByTaskCreateTime().asc().orderByTaskId().asc().list();
  }

  private List<User> members(String group) {
    return identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list();
  }

  private List<User> user(String userId) {
    List<User> found = new ArrayList<>();
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user != null) {
      found.add(user);
    }
    return found;
  }

  private static void add(Map<String, Recipient> byAddress, List<User> users, Task task) {
    users.forEach(user -> add(byAddress, user, task));
  }

  private static void add(Map<String, Recipient> byAddress, User user, Task task) {
    String email = user.getEmail();
    if (email == null || email.isBlank()) {
      return;
    }
    byAddress.putIfAbsent(
        email.strip().toLowerCase(Locale.ROOT), new Recipient(user.getId(), email.strip(), task));
  }
}
