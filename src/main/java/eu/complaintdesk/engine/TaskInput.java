package eu.complaintdesk.engine;

import eu.complaintdesk.text.TextCharacters;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Checks the variables a user task is completed with. A failed check rejects the completion with a
 * {@link Refusal} naming the variable; Tasklist shows it, the REST API answers 400.
 */
public final class TaskInput {

  /** The engine stores a String variable in a column of 4000 characters. */
  public static final int MAX_TEXT = 4_000;

  private final DelegateTask task;

  private TaskInput(DelegateTask task) {
    this.task = task;
  }

  public static TaskInput of(DelegateTask task) {
    return new TaskInput(task);
  }

  public boolean requiredFlag(String name) {
    Object value = task.getVariable(name);
    if (!(value instanceof Boolean flag)) {
      throw Refusal.invalid(name, "must be true or false");
    }
    return flag;
  }

  /** A flag that counts as false when not given; stored as false so gateways can read it. */
  public boolean optionalFlag(String name) {
    Object value = task.getVariable(name);
    if (value == null) {
      task.setVariable(name, false);
      return false;
    }
    if (!(value instanceof Boolean flag)) {
      throw Refusal.invalid(name, "must be true or false");
    }
    return flag;
  }

  public String requiredText(String name) {
    String value = optionalText(name);
    if (value == null) {
      throw Refusal.invalid(name, "is required");
    }
    return value;
  }

  public String optionalText(String name) {
    Object value = task.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    if (text.length() > MAX_TEXT) {
      throw Refusal.invalid(name, "must not be longer than " + MAX_TEXT + " characters");
    }
    if (!TextCharacters.allowed(text)) {
      throw Refusal.invalid(name, "must not contain control characters");
    }
    return text;
  }

  public <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
    String value = requiredText(name);
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
