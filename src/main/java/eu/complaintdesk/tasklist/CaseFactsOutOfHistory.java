package eu.complaintdesk.tasklist;

import eu.complaintdesk.engine.KeptOutOfHistory;
import org.springframework.stereotype.Component;

/**
 * The case facts on tasks ({@link CaseFacts}, personal data from the register) never reach the
 * engine's history: no variable named {@code caseFile…}, whatever the process.
 */
@Component
class CaseFactsOutOfHistory implements KeptOutOfHistory {

  @Override
  public boolean keepsOut(String processDefinitionKey, String variableName) {
    return variableName.startsWith(CaseFacts.PREFIX);
  }
}
