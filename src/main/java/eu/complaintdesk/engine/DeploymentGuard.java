package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/**
 * Deploying is not running code. Process owners deploy models from Camunda Modeler, and the
 * application deploys its own at start-up; every new deployment, both ways, passes the same checks
 * in the engine (so no URL, API or client escapes them): only BPMN, DMN, forms and PNG images
 * ({@link DeploymentResourceCheck}), DMN in FEEL only (same), and BPMN without scripts, Java
 * classes, connectors or expressions other than names and comparisons ({@link BpmnCodeCheck}). A
 * refused deployment fails as a whole with the engine's {@code ParseException} naming each element
 * (engine REST: 400). The DMN engine is kept on its FEEL engine (not the legacy JUEL one).
 */
@Component
class DeploymentGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getBpmnParseFactory() != null
        && !(configuration.getBpmnParseFactory() instanceof DefaultBpmnParseFactory)) {
      throw new IllegalStateException(
          "Another BPMN parse factory is configured; DeploymentGuard must check every model");
    }
    configuration.setBpmnParseFactory(BpmnCodeCheck.parses());

    List<Deployer> deployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(0, new DeploymentResourceCheck());
    configuration.setCustomPreDeployers(deployers);

    configuration.setDmnFeelEnableLegacyBehavior(false);
  }

  /**
   * A table that names no expression language uses the engine's defaults: they must be FEEL, or the
   * check above would let JUEL through. Refuses to start otherwise.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    boolean feel =
        !configuration.isDmnFeelEnableLegacyBehavior()
            && Stream.of(
                    dmn.getDefaultInputExpressionExpressionLanguage(),
                    dmn.getDefaultInputEntryExpressionLanguage(),
                    dmn.getDefaultOutputEntryExpressionLanguage(),
                    dmn.getDefaultLiteralExpressionLanguage())
                .allMatch(DeploymentResourceCheck::isFeel);
    if (!feel) {
      throw new IllegalStateException(
          "The DMN engine must evaluate decisions with FEEL (dmnFeelEnableLegacyBehavior and the"
              + " default expression languages): DeploymentGuard checks for FEEL only");
    }
  }
}
