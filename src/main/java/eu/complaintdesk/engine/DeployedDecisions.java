package eu.complaintdesk.engine;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.springframework.stereotype.Component;

/**
 * The latest deployed version of a decision, read as the system reads it: without the user's
 * authorizations (a handler may not read decision definitions, yet the directory a decision table
 * holds is theirs to use) and from the engine's deployment cache. For a table that holds data
 * rather than a rule a case must keep: the application evaluates the model itself, so reading it
 * writes no decision history.
 */
@Component
public class DeployedDecisions {

  /** A deployed decision: its definition id (never changes) and its model. */
  public record Latest(String definitionId, DmnModelInstance model) {}

  private final ProcessEngine engine;

  DeployedDecisions(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The latest deployed version of the decision with the key, if one is deployed. */
  public Optional<Latest> latest(String decisionKey) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () -> {
                      DecisionDefinitionEntity definition =
                          context
                              .getDecisionDefinitionManager()
                              .findLatestDecisionDefinitionByKey(decisionKey);
                      if (definition == null) {
                        return Optional.<Latest>empty();
                      }
                      DmnModelInstance model =
                          configuration
                              .getDeploymentCache()
                              .findDmnModelInstanceForDecisionDefinition(definition.getId());
                      return Optional.of(new Latest(definition.getId(), model));
                    }));
  }
}
