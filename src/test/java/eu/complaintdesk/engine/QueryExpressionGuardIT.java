package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.TasklistSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * No expression from a request is evaluated: one test per way in, each with an expression that
 * creates a marker file when the engine evaluates it (it does without {@link QueryExpressionGuard}:
 * a top-level one in a stored filter, one in {@code orQueries} anywhere), each proving the refusal
 * and that the file was not created.
 */
class QueryExpressionGuardIT extends ApplicationIntegrationTest {

  static final String MY_GROUPS_TASKS = "My groups' tasks";
  static final String DUE_TODAY_OR_OVERDUE = "Due today or overdue";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path markers;

  @Test
  void engineRestRefusesATaskQueryWithAnExpressionAtTheTopLevel() {
    Path marker = markers.resolve("top-level");
    EngineRest handler = EngineRest.as(port, "handler");

    assertRefused(handler.post("/task", json(Map.of("assigneeExpression", createsFile(marker)))));
    assertRefused(
        handler.get(
            "/task?assigneeExpression="
                + URLEncoder.encode(createsFile(marker), StandardCharsets.UTF_8)));
    assertThat(marker).doesNotExist();
  }

  @Test
  void engineRestRefusesATaskQueryWithAnExpressionInsideOrQueries() {
    Path marker = markers.resolve("or-queries");
    EngineRest handler = EngineRest.as(port, "handler");

    EngineRest.Response refused = handler.post("/task", orQuery("assigneeExpression", marker));
    assertRefused(refused);
    assertThat(refused.json().get("message").asText())
        .isEqualTo("A query may not contain expressions ('taskAssigneeExpression').");
    assertRefused(handler.post("/task/count", orQuery("dueBeforeExpression", marker)));
    assertThat(marker).doesNotExist();
  }

  @Test
  void tasklistsApiRefusesATaskQueryWithAnExpressionAtAnyDepth() {
    Path marker = markers.resolve("tasklist-task");
    TasklistSession tasklist = TasklistSession.signIn(port, "handler");
    EngineRest.Response plain = tasklist.post("/task", "{\"assigned\":true}");
    assertThat(plain.status()).as(plain.toString()).isEqualTo(200);

    assertRefused(tasklist.post("/task", json(Map.of("assigneeExpression", createsFile(marker)))));
    assertRefused(tasklist.post("/task", orQuery("assigneeExpression", marker)));
    assertThat(marker).doesNotExist();
  }

  @Test
  void engineRestRefusesAFiltersExtendingQueryWithAnExpression() {
    Path marker = markers.resolve("filter-extending");
    EngineRest handler = EngineRest.as(port, "handler");
    String filter = "/filter/" + filterId(MY_GROUPS_TASKS);
    assertThat(handler.post(filter + "/list", "{}").status()).isEqualTo(200);

    String topLevel = json(Map.of("assigneeExpression", createsFile(marker)));
    assertRefused(handler.post(filter + "/list", topLevel));
    assertRefused(handler.post(filter + "/count", topLevel));
    assertRefused(handler.post(filter + "/list", orQuery("assigneeExpression", marker)));
    assertRefused(handler.post(filter + "/count", orQuery("assigneeExpression", marker)));
    assertRefused(handler.post(filter + "/singleResult", orQuery("assigneeExpression", marker)));
    assertThat(marker).doesNotExist();
  }

  @Test
  void tasklistsApiRefusesAFiltersExtendingQueryWithAnExpression() {
    Path marker = markers.resolve("tasklist-filter");
    TasklistSession tasklist = TasklistSession.signIn(port, "handler");
    String filter = "/filter/" + filterId(MY_GROUPS_TASKS);
    // what Tasklist itself sends works
    EngineRest.Response listed =
        tasklist.post(
            filter + "/list?firstResult=0&maxResults=15",
            "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}");
    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);

    String topLevel = json(Map.of("assigneeExpression", createsFile(marker)));
    assertRefused(tasklist.post(filter + "/list", topLevel));
    assertRefused(tasklist.post(filter + "/count", topLevel));
    assertRefused(tasklist.post(filter + "/list", orQuery("assigneeExpression", marker)));
    assertRefused(tasklist.post(filter + "/count", orQuery("assigneeExpression", marker)));
    assertThat(marker).doesNotExist();
  }

  @Test
  void aReadOnlyManagerIsRefusedLikeEveryoneElse() {
    Path marker = markers.resolve("manager");
    EngineRest manager = EngineRest.as(port, "manager");
    String filter = "/filter/" + filterId(DUE_TODAY_OR_OVERDUE);

    assertRefused(manager.post("/task", orQuery("assigneeExpression", marker)));
    assertRefused(manager.post(filter + "/list", orQuery("assigneeExpression", marker)));
    assertRefused(
        TasklistSession.signIn(port, "manager").post("/task", orQuery("ownerExpression", marker)));
    assertThat(marker).doesNotExist();
  }

  @Test
  void aFilterIsNeitherCreatedNorUpdatedWithAnExpressionOfItsOwn() {
    Path marker = markers.resolve("filter-save");
    EngineRest admin = EngineRest.as(port, "admin");
    String name = "Expression check " + System.nanoTime();

    assertRefused(
        admin.post(
            "/filter/create", filter(name, Map.of("assigneeExpression", createsFile(marker)))));
    assertRefused(
        admin.post(
            "/filter/create",
            filter(
                name,
                Map.of("orQueries", List.of(Map.of("assigneeExpression", createsFile(marker)))))));
    assertThat(filters.createTaskFilterQuery().filterName(name).count()).isZero();

    // the application's own expressions are fine in an administrator's filter
    EngineRest.Response created =
        admin.post(
            "/filter/create",
            filter(
                name,
                Map.of(
                    "assigneeExpression",
                    FilterExpressions.CURRENT_USER,
                    "orQueries",
                    List.of(Map.of("dueBeforeExpression", FilterExpressions.START_OF_TOMORROW)))));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String id = created.json().get("id").asText();
    try {
      assertRefused(
          admin.put(
              "/filter/" + id,
              filter(
                  name,
                  Map.of(
                      "assigneeExpression",
                      FilterExpressions.CURRENT_USER,
                      "orQueries",
                      List.of(Map.of("dueBeforeExpression", createsFile(marker)))))));
      assertRefused(
          admin.put("/filter/" + id, filter(name, Map.of("ownerExpression", createsFile(marker)))));
      EngineRest.Response listed = admin.post("/filter/" + id + "/list", "{}");
      assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
      assertThat(marker).doesNotExist();
    } finally {
      filters.deleteFilter(id);
    }
  }

  @Test
  void aStoredFilterWithAnExpressionOfItsOwnDoesNotRun() {
    Path marker = markers.resolve("stored-filter");
    EngineRest admin = EngineRest.as(port, "admin");
    EngineRest.Response created =
        admin.post(
            "/filter/create", filter("Stored before the rule " + System.nanoTime(), Map.of()));
    assertThat(created.status()).as(created.toString()).isEqualTo(200);
    String id = created.json().get("id").asText();
    try {
      // as if stored before the rule existed (or written to the database directly)
      jdbc.update(
          "update ACT_RU_FILTER set QUERY_ = ? where ID_ = ?",
          json(Map.of("taskAssigneeExpression", createsFile(marker))),
          id);

      assertRefused(admin.post("/filter/" + id + "/list", "{}"));
      assertRefused(admin.get("/filter/" + id + "/count"));
      assertThat(marker).doesNotExist();
    } finally {
      filters.deleteFilter(id);
    }
  }

  /** An expression that creates this file when the engine evaluates it. */
  static String createsFile(Path marker) {
    return "${''.getClass().forName('java.io.File').getConstructor(''.getClass())"
        + ".newInstance('"
        + marker.toAbsolutePath()
        + "').createNewFile()}";
  }

  private static String orQuery(String key, Path marker) {
    return json(Map.of("orQueries", List.of(Map.of(key, createsFile(marker)))));
  }

  private static String filter(String name, Map<String, Object> query) {
    return json(Map.of("resourceType", "Task", "name", name, "query", query));
  }

  /** 400, without echoing the expression (the REST API words a refused singleResult its way). */
  private static void assertRefused(EngineRest.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("getClass");
  }

  private String filterId(String name) {
    return filters.createTaskFilterQuery().filterName(name).singleResult().getId();
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
