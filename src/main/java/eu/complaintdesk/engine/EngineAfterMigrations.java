package eu.complaintdesk.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine starts only after Flyway has migrated the register: its job executor may run delegates
 * that use the register's tables as soon as it starts.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterMigrations {

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor engineDependsOnFlyway() {
    return new AbstractDependsOnBeanFactoryPostProcessor(
        ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer") {};
  }
}
