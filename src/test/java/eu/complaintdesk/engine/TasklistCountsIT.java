package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.TasklistSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's task counts may lag (TasklistCounts; the tests' context keeps them 300 s): the same
 * question from the same user gets the same number for that time, while the list itself, the engine
 * REST API and the Java API answer now.
 */
class TasklistCountsIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired TasklistCounts counts;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;

  @Test
  void tasklistsCountMayLagWhileItsListAndTheOtherApisAnswerNow() {
    String filter =
        filters.createTaskFilterQuery().filterName("My groups' tasks").singleResult().getId();
    TasklistSession tasklist = TasklistSession.signIn(port, "registrar");
    EngineRest rest = EngineRest.as(port, "registrar");
    counts.forget();
    long before = count(tasklist.send("/filter/" + filter + "/count", null, "application/json"));

    CaseDriver driver = new CaseDriver(port);
    String number = driver.submit(CaseDriver.HEATING_COMPLAINT);
    String task = driver.awaitTask(number, "UserTask_CheckCompleteness");

    // Tasklist: the number it had, in the filter's count and in the list's
    assertThat(count(tasklist.send("/filter/" + filter + "/count", null, "application/json")))
        .isEqualTo(before);
    EngineRest.Response page =
        tasklist.send(
            "/filter/" + filter + "/list?firstResult=0&maxResults=15",
            "{}",
            "application/hal+json");
    assertThat(count(page)).isEqualTo(before);
    // the list itself is read now: the new task is found in it
    EngineRest.Response found =
        tasklist.send(
            "/filter/" + filter + "/list?firstResult=0&maxResults=15",
            "{\"processInstanceBusinessKey\":\"" + number + "\"}",
            "application/hal+json");
    assertThat(found.json().findValuesAsText("id")).contains(task);
    // the engine REST API and the Java API count now
    long now = count(rest.get("/filter/" + filter + "/count"));
    assertThat(now).isGreaterThan(before);
    identity.setAuthentication("registrar", java.util.List.of("registrars"));
    try {
      assertThat(filters.count(filter)).isGreaterThan(before);
    } finally {
      identity.clearAuthentication();
    }
    // forgotten, Tasklist's count is counted again
    counts.forget();
    assertThat(count(tasklist.send("/filter/" + filter + "/count", null, "application/json")))
        .isGreaterThan(before);
  }

  private static long count(EngineRest.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonNode json = response.json();
    return json.get("count").asLong();
  }
}
