package eu.complaintdesk.engine;

/**
 * Variables a feature keeps out of the engine's history: a Spring bean of this type names them, and
 * {@link HistoryFilter} writes no historic variable instance, no historic detail and no form field
 * record of them, whatever the history level.
 */
public interface KeptOutOfHistory {

  /** Whether the variable of that name, in a process of that key, is never written to history. */
  boolean keepsOut(String processDefinitionKey, String variableName);
}
