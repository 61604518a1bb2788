package eu.complaintdesk.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Completing a task is forbidden to this user by a rule (e.g. the drafter completing the review). A
 * {@link RuleViolation} raised while completing: the engine REST API answers completion errors with
 * 400 only for form validation errors (any other error becomes 500), so a refused completion is
 * one. Tasklist shows its message.
 */
public class RefusedCompletion extends FormFieldValidationException {

  public RefusedCompletion(String variable, RuleViolation violation) {
    super(variable, violation.getMessage(), violation);
  }
}
