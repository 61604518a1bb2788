package eu.complaintdesk.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates a decision as a case's own model does: the version deployed together with the case's
 * process definition (what {@code camunda:decisionRefBinding="deployment"} means in the BPMN), so a
 * running case keeps the rules it started with when a process owner deploys a changed table. Falls
 * back to the latest version when that deployment holds no such decision.
 */
@Component
public class CaseDecisions {

  private final RepositoryService repository;
  private final DecisionService decisions;

  CaseDecisions(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  public DmnDecisionResult evaluate(
      String processDefinitionId, String decisionKey, Map<String, Object> variables) {
    String deploymentId = repository.getProcessDefinition(processDefinitionId).getDeploymentId();
    DecisionDefinition definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .deploymentId(deploymentId)
            .singleResult();
    var evaluation =
        definition == null
            ? decisions.evaluateDecisionByKey(decisionKey)
            : decisions.evaluateDecisionById(definition.getId());
    return evaluation.variables(Variables.fromMap(variables)).evaluate();
  }
}
