package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No expression from a request is ever evaluated. A task query may carry expressions ({@code
 * assigneeExpression}, {@code dueBeforeExpression}, …) that the engine evaluates as JUEL, which
 * reaches Java reflection: whoever may query tasks could run code on the server. Camunda refuses
 * them only at the top level of an ad-hoc query ({@code enableExpressionsInAdhocQueries=false});
 * inside {@code orQueries}, and in the or-queries of a filter's extending query, they were
 * evaluated (7.24.0 is the last community release and gets no fix). This closes it in the engine,
 * where every way in passes — {@code /engine-rest}, the webapps' {@code /camunda/api/engine}, the
 * Java API — rather than in a list of URLs:
 *
 * <ul>
 *   <li>a query run as a command (every query a client builds: {@code POST /task}, {@code GET
 *       /task?…}, counts) with an expression at any depth is refused;
 *   <li>running a filter ({@code /filter/{id}/list}, {@code …/count}, {@code …/singleResult}, the
 *       item counts of {@code GET /filter}) is refused when its extending query carries any
 *       expression at any depth, or when the stored filter carries one that is not in {@link
 *       FilterExpressions} (a filter stored before this rule existed);
 *   <li>saving a filter ({@code POST /filter/create}, {@code PUT /filter/{id}}, Tasklist's filter
 *       dialog) is refused when it carries an expression not in {@link FilterExpressions}, so a
 *       stored filter is no way in either.
 * </ul>
 *
 * A refusal is a {@link BadUserRequestException}, which the engine's REST API answers with 400; it
 * names the query field, never the expression's text. Only task queries take expressions in 7.24
 * ({@code TaskQueryImpl} and its JSON form are the only code that adds any), but the check applies
 * to every query. The commands' fields are read by reflection: the engine offers no hook that sees
 * a filter's extending query before it is merged.
 */
@Component
class QueryExpressionGuard extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(QueryExpressionGuard.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandGuards.add(configuration, new Guard());
  }

  static final class Guard extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof AbstractQuery<?, ?> query) {
        refuseAny(query, "A query");
      } else if (command instanceof AbstractExecuteFilterCmd) {
        if (CommandFields.read(command, AbstractExecuteFilterCmd.class, "extendingQuery")
            instanceof AbstractQuery<?, ?> extending) {
          refuseAny(extending, "The query that extends a filter");
        }
        String filterId = CommandFields.read(command, AbstractExecuteFilterCmd.class, "filterId");
        FilterEntity stored =
            filterId == null
                ? null
                : Context.getCommandContext().getFilterManager().findFilterById(filterId);
        if (stored != null && stored.getQuery() instanceof AbstractQuery<?, ?> query) {
          refuseUnlisted(query, "This filter");
        }
      } else if (command instanceof SaveFilterCmd) {
        Filter filter = CommandFields.read(command, SaveFilterCmd.class, "filter");
        if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
          refuseUnlisted(query, "A filter");
        }
      }
      return next.execute(command);
    }

    private static void refuseAny(AbstractQuery<?, ?> query, String what) {
      List<Map.Entry<String, String>> expressions = expressions(query);
      if (!expressions.isEmpty()) {
        throw refusal(what + " may not contain expressions", expressions.get(0).getKey());
      }
    }

    private static void refuseUnlisted(AbstractQuery<?, ?> query, String what) {
      for (Map.Entry<String, String> expression : expressions(query)) {
        if (!FilterExpressions.ALLOWED.contains(expression.getValue())) {
          throw refusal(
              what + " may contain only the expressions of the application's own filters",
              expression.getKey());
        }
      }
    }

    private static BadUserRequestException refusal(String rule, String key) {
      String field = key + "Expression";
      log.warn("Refused a query with an expression in '{}'", field);
      return new BadUserRequestException(rule + " ('" + field + "').");
    }

    /**
     * The expressions of a query and, for a task query, of its or-queries at any depth. An or-query
     * shares its parent's list of queries, so each query is visited once.
     */
    static List<Map.Entry<String, String>> expressions(AbstractQuery<?, ?> query) {
      List<Map.Entry<String, String>> found = new ArrayList<>();
      collect(query, Collections.newSetFromMap(new IdentityHashMap<>()), found);
      return found;
    }

    private static void collect(
        AbstractQuery<?, ?> query, Set<Object> seen, List<Map.Entry<String, String>> found) {
      if (query == null || !seen.add(query)) {
        return;
      }
      if (query.getExpressions() != null) {
        found.addAll(query.getExpressions().entrySet());
      }
      if (query instanceof TaskQueryImpl task && task.getQueries() != null) {
        for (TaskQueryImpl orQuery : task.getQueries()) {
          collect(orQuery, seen, found);
        }
      }
    }
  }
}
