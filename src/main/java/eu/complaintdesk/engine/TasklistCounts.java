package eu.complaintdesk.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The task counts Tasklist shows may be up to {@code complaints.tasklist.count-seconds} (10) old
 * (docs/adr/0016). Tasklist asks for the exact number of tasks of a filter with every page it loads
 * (the list's {@code count}) and again for every filter beside it ({@code itemCount}); at 100,000
 * open cases that count reads every task the user may see, and a registrar sees most of them
 * (hundreds of milliseconds, several times per page). The list of tasks itself is always read now;
 * only the number beside it may lag by a few seconds.
 *
 * <p>Only what Tasklist asks for through the webapps' engine API ({@code
 * /camunda/api/engine/engine/{name}/filter…}) is counted from the cache; the engine REST API
 * ({@code /engine-rest}), Cockpit's and the application's own queries always count now. The cache
 * keys a count by the whole statement and every value bound to it (MyBatis' own cache key), and the
 * values include the user and groups the engine's authorization check was written for: a count is
 * only ever reused for the same user asking the same question, and never shows a task. A user whose
 * authorizations change sees the old number for at most the same time.
 */
@Component
public class TasklistCounts extends AbstractProcessEnginePlugin {

  static final String COUNT_STATEMENT =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria";

  /** Tasklist's filter requests on the webapps' engine API: lists, counts, the filters' counts. */
  static final Pattern TASKLIST_FILTERS =
      Pattern.compile("/camunda/api/engine/engine/[^/]+/filter(?:/.*)?");

  /** Set while a request of Tasklist's is answered. */
  private static final ThreadLocal<Boolean> FOR_TASKLIST = new ThreadLocal<>();

  private final Cache<CacheKey, List<?>> counts;

  TasklistCounts(@Value("${complaints.tasklist.count-seconds:10}") int seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException("complaints.tasklist.count-seconds must not be negative");
    }
    this.counts =
        seconds == 0
            ? null
            : Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(seconds))
                // a key holds the count's statement (a few KB) and its values: a few MB at most
                .maximumSize(1_000)
                .build();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (counts != null) {
      configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new Cached(counts));
    }
  }

  /** Forgets every count (the benchmark measures the counts computed, too). */
  public void forget() {
    if (counts != null) {
      counts.invalidateAll();
    }
  }

  @Bean
  static FilterRegistrationBean<OncePerRequestFilter> tasklistCountsFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new ForTasklist());
    registration.setName("tasklist-counts");
    registration.addUrlPatterns("/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 26);
    return registration;
  }

  /** Marks the requests of Tasklist's filters for the time they are answered. */
  static final class ForTasklist extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      // the path as the container decoded and resolved it (a raw URI may hold "/filter/../task")
      String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
      return !TASKLIST_FILTERS.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      FOR_TASKLIST.set(Boolean.TRUE);
      try {
        chain.doFilter(request, response);
      } finally {
        FOR_TASKLIST.remove();
      }
    }
  }

  /** The engine's task count, from the cache while a request of Tasklist's is answered. */
  @Intercepts(
      @Signature(
          type = Executor.class,
          method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  static final class Cached implements Interceptor {

    private final Cache<CacheKey, List<?>> counts;

    Cached(Cache<CacheKey, List<?>> counts) {
      this.counts = counts;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      Object[] args = invocation.getArgs();
      if (FOR_TASKLIST.get() == null
          || !(args[0] instanceof MappedStatement statement)
          || !COUNT_STATEMENT.equals(statement.getId())
          || args[3] != null
          || !(invocation.getTarget() instanceof Executor executor)) {
        return invocation.proceed();
      }
      BoundSql bound = statement.getBoundSql(args[1]);
      CacheKey key = executor.createCacheKey(statement, args[1], (RowBounds) args[2], bound);
      List<?> cached = counts.getIfPresent(key);
      if (cached != null) {
        return cached;
      }
      List<?> counted = List.copyOf((List<?>) invocation.proceed());
      counts.put(key, counted);
      return counted;
    }
  }
}
