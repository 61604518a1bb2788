package eu.complaintdesk.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Tells an operator which setting is missing in the one line Spring Boot prints when the start
 * fails ("APPLICATION FAILED TO START"), rather than a wall of nested bean creation errors.
 * Registered in {@code META-INF/spring.factories}.
 */
class MissingSettingAnalyzer extends AbstractFailureAnalyzer<MissingSetting> implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingSetting cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set it (for example in the environment) and start again; see README \"PostgreSQL\".",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
