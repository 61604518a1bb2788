package eu.complaintdesk.intake;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the personal data of the staff start form out of the engine's history: the variables of
 * {@code StaffComplaintRegistration} that carry it are never written to the history tables (the
 * register holds the complaint). Everything else is recorded as usual.
 */
@Component
class StaffRegistrationHistory extends AbstractProcessEnginePlugin {

  /** Wraps the handler the engine built (the database one and any custom ones). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(
        new WithoutFormData(configuration.getHistoryEventHandler()));
  }

  /**
   * A start form variable, or the form field record the engine writes when the form is submitted.
   */
  static boolean isFormData(HistoryEvent event) {
    if (!StaffRegistrationProcess.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
      return false;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return StaffRegistrationProcess.FORM_VARIABLES.contains(variable.getVariableName());
    }
    return event instanceof HistoricFormPropertyEventEntity field
        && StaffRegistrationProcess.FORM_VARIABLES.contains(field.getPropertyId());
  }

  static final class WithoutFormData implements HistoryEventHandler {

    private final HistoryEventHandler next;

    WithoutFormData(HistoryEventHandler next) {
      this.next = next;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isFormData(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
