package eu.complaintdesk.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.TasklistSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shared Tasklist filters: once each, visible to the roles they serve, working queries. */
class TasklistFiltersIT extends ApplicationIntegrationTest {

  static final List<String> ALL =
      List.of(
          TasklistFilters.MY_TASKS,
          TasklistFilters.MY_GROUPS_TASKS,
          TasklistFilters.DUE_TODAY_OR_OVERDUE,
          TasklistFilters.AWAITING_REVIEW);

  @LocalServerPort int port;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filters;
  @Autowired AuthorizationService authorizations;
  @Autowired TaskService tasks;

  @Test
  void anotherStartUpRunKeepsEveryFilterOnceWithItsGrants() throws Exception {
    long grantsBefore = authorizations.createAuthorizationQuery().count();

    tasklistFilters.run(null);

    for (String name : ALL) {
      assertThat(filters.createTaskFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grantsBefore);
  }

  @Test
  void eachRoleSeesTheFiltersThatServeIt() {
    assertThat(filterNames("handler"))
        .containsExactlyInAnyOrder(
            TasklistFilters.MY_TASKS,
            TasklistFilters.MY_GROUPS_TASKS,
            TasklistFilters.DUE_TODAY_OR_OVERDUE);
    assertThat(filterNames("registrar")).doesNotContain(TasklistFilters.AWAITING_REVIEW);
    assertThat(filterNames("supervisor")).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(filterNames("manager"))
        .containsExactlyInAnyOrder(
            TasklistFilters.DUE_TODAY_OR_OVERDUE, TasklistFilters.AWAITING_REVIEW);
  }

  @Test
  void filtersSortByDueDateThenPriorityAndShowTheRegistrationNumber() {
    JsonNode filter =
        EngineRest.as(port, "registrar")
            .get(
                "/filter?name="
                    + URLEncoder.encode(TasklistFilters.MY_GROUPS_TASKS, StandardCharsets.UTF_8))
            .json()
            .get(0);

    JsonNode sorting = filter.get("query").get("sorting");
    assertThat(sorting.get(0).get("sortBy").asText()).isEqualTo("dueDate");
    assertThat(sorting.get(0).get("sortOrder").asText()).isEqualTo("asc");
    assertThat(sorting.get(1).get("sortBy").asText()).isEqualTo("priority");
    assertThat(sorting.get(1).get("sortOrder").asText()).isEqualTo("desc");
    assertThat(filter.get("properties").get("variables").get(0).get("name").asText())
        .isEqualTo("registrationNumber");
  }

  @Test
  void registrarsFindNewComplaintsInTheirGroupsFilterAndDueFilterRuns() {
    String number = new CaseDriver(port).submit(CaseDriver.HEATING_COMPLAINT);
    new CaseDriver(port).awaitTask(number, "UserTask_CheckCompleteness");
    EngineRest registrar = EngineRest.as(port, "registrar");

    JsonNode groupTasks =
        registrar.post("/filter/" + id(TasklistFilters.MY_GROUPS_TASKS) + "/list", "{}").json();
    EngineRest.Response due =
        EngineRest.as(port, "manager")
            .get("/filter/" + id(TasklistFilters.DUE_TODAY_OR_OVERDUE) + "/count");

    assertThat(groupTasks.findValuesAsText("processInstanceId")).isNotEmpty();
    assertThat(groupTasks.findValuesAsText("taskDefinitionKey"))
        .contains("UserTask_CheckCompleteness")
        .isSubsetOf("UserTask_CheckCompleteness", "UserTask_ClassifyComplaint");
    assertThat(due.status()).as(due.toString()).isEqualTo(200);
  }

  @Test
  void aClaimedTaskLeavesTheGroupsFilter() {
    String number = new CaseDriver(port).submit(CaseDriver.HEATING_COMPLAINT);
    String task = new CaseDriver(port).awaitTask(number, "UserTask_CheckCompleteness");
    EngineRest registrar = EngineRest.as(port, "registrar");
    String groupsFilter = "/filter/" + id(TasklistFilters.MY_GROUPS_TASKS) + "/list";
    assertThat(registrar.post(groupsFilter, "{}").json().findValuesAsText("id")).contains(task);

    EngineRest.Response claimed =
        registrar.post("/task/" + task + "/claim", CaseDriver.claimBody(registrar));

    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    assertThat(registrar.post(groupsFilter, "{}").json().findValuesAsText("id"))
        .doesNotContain(task);
    JsonNode mine =
        registrar.post("/filter/" + id(TasklistFilters.MY_TASKS) + "/list", "{}").json();
    assertThat(mine.findValuesAsText("id")).contains(task);
  }

  @Test
  void theFiltersExpressionsWorkForHandlersAndManagers() {
    String number = new CaseDriver(port).heatingComplaintAwaitingDraft();
    String draft = new CaseDriver(port).awaitTask(number, "UserTask_DraftAnswer");
    tasks.setDueDate(draft, new Date()); // due now: in "Due today or overdue"
    EngineRest handler = EngineRest.as(port, "handler");
    EngineRest manager = EngineRest.as(port, "manager");

    // ${currentUserGroups()}, then ${currentUser()} once claimed
    assertThat(list(handler, TasklistFilters.MY_GROUPS_TASKS)).contains(draft);
    assertThat(handler.post("/task/" + draft + "/claim", CaseDriver.claimBody(handler)).status())
        .isEqualTo(204);
    assertThat(list(handler, TasklistFilters.MY_TASKS)).contains(draft);
    assertThat(list(handler, TasklistFilters.MY_GROUPS_TASKS)).doesNotContain(draft);
    // ${dateTime()…}, for a handler and for a read-only manager, also as Tasklist calls it
    assertThat(list(handler, TasklistFilters.DUE_TODAY_OR_OVERDUE)).contains(draft);
    assertThat(list(manager, TasklistFilters.DUE_TODAY_OR_OVERDUE)).contains(draft);
    EngineRest.Response tasklist =
        TasklistSession.signIn(port, "manager")
            .post("/filter/" + id(TasklistFilters.DUE_TODAY_OR_OVERDUE) + "/list", "{}");
    assertThat(tasklist.status()).as(tasklist.toString()).isEqualTo(200);
    assertThat(tasklist.json().findValuesAsText("id")).contains(draft);
  }

  private List<String> list(EngineRest user, String filter) {
    EngineRest.Response listed = user.post("/filter/" + id(filter) + "/list", "{}");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    return listed.json().findValuesAsText("id");
  }

  private String id(String name) {
    return filters.createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  private List<String> filterNames(String user) {
    List<String> names = new ArrayList<>();
    EngineRest.as(port, user).get("/filter").json().forEach(f -> names.add(f.get("name").asText()));
    return names;
  }
}
