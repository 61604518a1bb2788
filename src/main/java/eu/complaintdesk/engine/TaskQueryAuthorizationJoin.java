package eu.complaintdesk.engine;

import java.sql.Connection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
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
 * <p>This rewrites exactly that join, in the task list and task count statements only, into the
 * same join as a lateral subquery with the same condition inside it, {@code inner join lateral
 * (SELECT A.* … WHERE (the engine's conditions) AND A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*') OFFSET
 * 0) AUTH ON (1 = 1)} ({@code left join} stays {@code left join}): the same rows, found through the
 * index on {@code RESOURCE_ID_} for each task ({@code OFFSET 0} keeps PostgreSQL from flattening it
 * back). Who may see which task does not change; a statement of another shape is left as it is.
 */
@Component
class TaskQueryAuthorizationJoin extends AbstractProcessEnginePlugin {

  /**
   * The engine's statements of the task query (list and count), Tasklist's filters included. The
   * variable query Tasklist runs for a page's columns has a join of the same shape ({@code
   * AUTH.RESOURCE_ID_ IN (RES.PROC_INST_ID_, PROC_EXECUTION.ID_, PROCDEF.KEY_, RES.TASK_ID_,
   * '*')}); {@link #rewritten} would handle it, but it is not rewritten until measured
   * (docs/adr/0016).
   */
  static final Set<String> TASK_QUERY_STATEMENTS =
      Set.of(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");

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
            + ", '*') OFFSET 0) AUTH ON (1 = 1)";
    String once = sql.substring(0, m.start()) + join + sql.substring(m.end());
    // one authorization join per task query; a second one would be a shape this does not know
    return AUTH_JOIN.matcher(once).find() ? sql : once;
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
      if (handler.hasGetter("mappedStatement")
          && handler.getValue("mappedStatement") instanceof MappedStatement statement
          && TASK_QUERY_STATEMENTS.contains(statement.getId())
          && handler.getValue("boundSql") instanceof BoundSql bound) {
        String sql = bound.getSql();
        String lateral = rewritten(sql);
        if (!lateral.equals(sql)) {
          SystemMetaObject.forObject(bound).setValue("sql", lateral);
        }
      }
      return invocation.proceed();
    }
  }
}
