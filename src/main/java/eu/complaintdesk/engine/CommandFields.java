package eu.complaintdesk.engine;

import java.lang.reflect.Field;

/**
 * Reads what an engine command was asked to do, for the command interceptors that enforce our rules
 * ({@link TaskVariableGuard}, {@link QueryExpressionGuard}, {@link SignedInActors}). Camunda's
 * commands keep their arguments in private fields and offer no getters; a field that a new engine
 * version renamed fails loudly, never silently lets a command through.
 */
final class CommandFields {

  private CommandFields() {}

  /** Sets {@code declaringClass}'s field {@code fieldName} in {@code command} to {@code value}. */
  static void write(Object command, Class<?> declaringClass, String fieldName, Object value) {
    try {
      Field field = declaringClass.getDeclaredField(fieldName);
      field.setAccessible(true);
      field.set(command, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Camunda's " + declaringClass.getSimpleName() + " has no field " + fieldName, e);
    }
  }

  /** The value of {@code declaringClass}'s field {@code fieldName} in {@code command}. */
  @SuppressWarnings("unchecked")
  static <V> V read(Object command, Class<?> declaringClass, String fieldName) {
    try {
      Field field = declaringClass.getDeclaredField(fieldName);
      field.setAccessible(true);
      return (V) field.get(command);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Camunda's " + declaringClass.getSimpleName() + " has no field " + fieldName, e);
    }
  }
}
