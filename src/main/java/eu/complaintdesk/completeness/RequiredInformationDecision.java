package eu.complaintdesk.completeness;

import static eu.complaintdesk.process.ComplaintVariables.REQUIRED_DATA;
import static eu.complaintdesk.process.ComplaintVariables.REQUIRED_DOCUMENTS;

import eu.complaintdesk.process.DecisionOutputs;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code BusinessRuleTask_DetermineRequiredInformation}: what the registrar checks for. */
@Configuration(proxyBeanMethods = false)
class RequiredInformationDecision {

  /**
   * End listener: copies the decision's outputs into {@code requiredData}, {@code
   * requiredDocuments}.
   */
  @Bean
  ExecutionListener requiredInformationListener() {
    return DecisionOutputs.copy(REQUIRED_DATA, REQUIRED_DOCUMENTS);
  }
}
