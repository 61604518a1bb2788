package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.StaffUsers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rewritten authorization join (docs/adr/0016) against the real SQL on PostgreSQL: for each
 * role, Tasklist's filters (list, first page, count), the plain task query and the variable query
 * of a page's columns give exactly what the engine's own statements give, and staff without the
 * right still see nothing.
 */
class TaskQueryRewriteIT extends ApplicationIntegrationTest {

  /** A user in no group: may see no task and no variable. */
  static final String OUTSIDER = "rewrite-outsider";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired DataSource dataSource;

  String heating;
  String waiting;

  @BeforeEach
  void cases() {
    StaffUsers.ensure(identity, StaffUsers.BILLING_CLERK, "dept-billing");
    StaffUsers.ensure(identity, StaffUsers.HEAT_CLERK, "dept-heat-quality");
    if (identity.createUserQuery().userId(OUTSIDER).count() == 0) {
      var user = identity.newUser(OUTSIDER);
      user.setFirstName(OUTSIDER);
      user.setLastName("Test");
      user.setPassword(OUTSIDER);
      identity.saveUser(user);
    }
    CaseDriver driver = new CaseDriver(port);
    heating = driver.heatingComplaintAwaitingDraft();
    waiting = driver.submit(CaseDriver.HEATING_COMPLAINT);
    driver.awaitTask(heating, "UserTask_DraftAnswer");
    driver.awaitTask(waiting, "UserTask_CheckCompleteness");
  }

  @Test
  void theRewriteRunsOnPostgresAndTheEngineIndexesExist() {
    assertThat(configuration.getSqlSessionFactory().getConfiguration().getInterceptors())
        .anyMatch(TaskQueryAuthorizationJoin.Rewrite.class::isInstance);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForList(
                    "select indexname from pg_indexes where indexname like 'cd_idx_%'",
                    String.class))
        .containsExactlyInAnyOrder("cd_idx_task_page", "cd_idx_job_lock", "cd_idx_job_due");
  }

  @Test
  void theGroupsHoldingAuthorizationsAreTheEnginesDistinctGroups() {
    Supplier<List<String>> groups =
        () ->
            configuration
                .getCommandExecutorTxRequired()
                .execute(
                    context ->
                        context
                            .getDbEntityManager()
                            .<String>selectList("selectAuthorizedGroupIds")
                            .stream()
                            .filter(java.util.Objects::nonNull)
                            .sorted()
                            .toList());

    List<String> rewritten = groups.get();

    // the engine's statement has the shape the rewrite knows (else both sides would be the
    // engine's)
    String engines =
        configuration
            .getSqlSessionFactory()
            .getConfiguration()
            .getMappedStatement(TaskQueryAuthorizationJoin.AUTHORIZED_GROUPS_STATEMENT)
            .getBoundSql(null)
            .getSql();
    assertThat(TaskQueryAuthorizationJoin.distinctGroups(engines)).startsWith("WITH RECURSIVE");

    assertThat(rewritten)
        .contains("registrars", "dept-heat-quality")
        .doesNotHaveDuplicates()
        .isEqualTo(TaskQueryAuthorizationJoin.asTheEngineWritesIt(groups));
  }

  @Test
  void everyRoleSeesExactlyTheTasksAndVariablesItSawBefore() {
    List<String> users =
        List.of(
            "registrar",
            "supervisor",
            "manager",
            StaffUsers.HEAT_CLERK,
            StaffUsers.BILLING_CLERK,
            OUTSIDER);
    // every task and the scopes of every task, as Tasklist asks for a page's variables
    List<Task> all = tasks.createTaskQuery().list();
    List<String> scopes = new ArrayList<>();
    for (Task t : all) {
      scopes.add(t.getId());
      scopes.add(t.getExecutionId());
      scopes.add(t.getProcessInstanceId());
    }
    String[] scopeIds = scopes.stream().distinct().toArray(String[]::new);

    for (String user : users) {
      signedInAs(
          user,
          () -> {
            List<Filter> visible = filters.createTaskFilterQuery().list();
            for (Filter filter : visible) {
              String what = user + ", filter " + filter.getName();
              assertSame(what, () -> ids(filters.list(filter.getId())));
              assertThat(filters.count(filter.getId()))
                  .as(what + ", count")
                  .isEqualTo(
                      TaskQueryAuthorizationJoin.asTheEngineWritesIt(
                          () -> filters.count(filter.getId())));
              List<Task> page = filters.listPage(filter.getId(), 0, 15);
              List<Task> enginePage =
                  TaskQueryAuthorizationJoin.asTheEngineWritesIt(
                      () -> filters.listPage(filter.getId(), 0, 15));
              // tasks of equal due date and priority may come in either order
              assertThat(page).as(what + ", first page").hasSameSizeAs(enginePage);
              assertThat(page.stream().map(TaskQueryRewriteIT::order).toList())
                  .as(what + ", first page's order")
                  .isEqualTo(enginePage.stream().map(TaskQueryRewriteIT::order).toList());
            }
            assertSame(user + ", task query", () -> ids(tasks.createTaskQuery().list()));
            assertThat(tasks.createTaskQuery().count())
                .as(user + ", task count")
                .isEqualTo(
                    TaskQueryAuthorizationJoin.asTheEngineWritesIt(
                        () -> tasks.createTaskQuery().count()));
            // counts with the engine's parameters before, inside and after the authorization
            // join, which the count's rewrite repeats (TaskQueryAuthorizationJoin.uncorrelated)
            List<Supplier<Long>> counts =
                List.of(
                    () -> tasks.createTaskQuery().taskCandidateGroup("registrars").count(),
                    () ->
                        tasks
                            .createTaskQuery()
                            .taskCandidateGroupIn(List.of("dept-heat-quality", "registrars"))
                            .taskUnassigned()
                            .count(),
                    () -> tasks.createTaskQuery().processInstanceBusinessKey(heating).count(),
                    () ->
                        tasks
                            .createTaskQuery()
                            .taskDefinitionKey("UserTask_CheckCompleteness")
                            .processVariableValueEquals(
                                eu.complaintdesk.process.ComplaintVariables.REGISTRATION_NUMBER,
                                waiting)
                            .count(),
                    () ->
                        tasks
                            .createTaskQuery()
                            .or()
                            .taskCandidateGroup("dept-heat-quality")
                            .taskAssignee(user)
                            .endOr()
                            .count(),
                    () ->
                        runtime
                            .createVariableInstanceQuery()
                            .variableScopeIdIn(scopeIds)
                            .variableName(
                                eu.complaintdesk.process.ComplaintVariables.REGISTRATION_NUMBER)
                            .count());
            for (int i = 0; i < counts.size(); i++) {
              Supplier<Long> count = counts.get(i);
              assertThat(count.get())
                  .as(user + ", count " + i)
                  .isEqualTo(TaskQueryAuthorizationJoin.asTheEngineWritesIt(count));
            }
            assertSame(
                user + ", variables of the tasks' scopes",
                () ->
                    runtime
                        .createVariableInstanceQuery()
                        .disableBinaryFetching()
                        .disableCustomObjectDeserialization()
                        .variableScopeIdIn(scopeIds)
                        .list()
                        .stream()
                        .map(VariableInstance::getId)
                        .sorted()
                        .toList());
            return null;
          });
    }

    // and the rewritten queries still refuse: outsiders and other departments see nothing of them
    signedInAs(
        OUTSIDER,
        () -> {
          assertThat(tasks.createTaskQuery().count()).isZero();
          assertThat(runtime.createVariableInstanceQuery().variableScopeIdIn(scopeIds).count())
              .isZero();
          return null;
        });
    signedInAs(
        StaffUsers.BILLING_CLERK,
        () -> {
          assertThat(tasks.createTaskQuery().processInstanceBusinessKey(heating).count()).isZero();
          assertThat(tasks.createTaskQuery().processInstanceBusinessKey(waiting).count()).isZero();
          return null;
        });
    signedInAs(
        StaffUsers.HEAT_CLERK,
        () -> {
          assertThat(tasks.createTaskQuery().processInstanceBusinessKey(heating).count())
              .isEqualTo(1);
          assertThat(tasks.createTaskQuery().processInstanceBusinessKey(waiting).count()).isZero();
          return null;
        });
    signedInAs(
        "registrar",
        () -> {
          assertThat(tasks.createTaskQuery().processInstanceBusinessKey(waiting).count())
              .isEqualTo(1);
          assertThat(tasks.createTaskQuery().processInstanceBusinessKey(heating).count()).isZero();
          return null;
        });
  }

  private static void assertSame(String what, Supplier<List<String>> query) {
    List<String> rewritten = query.get();
    List<String> engines = TaskQueryAuthorizationJoin.asTheEngineWritesIt(query);
    assertThat(rewritten).as(what).isEqualTo(engines);
  }

  private static List<String> ids(List<Task> found) {
    return found.stream().map(Task::getId).sorted(Comparator.naturalOrder()).toList();
  }

  private static String order(Task task) {
    return task.getDueDate() + "/" + task.getPriority();
  }

  private <T> T signedInAs(String user, Supplier<T> work) {
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
