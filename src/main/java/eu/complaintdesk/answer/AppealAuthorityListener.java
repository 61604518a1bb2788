package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_CONTACTS;
import static eu.complaintdesk.process.ComplaintVariables.APPEAL_AUTHORITY_NAME;
import static eu.complaintdesk.process.ComplaintVariables.LANGUAGE;
import static eu.complaintdesk.process.ComplaintVariables.ORGANISATION_COUNTRY;
import static eu.complaintdesk.process.ComplaintVariables.ORGANISATION_SECTOR;

import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.DecisionOutputs;
import eu.complaintdesk.system.Organisation;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code BusinessRuleTask_DetermineAppealAuthority}: on start gives the decision the organisation's
 * {@code country} and {@code sector} (from configuration, as transient variables); on end sets
 * {@code appealAuthorityName} (in the case's {@code language}, the official name in brackets where
 * it differs) and {@code appealAuthorityContacts} (address, phone, e-mail and website on one line)
 * from the authority it chose.
 */
@Component("appealAuthorityListener")
class AppealAuthorityListener implements ExecutionListener {

  private final Organisation organisation;
  private final AppealAuthorities authorities;

  AppealAuthorityListener(Organisation organisation, AppealAuthorities authorities) {
    this.organisation = organisation;
    this.authorities = authorities;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (EVENTNAME_START.equals(execution.getEventName())) {
      execution.setVariableLocal(
          ORGANISATION_COUNTRY, Variables.stringValue(organisation.country(), true));
      execution.setVariableLocal(
          ORGANISATION_SECTOR, Variables.stringValue(organisation.sector(), true));
    } else {
      Map<String, Object> authority = DecisionOutputs.singleResult(execution);
      execution.setVariable(
          APPEAL_AUTHORITY_NAME,
          authorities.name(authority, ComplaintVariables.of(execution).string(LANGUAGE)));
      execution.setVariable(APPEAL_AUTHORITY_CONTACTS, authorities.contacts(authority));
    }
  }
}
