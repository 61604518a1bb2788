package eu.complaintdesk.engine;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * An action on a task that a rule forbids, e.g. the drafter claiming the review (four-eyes). The
 * engine REST API answers it with 400.
 */
public class RuleViolation extends NotValidException {

  public RuleViolation(String message) {
    super(message);
  }
}
