package eu.complaintdesk.engine;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/**
 * Why a deployment is refused, as the engine reports a parse problem: the message, and the element.
 */
record DeploymentFinding(String message, String elementId) implements Problem {

  @Override
  public String getMessage() {
    return message;
  }

  @Override
  public int getLine() {
    return 0;
  }

  @Override
  public int getColumn() {
    return 0;
  }

  @Override
  public String getMainElementId() {
    return elementId;
  }

  @Override
  public List<String> getElementIds() {
    return elementId == null ? List.of() : List.of(elementId);
  }
}
