package eu.complaintdesk.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * Copies named outputs of a business rule task's decision into process variables, from an {@code
 * end} listener of that task. The model may not reach into the result itself ({@code
 * ${decisionResult.getSingleResult().x}} is a method call, refused at deployment), and the whole
 * result as a variable would be a serialized Java object. The engine keeps the result of the task's
 * decision as the transient variable {@code decisionResult} of the task's execution until the task
 * is left, so its end listeners read it there. Each variable is set as an output mapping would:
 * where it already exists, otherwise on the process instance.
 */
public final class DecisionOutputs {

  private static final String DECISION_RESULT = "decisionResult";

  private DecisionOutputs() {}

  /** An end listener that copies the named outputs of the single result (null when none). */
  public static ExecutionListener copy(String... outputs) {
    return execution -> {
      Map<String, Object> result = singleResult(execution);
      for (String output : outputs) {
        execution.setVariable(output, result.get(output));
      }
    };
  }

  /** The outputs of the single rule that matched; empty when none did. */
  public static Map<String, Object> singleResult(DelegateExecution execution) {
    if (!(execution.getVariableLocal(DECISION_RESULT) instanceof DmnDecisionResult result)) {
      throw new IllegalStateException(
          "No decision result at " + execution.getCurrentActivityId() + ": not an end listener?");
    }
    DmnDecisionResultEntries single = result.getSingleResult();
    return single == null ? Map.of() : single.getEntryMap();
  }
}
