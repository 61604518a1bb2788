package eu.complaintdesk.engine;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Drops the history events of variables that a {@link KeptOutOfHistory} bean names: their variable
 * updates and the form field records the engine writes when a form is submitted. With history level
 * {@code full} the engine would otherwise keep every value they ever had. Everything else is
 * recorded as usual.
 */
@Component
class HistoryFilter extends AbstractProcessEnginePlugin {

  /** The rules, looked up once at the first event: every history event asks them. */
  private final Supplier<List<KeptOutOfHistory>> rules;

  HistoryFilter(ObjectProvider<KeptOutOfHistory> rules) {
    this.rules = SingletonSupplier.of(() -> rules.orderedStream().toList());
  }

  /** Wraps the handler the engine built (the database one and any custom ones). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filtering(configuration.getHistoryEventHandler()));
  }

  boolean keepsOut(HistoryEvent event) {
    String name;
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      name = variable.getVariableName();
    } else if (event instanceof HistoricFormPropertyEventEntity field) {
      name = field.getPropertyId();
    } else {
      return false;
    }
    String processKey = event.getProcessDefinitionKey();
    return name != null && rules.get().stream().anyMatch(rule -> rule.keepsOut(processKey, name));
  }

  final class Filtering implements HistoryEventHandler {

    private final HistoryEventHandler next;

    Filtering(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!keepsOut(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
