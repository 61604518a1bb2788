package eu.complaintdesk.intake;

import eu.complaintdesk.engine.KeptOutOfHistory;
import eu.complaintdesk.process.StaffRegistrationProcess;
import org.springframework.stereotype.Component;

/**
 * The personal data of the staff start form never reaches the engine's history: the variables of
 * {@code StaffComplaintRegistration} that carry it (the register holds the complaint).
 */
@Component
class StaffRegistrationOutOfHistory implements KeptOutOfHistory {

  @Override
  public boolean keepsOut(String processDefinitionKey, String variableName) {
    return StaffRegistrationProcess.PROCESS_KEY.equals(processDefinitionKey)
        && StaffRegistrationProcess.FORM_VARIABLES.contains(variableName);
  }
}
