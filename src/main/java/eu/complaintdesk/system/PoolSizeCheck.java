package eu.complaintdesk.system;

import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start with a connection pool the job executor can exhaust. A send step records its
 * message in a transaction of its own (docs/adr/0007), so each job thread may hold two connections
 * at once; with every connection held by a job thread waiting for its second, no job finishes and
 * the engine hangs until the pool's timeout fails them all. Web requests hold one connection each
 * and wait for none (an intake takes its registration number over the same connection,
 * docs/adr/0015), so they only queue for the pool; a few connections are kept for them, so that
 * Tasklist and the intake are served while every job thread sends.
 *
 * <p>The rule: {@code spring.datasource.hikari.maximum-pool-size} at least 2 × {@code
 * camunda.bpm.job-execution.max-pool-size} + {@link #WEB_CONNECTIONS} (no job threads when {@code
 * camunda.bpm.job-execution.enabled} is false). Checked before anything is built, and reported in
 * the one line of {@link MissingSettingAnalyzer}. Registered in {@code META-INF/spring.factories}.
 */
public class PoolSizeCheck implements EnvironmentPostProcessor {

  static final String POOL = "spring.datasource.hikari.maximum-pool-size";
  static final String JOB_THREADS = "camunda.bpm.job-execution.max-pool-size";
  static final String JOBS_ENABLED = "camunda.bpm.job-execution.enabled";

  /** Connections kept for web requests beyond the job threads' two each. */
  static final int WEB_CONNECTIONS = 4;

  /** HikariCP's default, when the key is not set. */
  static final int DEFAULT_POOL = 10;

  /** Camunda's Spring Boot starter's default, when the key is not set. */
  static final int DEFAULT_JOB_THREADS = 10;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Binder binder = Binder.get(environment);
    int pool = binder.bind(POOL, Integer.class).orElse(DEFAULT_POOL);
    boolean jobsEnabled = binder.bind(JOBS_ENABLED, Boolean.class).orElse(true);
    int jobThreads =
        jobsEnabled ? binder.bind(JOB_THREADS, Integer.class).orElse(DEFAULT_JOB_THREADS) : 0;
    problem(pool, jobThreads)
        .ifPresent(
            message -> {
              throw new MissingSetting(message);
            });
  }

  /** What is wrong with these sizes, if anything. */
  static Optional<String> problem(int pool, int jobThreads) {
    int needed = 2 * jobThreads + WEB_CONNECTIONS;
    if (pool >= needed) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "%s (%d) is too small for %s (%d): each job thread may hold two connections while a"
                + " message is recorded, and %d are kept for web requests, so the pool needs at"
                + " least 2 × %d + %d = %d connections; raise the pool (within the database's"
                + " max_connections for all nodes) or lower the job threads (README"
                + " \"Configuration\")",
            POOL,
            pool,
            JOB_THREADS,
            jobThreads,
            WEB_CONNECTIONS,
            jobThreads,
            WEB_CONNECTIONS,
            needed));
  }
}
