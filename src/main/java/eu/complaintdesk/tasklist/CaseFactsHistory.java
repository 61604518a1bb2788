package eu.complaintdesk.tasklist;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the case facts on tasks ({@link CaseFacts}, personal data from the register) out of the
 * engine's history: no historic variable instance and no historic detail (variable update or form
 * field) of a variable named {@code caseFile…} is written, whatever the process. With history level
 * {@code full} the engine would otherwise keep every value they ever had.
 */
@Component
class CaseFactsHistory extends AbstractProcessEnginePlugin {

  /** Wraps the handler the engine built (the database one and any custom ones). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(
        new WithoutCaseFacts(configuration.getHistoryEventHandler()));
  }

  static boolean isCaseFact(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return isCaseFact(variable.getVariableName());
    }
    return event instanceof HistoricFormPropertyEventEntity field
        && isCaseFact(field.getPropertyId());
  }

  static boolean isCaseFact(String variableName) {
    return variableName != null && variableName.startsWith(CaseFacts.PREFIX);
  }

  static final class WithoutCaseFacts implements HistoryEventHandler {

    private final HistoryEventHandler next;

    WithoutCaseFacts(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isCaseFact(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
