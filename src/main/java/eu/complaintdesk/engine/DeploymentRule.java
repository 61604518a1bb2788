package eu.complaintdesk.engine;

import java.util.List;

/**
 * A feature's own check of the resources a new deployment brings (a Spring bean of this type;
 * {@link DeploymentRules} asks every one). What it finds refuses the whole deployment, as {@link
 * DeploymentGuard}'s own checks do: the engine's {@code ParseException} naming the resource (engine
 * REST and Camunda Modeler: 400 with the messages).
 */
public interface DeploymentRule {

  /**
   * What is wrong with the resource, one clear sentence each for the process owner; empty when
   * nothing is (or the resource is none of this rule's).
   */
  List<String> problems(String resourceName, byte[] resource);
}
