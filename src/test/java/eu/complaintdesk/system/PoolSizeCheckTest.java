package eu.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** A connection pool the job threads could use up refuses the start, naming both keys. */
class PoolSizeCheckTest {

  @Test
  void theShippedSizesPass() {
    assertThat(PoolSizeCheck.problem(20, 6)).isEmpty();
    assertThatCode(() -> check(Map.of(PoolSizeCheck.POOL, "20", PoolSizeCheck.JOB_THREADS, "6")))
        .doesNotThrowAnyException();
  }

  @Test
  void aPoolBelowTwoConnectionsPerJobThreadPlusTheWebRequestsIsRefused() {
    assertThat(PoolSizeCheck.problem(16, 6)).isEmpty();
    assertThat(PoolSizeCheck.problem(15, 6))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains(
                        "spring.datasource.hikari.maximum-pool-size (15)",
                        "camunda.bpm.job-execution.max-pool-size (6)",
                        "at least 2 × 6 + 4 = 16"));
    // the hang of issue 13: no more connections than job threads
    assertThatThrownBy(() -> check(Map.of(PoolSizeCheck.POOL, "6", PoolSizeCheck.JOB_THREADS, "6")))
        .isInstanceOf(MissingSetting.class)
        .hasMessageContaining(PoolSizeCheck.POOL)
        .hasMessageContaining(PoolSizeCheck.JOB_THREADS);
  }

  @Test
  void unsetKeysCountWithTheirLibrariesDefaults() {
    // HikariCP's 10 connections are too few for the starter's 10 job threads
    assertThatThrownBy(() -> check(Map.of()))
        .isInstanceOf(MissingSetting.class)
        .hasMessageContaining("(10)")
        .hasMessageContaining("= 24");
  }

  @Test
  void keysAreReadInEveryFormSpringAccepts() {
    assertThatThrownBy(
            () ->
                check(
                    Map.of(
                        "spring.datasource.hikari.maximumPoolSize",
                        "8",
                        "camunda.bpm.job-execution.max-pool-size",
                        "6")))
        .hasMessageContaining("(8)");
  }

  @Test
  void withoutTheJobExecutorOnlyTheWebRequestsCount() {
    assertThatCode(
            () ->
                check(
                    Map.of(
                        PoolSizeCheck.POOL,
                        "4",
                        PoolSizeCheck.JOB_THREADS,
                        "6",
                        PoolSizeCheck.JOBS_ENABLED,
                        "false")))
        .doesNotThrowAnyException();
  }

  private static void check(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    ConfigurationPropertySources.attach(environment);
    new PoolSizeCheck().postProcessEnvironment(environment, new SpringApplication());
  }
}
