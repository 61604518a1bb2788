package eu.complaintdesk.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A user task was completed with a variable that the contract does not allow. The engine REST API
 * answers it with 400 (as any form field validation), Tasklist shows the message.
 */
public class InvalidTaskInput extends FormFieldValidationException {

  public InvalidTaskInput(String variable, String message) {
    super(variable, "'" + variable + "' " + message);
  }
}
