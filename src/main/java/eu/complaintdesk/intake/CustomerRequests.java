package eu.complaintdesk.intake;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApiProblem;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a customer may do with their case at any time: send more information, withdraw. */
@Service
public class CustomerRequests {

  private final ComplaintRegister register;
  private final RuntimeService runtime;

  CustomerRequests(ComplaintRegister register, RuntimeService runtime) {
    this.register = register;
    this.runtime = runtime;
  }

  /**
   * Keeps the message in the register. If the case waits for missing information, this is it;
   * otherwise the handler is shown the message. A message to a finished case is only kept.
   */
  @Transactional
  public void supplyInformation(Complaint complaint, String message) {
    register.addCustomerMessage(complaint.id(), message);
    if (complaint.status().isFinal()) {
      return;
    }
    String messageName =
        isWaitingFor(complaint, ComplaintProcess.MESSAGE_INFORMATION_SUPPLIED)
            ? ComplaintProcess.MESSAGE_INFORMATION_SUPPLIED
            : ComplaintProcess.MESSAGE_CUSTOMER_MESSAGE_RECEIVED;
    if (isWaitingFor(complaint, messageName)) {
      runtime
          .createMessageCorrelation(messageName)
          .processInstanceId(complaint.processInstanceId())
          .correlate();
    }
  }

  /** Withdraws a case that is still being handled. */
  @Transactional
  public void withdraw(Complaint complaint) {
    if (complaint.status().isFinal()
        || !isWaitingFor(complaint, ComplaintProcess.MESSAGE_WITHDRAWAL_REQUESTED)) {
      throw new ApiProblem(
          HttpStatus.CONFLICT, null, "This case is already finished and cannot be withdrawn.");
    }
    runtime
        .createMessageCorrelation(ComplaintProcess.MESSAGE_WITHDRAWAL_REQUESTED)
        .processInstanceId(complaint.processInstanceId())
        .correlate();
  }

  private boolean isWaitingFor(Complaint complaint, String messageName) {
    return complaint.processInstanceId() != null
        && runtime
                .createEventSubscriptionQuery()
                .processInstanceId(complaint.processInstanceId())
                .eventType("message")
                .eventName(messageName)
                .count()
            > 0;
  }
}
