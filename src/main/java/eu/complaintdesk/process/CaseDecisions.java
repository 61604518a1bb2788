package eu.complaintdesk.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates a decision as a case's own model does: the version deployed together with the case's
 * process definition (what {@code camunda:decisionRefBinding="deployment"} means in the BPMN), so a
 * running case keeps the rules it started with when a process owner deploys a changed table. Falls
 * back to the latest version when that deployment holds no such decision (a process deployed
 * without its tables). Every decision the application evaluates from Java goes through here.
 */
@Component
public class CaseDecisions {

  private final RepositoryService repository;
  private final DecisionService decisions;

  CaseDecisions(RepositoryService repository, DecisionService decisions) {
    this.repository = repository;
    this.decisions = decisions;
  }

  /** The decision of the case running on {@code processDefinitionId}. */
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

  /**
   * The process definition a case starts on now: the latest {@value ComplaintProcess#PROCESS_KEY}.
   * A case whose process has not started yet (the intake computing the first due date) is decided
   * as that definition's deployment decides, not by whatever table was deployed last.
   */
  public String processDefinitionForNewCase() {
    ProcessDefinition latest =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .latestVersion()
            .singleResult();
    if (latest == null) {
      throw new IllegalStateException(ComplaintProcess.PROCESS_KEY + " is not deployed");
    }
    return latest.getId();
  }
}
