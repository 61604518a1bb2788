package eu.complaintdesk.engine;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * The engine logs the exception every failed command ends with as ENGINE-16004 at ERROR, with a
 * stack trace — also the refusals our rules make on purpose (a task completed without what the
 * contract requires, the four-eyes rule, a variable that is not the task's), which the caller
 * already gets as a clear 400. Those lines would bury real errors, so they are left out of the log
 * (at DEBUG on {@code eu.complaintdesk.engine.RefusalLogFilter} one line names the refusal); every
 * other ENGINE-16004 stays. Logback only, which is Spring Boot's default.
 */
@Component
class RefusalLogFilter extends TurboFilter {

  private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
  private static final org.slf4j.Logger log = LoggerFactory.getLogger(RefusalLogFilter.class);

  RefusalLogFilter() {
    setName(RefusalLogFilter.class.getName());
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && context.getTurboFilterList().stream().noneMatch(f -> getName().equals(f.getName()))) {
      start();
      context.addTurboFilter(this);
    }
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    // The engine passes the exception as the last parameter, not as the throwable.
    Throwable refusal = Refusal.in(t);
    if (refusal == null && params != null && params.length > 0) {
      refusal = params[params.length - 1] instanceof Throwable thrown ? Refusal.in(thrown) : null;
    }
    if (refusal == null) {
      return FilterReply.NEUTRAL;
    }
    log.debug("Refused by a rule: {}", refusal.getClass().getSimpleName());
    return FilterReply.DENY;
  }
}
