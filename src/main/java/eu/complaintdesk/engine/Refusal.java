package eu.complaintdesk.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The one way our rules refuse what a user asked the engine for: a task completed without what its
 * step needs or with a variable that is not the task's, a variable naming who acted, the four-eyes
 * rule on claiming or completing a review. The change is not made, the transaction rolls back, and
 * the caller gets the message: Tasklist shows it, the engine REST API and the webapps' API answer
 * 400 with it ({@link TaskRuleErrors} notes it on the request; {@link EngineErrorBodies} puts the
 * 400 right where the engine's REST layer would answer 500), a Java caller gets this exception.
 *
 * <p>Two refusals keep the engine's own types because its clients read them: what a user may not do
 * at all is the engine's {@code AuthorizationException} (403; Tasklist and Cockpit explain it), and
 * a refused deployment is the engine's {@code ParseException} (400 with a finding per element,
 * which Modeler lists).
 *
 * <p>A form field validation error is the one kind the REST API already answers with 400 on every
 * way of completing a task, hence the base class.
 */
public class Refusal extends FormFieldValidationException {

  private Refusal(String field, String message) {
    super(field, message);
  }

  /** A value of a task's input that is missing or wrong: "'field' problem". */
  public static Refusal invalid(String field, String problem) {
    return new Refusal(field, "'" + field + "' " + problem);
  }

  /**
   * A rule forbids the action (e.g. four-eyes); the message says which, {@code field} may be null.
   */
  public static Refusal rule(String field, String message) {
    return new Refusal(field, message);
  }

  /** The refusal in the chain of causes of {@code thrown}, or {@code null}. */
  public static Refusal in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof Refusal refusal) {
        return refusal;
      }
    }
    return null;
  }
}
