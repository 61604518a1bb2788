package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs every {@link DeploymentRule} on each resource of a new deployment, before the engine's own
 * deployers: a resource a rule finds fault with refuses the deployment as a whole, so nothing of it
 * is stored. Older deployments the engine loads into its cache are not checked again.
 */
@Component
class DeploymentRules extends AbstractProcessEnginePlugin {

  private final Supplier<List<DeploymentRule>> rules;

  DeploymentRules(ObjectProvider<DeploymentRule> rules) {
    this.rules = SingletonSupplier.of(() -> rules.orderedStream().toList());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(this::check);
    configuration.setCustomPreDeployers(deployers);
  }

  void check(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      List<String> problems = new ArrayList<>();
      for (DeploymentRule rule : rules.get()) {
        problems.addAll(rule.problems(resource.getName(), resource.getBytes()));
      }
      if (!problems.isEmpty()) {
        throw new ParseException(
            "Deployment refused: " + String.join(" ", problems),
            resource.getName(),
            new ArrayList<Problem>(
                problems.stream().map(message -> new DeploymentFinding(message, null)).toList()),
            new ArrayList<>());
      }
    }
  }
}
