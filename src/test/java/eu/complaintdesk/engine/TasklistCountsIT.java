package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import eu.complaintdesk.testing.TasklistSession;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's task counts may lag (TasklistCounts; the tests' context keeps them 300 s): the same
 * question from the same user gets the same number for that time, while the list itself, the engine
 * REST API and the Java API answer now, and another user never gets that number. Every count asks
 * about this test's own case only (the filter extended by its business key), so other tests' cases
 * do not move it.
 */
class TasklistCountsIT extends ApplicationIntegrationTest {

  static final String GROUPS_FILTER = "My groups' tasks";

  @LocalServerPort int port;
  @Autowired TasklistCounts counts;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  @Test
  void tasklistsCountMayLagForItsUserWhileTheListAndTheOtherApisAnswerNow() {
    StaffUsers.ensure(identity, StaffUsers.HEAT_CLERK, "dept-heat-quality");
    String filter =
        filters.createTaskFilterQuery().filterName(GROUPS_FILTER).singleResult().getId();
    CaseDriver driver = new CaseDriver(port);
    String number = driver.submit(CaseDriver.HEATING_COMPLAINT);
    String task = driver.awaitTask(number, "UserTask_CheckCompleteness");
    String thisCase = "{\"processInstanceBusinessKey\":\"" + number + "\"}";
    TasklistSession registrar = TasklistSession.signIn(port, "registrar");

    // counted now and kept: the registrar's group has the unclaimed task
    assertThat(tasklistCount(registrar, filter, thisCase)).isEqualTo(1);
    // another user asking the same gets their own number, not the registrar's
    TasklistSession clerk = TasklistSession.signIn(port, StaffUsers.HEAT_CLERK);
    assertThat(tasklistCount(clerk, filter, thisCase)).isZero();

    // claimed, the task leaves the filter
    EngineRest rest = EngineRest.as(port, "registrar");
    assertThat(rest.post("/task/" + task + "/claim", "{\"userId\":\"registrar\"}").status())
        .isEqualTo(204);

    // Tasklist: the number it had, in the filter's count and in the list's
    assertThat(tasklistCount(registrar, filter, thisCase)).isEqualTo(1);
    EngineRest.Response page =
        registrar.send(
            "/filter/" + filter + "/list?firstResult=0&maxResults=15",
            thisCase,
            "application/hal+json");
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.json().get("count").asLong()).isEqualTo(1);
    // the list itself is read now: the claimed task is no longer in it
    assertThat(page.json().findValuesAsText("id")).doesNotContain(task);
    // the engine REST API and the Java API count now
    EngineRest.Response now = rest.post("/filter/" + filter + "/count", thisCase);
    assertThat(now.status()).as(now.toString()).isEqualTo(200);
    assertThat(now.json().get("count").asLong()).isZero();
    identity.setAuthentication("registrar", List.of("registrars"));
    try {
      assertThat(filters.count(filter, tasks.createTaskQuery().processInstanceBusinessKey(number)))
          .isZero();
    } finally {
      identity.clearAuthentication();
    }
    // forgotten, Tasklist's count is counted again
    counts.forget();
    assertThat(tasklistCount(registrar, filter, thisCase)).isZero();
  }

  private static long tasklistCount(TasklistSession tasklist, String filter, String query) {
    EngineRest.Response count =
        tasklist.send("/filter/" + filter + "/count", query, "application/json");
    assertThat(count.status()).as(count.toString()).isEqualTo(200);
    return count.json().get("count").asLong();
  }
}
