package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION_LIST;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code SequenceFlow_ToExternalInquiry} (take): the organisations the handler named, one per line
 * of {@code externalOrganisations}, as the list {@code externalOrganisationList} that the
 * multi-instance {@code SubProcess_ExternalInquiry} runs over. Transient: a list would be a
 * serialized Java object, and the subprocess reads it in the same transaction.
 */
@Component("inquiryOrganisationsListener")
class InquiryOrganisationsListener implements ExecutionListener {

  private final ExternalInquiries inquiries;

  InquiryOrganisationsListener(ExternalInquiries inquiries) {
    this.inquiries = inquiries;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariableLocal(
        EXTERNAL_ORGANISATION_LIST,
        Variables.objectValue(inquiries.organisations(execution), true).create());
  }
}
