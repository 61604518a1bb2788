package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RefusalLogFilterTest {

  private static final String FORMAT = "ENGINE-16004 Exception while closing command context: {}";

  @Test
  void ruleRefusalsLeaveNoErrorLineAndRealFailuresDo() {
    new RefusalLogFilter();
    new RefusalLogFilter(); // a second instance (another Spring context) adds no second filter
    Logger engine = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    Level level = engine.getLevel(); // the test profile turns this logger off
    engine.setLevel(Level.ERROR);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    engine.addAppender(appender);
    try {
      engine.error(
          FORMAT,
          "refused",
          new ProcessEngineException(
              "Exception while invoking TaskListener",
              Refusal.invalid("missingInformation", "is required")));
      engine.error(FORMAT, "boom", new IllegalStateException("boom"));

      assertThat(appender.list)
          .singleElement()
          .satisfies(
              event ->
                  assertThat(event.getThrowableProxy().getClassName())
                      .isEqualTo(IllegalStateException.class.getName()));
    } finally {
      engine.detachAppender(appender);
      engine.setLevel(level);
    }
  }
}
