package eu.complaintdesk.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Evaluates a decision as a case's own model does: the version deployed together with the case's
 * process definition (what {@code camunda:decisionRefBinding="deployment"} means in the BPMN), so a
 * running case keeps the rules it started with when a process owner deploys a changed table. A
 * deployment that holds no such decision (a process deployed without its tables) is an error, as it
 * is for the model's business rule tasks: the step fails and becomes an incident, rather than
 * deciding by whatever table was deployed last. Every decision the application evaluates from Java
 * goes through here.
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
    if (definition == null) {
      throw new ProcessEngineException(
          "Deployment "
              + deploymentId
              + " of process definition "
              + processDefinitionId
              + " holds no decision "
              + decisionKey
              + ": deploy the process together with its decisions (as Camunda Modeler does)");
    }
    return decisions
        .evaluateDecisionById(definition.getId())
        .variables(Variables.fromMap(variables))
        .evaluate();
  }

  /**
   * The process definition a case starts on now: the latest {@value ComplaintProcess#PROCESS_KEY}.
   * A case whose process has not started yet (the intake computing the first due date) is decided
   * as that definition's deployment decides, and is then started on this very definition (by id,
   * not by key), so that a deployment in between cannot give the customer a date from another table
   * than the case's.
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
