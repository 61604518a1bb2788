package eu.complaintdesk.operations;

import eu.complaintdesk.security.StaffSignIn;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health, metrics and who may read them (README "Operations"). Infrastructure timings use the
 * system clock, not the application's business clock.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  /** While the database is away, connections are refused at once ({@link FailFastDataSource}). */
  @Bean
  static BeanPostProcessor failFastDataSource() {
    return FailFastDataSource.wrapping();
  }

  @Bean
  MeterBinder backlogGauges(
      ManagementService management,
      RuntimeService runtime,
      JdbcClient jdbc,
      @Value("${complaints.operations.metrics-max-age:PT10S}") Duration maxAge) {
    return new BacklogGauges(management, runtime, jdbc, Clock.systemUTC(), maxAge);
  }

  @Bean
  FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(ProcessEngine engine) {
    FilterRegistrationBean<ActuatorAccessFilter> registration =
        new FilterRegistrationBean<>(
            new ActuatorAccessFilter(new StaffSignIn(engine), engine.getIdentityService()));
    registration.setName("actuator-access");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }
}
