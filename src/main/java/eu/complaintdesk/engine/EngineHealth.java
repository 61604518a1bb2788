package eu.complaintdesk.engine;

import java.time.Clock;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job executor's part of readiness ({@link JobExecutorHealth}). */
@Configuration(proxyBeanMethods = false)
class EngineHealth {

  /**
   * Named as the Camunda starter's indicator, which it replaces: health component {@code
   * jobExecutor}, part of readiness. Without a job executor (job execution switched off on this
   * node) there is nothing to be ready for: UP. Infrastructure timings use the system clock, not
   * the application's business clock.
   */
  @Bean
  HealthIndicator jobExecutorHealthIndicator(ObjectProvider<JobExecutor> jobExecutor) {
    JobExecutor executor = jobExecutor.getIfAvailable();
    if (executor == null) {
      return () -> Health.up().withDetail("jobExecution", "off on this node").build();
    }
    return new JobExecutorHealth(executor, Clock.systemUTC());
  }
}
