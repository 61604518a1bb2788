package eu.complaintdesk.process;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The process tests together must reach every flow node and sequence flow of the model. */
@TestConfiguration(proxyBeanMethods = false)
class FullCoverage {

  /**
   * Primary: the coverage library registers a default bean as well, and when it finds two it
   * silently falls back to its defaults (no assertion).
   */
  @Bean
  @Primary
  ProcessEngineCoverageProperties processEngineCoverageProperties() {
    return ProcessEngineCoverageProperties.Companion.builder()
        .assertClassCoverageAtLeast(1.0)
        .build();
  }
}
