package eu.complaintdesk.directory;

import eu.complaintdesk.engine.DeploymentRule;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * Refuses a deployment whose {@code OrganisationDirectory} table has a broken row ({@link
 * DirectoryRows}), naming each: a process owner's typo is caught in Camunda Modeler when deploying,
 * not by a case that cannot send its inquiry. The table is evaluated as the engine will, with a DMN
 * engine of its own (FEEL, no inputs).
 */
@Component
class DirectoryDeploymentRule implements DeploymentRule {

  private final DmnEngine dmn =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

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
      DmnDecision decision = dmn.parseDecision(OrganisationDirectory.DECISION, model);
      return DirectoryRows.check(
              dmn
                  .evaluateDecisionTable(decision, Variables.createVariables())
                  .getResultList()
                  .stream()
                  .map(row -> (java.util.Map<String, Object>) new java.util.LinkedHashMap<>(row))
                  .toList())
          .problems();
    } catch (RuntimeException broken) {
      return List.of(
          "OrganisationDirectory cannot be evaluated without inputs (hit policy COLLECT, no"
              + " inputs, one row per organisation): "
              + broken.getMessage());
    }
  }
}
