package eu.complaintdesk.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * The task query's authorization check, joined per task on PostgreSQL (docs/adr/0016). The engine
 * joins the task to the user's authorizations with {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_,
 * '*')}; PostgreSQL can use no index for that condition and compares every task a user may see with
 * every authorization they hold: the engine writes one authorization per task for its candidate
 * groups, so a registrar's page cost grew with the square of the open cases (seconds at 5,000).
 *
 * <p>This rewrites exactly that join, in the task and variable query statements only, into the same
 * join as a lateral subquery with the same condition inside it that stops at the first match,
 * {@code inner join lateral (SELECT A.* … WHERE (the engine's conditions) AND A.RESOURCE_ID_ IN
 * (RES.ID_, D.KEY_, '*') LIMIT 1) AUTH ON (1 = 1)} ({@code left join} stays {@code left join}): an
 * existence check, found through the index on {@code RESOURCE_ID_} for each task (the {@code LIMIT}
 * also keeps PostgreSQL from flattening it back into the cross comparison), and at most one row per
 * task, so the authorizations multiply no rows. The query keeps its {@code AUTH.RESOURCE_ID_ IS NOT
 * NULL} test, which is true exactly when an authorization matched: who may see which task or
 * variable does not change. A statement of another shape is left as it is.
 *
 * <p>The task count, which counts every task the user may see, takes the same condition as one
 * uncorrelated membership test instead ({@link #uncorrelated}): the resource ids the user is
 * granted are read once into a hashed set and each task is checked against it, rather than one
 * index lookup per task (measured at 10,480 open tasks, the registrar's 7,980: 345–391 ms → 49–52
 * ms in the database; docs/adr/0016).
 *
 * <p>The groups the engine reads before every authorization check ({@link
 * #AUTHORIZED_GROUPS_STATEMENT}) are found along the index on the group instead of by reading every
 * authorization ({@link #distinctGroups}).
 *
 * <p>The page reads the tasks in Tasklist's order from an index of their own ({@link
 * EngineIndexes#TASK_PAGE}).
 */
@Component
class TaskQueryAuthorizationJoin extends AbstractProcessEnginePlugin {

  /**
   * The engine's statements of the task query (list and count), Tasklist's filters included, and of
   * the variable query Tasklist runs for a page's columns, whose join has the same shape ({@code
   * AUTH.RESOURCE_ID_ IN (RES.PROC_INST_ID_, PROC_EXECUTION.ID_, PROCDEF.KEY_, RES.TASK_ID_,
   * '*')}).
   */
  static final Set<String> TASK_QUERY_STATEMENTS =
      Set.of(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria",
          "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity"
              + ".selectVariableInstanceByQueryCriteria",
          "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity"
              + ".selectVariableInstanceCountByQueryCriteria");

  /**
   * The statements among {@link #TASK_QUERY_STATEMENTS} whose authorization join becomes an
   * uncorrelated membership test ({@link #uncorrelated}) rather than a lookup per row ({@link
   * #rewritten}).
   */
  static final Set<String> UNCORRELATED_STATEMENTS =
      Set.of(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");

  /**
   * Statements whose page ({@code LIMIT ? OFFSET ?}) is written into the SQL as numbers: the
   * variable query Tasklist runs for a page's columns. As a prepared statement run again and again,
   * PostgreSQL may switch to a plan for any limit, and for a small one it walks every variable in
   * the order of its id ({@code order by RES.ID_}) instead of looking up the page's scopes:
   * measured at 10,480 open complaints, 520–790 ms instead of 5–27 ms for a handler's or
   * supervisor's page (auto_explain). With the numbers in the SQL every plan knows the limit
   * (Tasklist asks for all).
   */
  static final Set<String> PAGE_INLINED_STATEMENTS =
      Set.of(
          "org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity"
              + ".selectVariableInstanceByQueryCriteria");

  private static final Pattern PAGE = Pattern.compile("LIMIT \\? OFFSET \\?\\s*$");

  /**
   * The engine's statement for the groups that hold any authorization, which it runs before every
   * authorization check ({@code AuthorizationManager.filterAuthenticatedGroupIds}, once per
   * command, so five times for Tasklist's filter counts): {@code SELECT distinct(A.GROUP_ID_)} over
   * every authorization, read in full because the engine writes one per task for its candidate
   * groups (about 70 ms at 100,000 open tasks). {@link #distinctGroups} answers the same from the
   * index on {@code GROUP_ID_}.
   */
  static final String AUTHORIZED_GROUPS_STATEMENT =
      "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";

  private static final Pattern AUTHORIZED_GROUPS =
      Pattern.compile(
          "^\\s*SELECT\\s+distinct\\s*\\(\\s*A\\.GROUP_ID_\\s*\\)\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)"
              + "\\s+A\\s*$",
          Pattern.CASE_INSENSITIVE);

  /**
   * The engine's distinct groups as a walk along the index on {@code GROUP_ID_} (the engine's
   * {@code ACT_IDX_AUTH_GROUP_ID}), one step per group: each step finds the next greater group id
   * ({@code ORDER BY … LIMIT 1}), so the cost grows with the groups, not with the authorizations.
   * The answer is the same set but for {@code null} (user authorizations), which the engine drops
   * from it anyway. A statement of another shape is left as it is.
   */
  static String distinctGroups(String sql) {
    Matcher m = AUTHORIZED_GROUPS.matcher(sql);
    if (!m.find()) {
      return sql;
    }
    String table = m.group(1);
    return "WITH RECURSIVE G(GROUP_ID_) AS ((SELECT A.GROUP_ID_ FROM "
        + table
        + " A WHERE A.GROUP_ID_ IS NOT NULL ORDER BY A.GROUP_ID_ LIMIT 1) UNION ALL SELECT (SELECT"
        + " A.GROUP_ID_ FROM "
        + table
        + " A WHERE A.GROUP_ID_ > G.GROUP_ID_ ORDER BY A.GROUP_ID_ LIMIT 1) FROM G WHERE"
        + " G.GROUP_ID_ IS NOT NULL) SELECT G.GROUP_ID_ FROM G WHERE G.GROUP_ID_ IS NOT NULL";
  }

  /**
   * Writes the statement's final {@code LIMIT ? OFFSET ?} as the two numbers bound to it (the
   * engine's {@code maxResults} and {@code firstResult}, integers: nothing from a request becomes
   * SQL text), and drops their two parameters. A statement of another shape is left as it is.
   */
  static void inlinePage(BoundSql bound) {
    String sql = bound.getSql();
    List<ParameterMapping> mappings = bound.getParameterMappings();
    Matcher page = PAGE.matcher(sql);
    int n = mappings.size();
    if (!page.find()
        || n < 2
        || !"maxResults".equals(mappings.get(n - 2).getProperty())
        || !"firstResult".equals(mappings.get(n - 1).getProperty())) {
      return;
    }
    MetaObject parameters = SystemMetaObject.forObject(bound.getParameterObject());
    if (!(parameters.getValue("maxResults") instanceof Integer max)
        || !(parameters.getValue("firstResult") instanceof Integer first)) {
      return;
    }
    MetaObject rewrite = SystemMetaObject.forObject(bound);
    rewrite.setValue(
        "sql", sql.substring(0, page.start()) + "LIMIT " + max + " OFFSET " + first + " ");
    rewrite.setValue("parameterMappings", new ArrayList<>(mappings.subList(0, n - 2)));
  }

  /** Set while a test runs a query as the engine writes it, to compare (TaskQueryRewriteIT). */
  private static final ThreadLocal<Boolean> AS_THE_ENGINE_WRITES_IT = new ThreadLocal<>();

  private static final Pattern AUTH_JOIN =
      Pattern.compile(
          "\\b(inner|left)\\s+join\\s*\\(\\s*(SELECT\\s+A\\.\\*\\s+FROM\\s+\\S*ACT_RU_AUTHORIZATION\\s+A"
              + "\\s+WHERE)(.*?)\\)\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*"
              + "((?:[A-Z_]+\\.[A-Z_]+\\s*,\\s*)+)'\\*'\\s*\\)\\s*\\)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Rewrite());
    }
  }

  /** What {@code query} gives with the statements as the engine writes them (tests compare). */
  static <T> T asTheEngineWritesIt(Supplier<T> query) {
    AS_THE_ENGINE_WRITES_IT.set(Boolean.TRUE);
    try {
      return query.get();
    } finally {
      AS_THE_ENGINE_WRITES_IT.remove();
    }
  }

  /** The statement with its authorization join made lateral, or as it was if it has none. */
  static String rewritten(String sql) {
    Matcher m = AUTH_JOIN.matcher(sql);
    if (!m.find()) {
      return sql;
    }
    String join =
        m.group(1)
            + " join lateral ("
            + m.group(2)
            + " ("
            + m.group(3)
            + ") AND A.RESOURCE_ID_ IN ("
            + String.join(", ", m.group(4).trim().split("\\s*,\\s*"))
            + ", '*') LIMIT 1) AUTH ON (1 = 1)";
    String once = sql.substring(0, m.start()) + join + sql.substring(m.end());
    // one authorization join per task query; a second one would be a shape this does not know
    return AUTH_JOIN.matcher(once).find() ? sql : once;
  }

  /**
   * The statement with its authorization join made an uncorrelated membership test, or {@code null}
   * if it has no such join. {@code inner join lateral (SELECT '*' AS RESOURCE_ID_ WHERE RES.ID_ IN
   * (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE (c)) OR D.KEY_ IN (…) OR '*' IN (…))
   * AUTH ON (1 = 1)}: the same condition (an authorization of {@code c} whose resource id is one of
   * the columns or {@code '*'}), but each {@code IN} is one hashed set of the resource ids the user
   * is granted, built once per statement, instead of an index lookup per task. The engine's
   * conditions {@code c} appear once per column: their parameters are repeated (the returned {@link
   * Uncorrelated} says which).
   */
  static Uncorrelated uncorrelated(String sql) {
    Matcher m = AUTH_JOIN.matcher(sql);
    if (!m.find()) {
      return null;
    }
    String granted =
        "("
            + m.group(2).replaceFirst("(?i)^SELECT\\s+A\\.\\*", "SELECT A.RESOURCE_ID_")
            + " ("
            + m.group(3)
            + "))";
    List<String> columns = new ArrayList<>(List.of(m.group(4).trim().split("\\s*,\\s*")));
    columns.add("'*'");
    String join =
        m.group(1)
            + " join lateral (SELECT '*' AS RESOURCE_ID_ WHERE "
            + columns.stream().map(c -> c + " IN " + granted).collect(Collectors.joining(" OR "))
            + ") AUTH ON (1 = 1)";
    String once = sql.substring(0, m.start()) + join + sql.substring(m.end());
    if (AUTH_JOIN.matcher(once).find()) {
      return null;
    }
    return new Uncorrelated(
        once, placeholders(sql.substring(0, m.start())), placeholders(m.group(3)), columns.size());
  }

  /**
   * A statement rewritten by {@link #uncorrelated}: the engine's parameters from {@code first} on,
   * {@code count} of them, now stand {@code copies} times in a row.
   */
  record Uncorrelated(String sql, int first, int count, int copies) {

    <T> List<T> parameters(List<T> engines) {
      List<T> repeated = new ArrayList<>(engines.subList(0, first));
      for (int i = 0; i < copies; i++) {
        repeated.addAll(engines.subList(first, first + count));
      }
      repeated.addAll(engines.subList(first + count, engines.size()));
      return repeated;
    }
  }

  /** The JDBC placeholders in {@code sql}, outside quoted literals. */
  static int placeholders(String sql) {
    int count = 0;
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (c == '?' && !quoted) {
        count++;
      }
    }
    return count;
  }

  @Intercepts(
      @Signature(
          type = StatementHandler.class,
          method = "prepare",
          args = {Connection.class, Integer.class}))
  static final class Rewrite implements Interceptor {

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
      // RoutingStatementHandler → the prepared statement handler that holds the statement
      while (handler.hasGetter("delegate")) {
        handler = SystemMetaObject.forObject(handler.getValue("delegate"));
      }
      if (AS_THE_ENGINE_WRITES_IT.get() == null
          && handler.hasGetter("mappedStatement")
          && handler.getValue("mappedStatement") instanceof MappedStatement statement
          && (TASK_QUERY_STATEMENTS.contains(statement.getId())
              || AUTHORIZED_GROUPS_STATEMENT.equals(statement.getId()))
          && handler.getValue("boundSql") instanceof BoundSql bound) {
        rewrite(statement.getId(), bound);
      }
      return invocation.proceed();
    }

    private static void rewrite(String statement, BoundSql bound) {
      if (AUTHORIZED_GROUPS_STATEMENT.equals(statement)) {
        SystemMetaObject.forObject(bound).setValue("sql", distinctGroups(bound.getSql()));
        return;
      }
      String sql = bound.getSql();
      Uncorrelated hashed = UNCORRELATED_STATEMENTS.contains(statement) ? uncorrelated(sql) : null;
      if (hashed != null) {
        MetaObject rewrite = SystemMetaObject.forObject(bound);
        rewrite.setValue("sql", hashed.sql());
        rewrite.setValue("parameterMappings", hashed.parameters(bound.getParameterMappings()));
      } else {
        String lateral = rewritten(sql);
        if (!lateral.equals(sql)) {
          SystemMetaObject.forObject(bound).setValue("sql", lateral);
        }
      }
      if (PAGE_INLINED_STATEMENTS.contains(statement)) {
        inlinePage(bound);
      }
    }
  }
}
