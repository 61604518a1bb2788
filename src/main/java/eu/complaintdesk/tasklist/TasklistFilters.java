package eu.complaintdesk.tasklist;

import static eu.complaintdesk.process.ComplaintVariables.CHANNEL;
import static eu.complaintdesk.process.ComplaintVariables.REGISTRATION_NUMBER;
import static eu.complaintdesk.process.ComplaintVariables.REPEAT_COMPLAINT;

import eu.complaintdesk.engine.FilterExpressions;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.security.Authorizations;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.security.StartupOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created or brought up to date at every start-up (matched by name, so
 * a restart never duplicates them), each visible to the roles it serves. All sort by due date, then
 * by priority, and show the case's registration number and classification — never personal data.
 * What a user sees in a filter is further limited by their authorizations: department staff only
 * their groups' tasks. Their expressions are the only ones a stored filter may carry ({@link
 * FilterExpressions}).
 */
@Component
@Order(StartupOrder.FILTERS)
class TasklistFilters implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

  static final String MY_TASKS = "My tasks";
  static final String MY_GROUPS_TASKS = "My groups' tasks";
  static final String DUE_TODAY_OR_OVERDUE = "Due today or overdue";
  static final String AWAITING_REVIEW = "Awaiting review";

  private final FilterService filters;
  private final TaskService tasks;
  private final Authorizations authorizations;

  TasklistFilters(FilterService filters, TaskService tasks, Authorizations authorizations) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> workersAndManagers =
        Stream.concat(Authorizations.TASK_WORKERS.stream(), Stream.of(Groups.MANAGERS)).toList();
    define(
        MY_TASKS,
        -10,
        "Tasks assigned to you",
        sorted(tasks.createTaskQuery().taskAssigneeExpression(FilterExpressions.CURRENT_USER)),
        Authorizations.TASK_WORKERS);
    define(
        MY_GROUPS_TASKS,
        -5,
        "Unclaimed tasks of your groups: claim one to work on it",
        sorted(
            tasks
                .createTaskQuery()
                .taskCandidateGroupInExpression(FilterExpressions.CURRENT_USER_GROUPS)
                .taskUnassigned()),
        Authorizations.TASK_WORKERS);
    define(
        DUE_TODAY_OR_OVERDUE,
        0,
        "Tasks you may see that are due by the end of today (server time zone) or already overdue",
        sorted(tasks.createTaskQuery().dueBeforeExpression(FilterExpressions.START_OF_TOMORROW)),
        workersAndManagers);
    define(
        AWAITING_REVIEW,
        5,
        "Draft answers waiting for a supervisor who did not write them",
        sorted(tasks.createTaskQuery().taskDefinitionKey(ComplaintProcess.TASK_REVIEW_ANSWER)),
        List.of(Groups.SUPERVISORS, Groups.MANAGERS));
  }

  private static TaskQuery sorted(TaskQuery query) {
    return query.orderByDueDate().asc().orderByTaskPriority().desc();
  }

  private void define(
      String name, int priority, String description, TaskQuery query, List<String> groups) {
    List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
    Filter filter = existing.isEmpty() ? filters.newTaskFilter(name) : existing.get(0);
    existing.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
    filter.setQuery(query);
    filter.setProperties(properties(priority, description));
    filters.saveFilter(filter);
    authorizations.grantFilter(filter.getId(), groups);
    log.info("Tasklist filter '{}' ready", name);
  }

  private static Map<String, Object> properties(int priority, String description) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put(
        "variables",
        List.of(
            variable(REGISTRATION_NUMBER, "Registration number"),
            variable(TaskListVariables.CASE_TYPE, "Type"),
            variable(TaskListVariables.CASE_CATEGORY, "Category"),
            variable(TaskListVariables.CASE_PRIORITY, "Priority"),
            variable(CHANNEL, "Channel"),
            variable(REPEAT_COMPLAINT, "Repeat complaint")));
    return properties;
  }

  private static Map<String, String> variable(String name, String label) {
    return Map.of("name", name, "label", label);
  }
}
