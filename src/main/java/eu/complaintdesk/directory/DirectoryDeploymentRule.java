package eu.complaintdesk.directory;

import eu.complaintdesk.engine.DeploymentRule;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose {@code OrganisationDirectory} table has a broken row ({@link
 * DirectoryRows}), naming each: a process owner's typo is caught in Camunda Modeler when deploying,
 * not by a case that cannot send its inquiry. The table is evaluated as the engine will ({@link
 * DirectoryRows#evaluate}: FEEL, no inputs).
 */
@Component
class DirectoryDeploymentRule implements DeploymentRule {

  @Override
  public List<String> problems(String resourceName, byte[] resource) {
    if (!resourceName.endsWith(".dmn") && !resourceName.endsWith(".dmn11.xml")) {
      return List.of();
    }
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(resource));
    } catch (RuntimeException unreadable) {
      return List.of(); // the engine's own parser names what is wrong
    }
    if (!(model.getModelElementById(OrganisationDirectory.DECISION) instanceof Decision)) {
      return List.of();
    }
    try {
      return DirectoryRows.evaluate(model).problems();
    } catch (IllegalArgumentException broken) {
      return List.of(broken.getMessage());
    }
  }
}
