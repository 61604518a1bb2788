package eu.complaintdesk.intake;

import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.attachment.CheckedFile;
import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** What a customer may do with their case at any time: send more information, withdraw. */
@Service
public class CustomerRequests {

  static final int ATTEMPTS = 5;

  private final ComplaintRegister register;
  private final CustomerMessages customerMessages;
  private final RuntimeService runtime;
  private final AttachmentService attachments;
  private final TransactionTemplate transactions;
  private final TransactionTemplate retriedTransactions;

  CustomerRequests(
      ComplaintRegister register,
      CustomerMessages customerMessages,
      RuntimeService runtime,
      AttachmentService attachments,
      PlatformTransactionManager transactionManager) {
    this.register = register;
    this.customerMessages = customerMessages;
    this.runtime = runtime;
    this.attachments = attachments;
    this.transactions = new TransactionTemplate(transactionManager);
    this.retriedTransactions = new TransactionTemplate(transactionManager);
    this.retriedTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** As {@link #supplyInformation(Complaint, String, List)} without files. */
  public void supplyInformation(Complaint complaint, String message) {
    supplyInformation(complaint, message, List.of());
  }

  /**
   * Keeps the message and its files in the register. If the case waits for missing information,
   * this is it; otherwise the handler is shown the message. A message to a finished case is only
   * kept. The files are checked first; if any is refused nothing is kept ({@link
   * eu.complaintdesk.problem.ApiProblem} naming the file's field).
   *
   * <p>The message is kept (committed) before the case is told, so that a case changing at the same
   * moment (a job of the process running) never loses it: telling the case is retried a few times,
   * each in a transaction of its own. The message and files show in the forms of its open tasks
   * from then on (their case facts are read from the register when a form opens).
   */
  public void supplyInformation(
      Complaint complaint, String message, List<UploadedFile> attachments) {
    supplyInformation(complaint, message, attachments, () -> {}, () -> {});
  }

  /**
   * As {@link #supplyInformation(Complaint, String, List)}, with more writes of the caller ({@code
   * keptWith}) that commit together with the message, or roll it back if they fail, and others
   * ({@code toldWith}) that commit together with telling the case: the e-mail inbox records there
   * that the e-mail was taken in and that its case was told, so that it never keeps one e-mail
   * twice, never marks one taken in whose message was not kept, and tells a case again ({@link
   * #tellCase}) when the message was kept but telling the case failed.
   */
  public void supplyInformation(
      Complaint complaint,
      String message,
      List<UploadedFile> attachments,
      Runnable keptWith,
      Runnable toldWith) {
    List<CheckedFile> files = this.attachments.checkAll(attachments);
    transactions.executeWithoutResult(
        status -> {
          long messageId = customerMessages.add(complaint.id(), message);
          this.attachments.store(complaint.id(), messageId, files);
          keptWith.run();
        });
    tellCase(complaint, toldWith);
  }

  /**
   * Tells the case that the customer sent a message, which is kept already: if it waits for missing
   * information, this is it; otherwise the handler is shown the message; a finished case is not
   * told. Retried a few times on a conflict, each attempt in a transaction of its own, which {@code
   * toldWith} joins.
   *
   * <p>Not idempotent by itself: telling a case twice shows the handler the message twice, or
   * resumes a case that waits again with an old message. A caller that repeats it records in {@code
   * toldWith} that the case was told, and repeats only what was not recorded.
   */
  public void tellCase(Complaint complaint, Runnable toldWith) {
    retriedOnConflict(
        () -> {
          Complaint current = register.get(complaint.id());
          if (!current.status().isFinal()) {
            String messageName =
                isWaitingFor(current, ComplaintProcess.MESSAGE_INFORMATION_SUPPLIED)
                    ? ComplaintProcess.MESSAGE_INFORMATION_SUPPLIED
                    : ComplaintProcess.MESSAGE_CUSTOMER_MESSAGE_RECEIVED;
            if (isWaitingFor(current, messageName)) {
              runtime
                  .createMessageCorrelation(messageName)
                  .processInstanceId(current.processInstanceId())
                  .correlate();
            }
          }
          toldWith.run();
        });
  }

  /** Withdraws a case that is still being handled. */
  public void withdraw(Complaint complaint) {
    retriedOnConflict(
        () -> {
          Complaint current = register.get(complaint.id());
          if (current.status().isFinal()
              || !isWaitingFor(current, ComplaintProcess.MESSAGE_WITHDRAWAL_REQUESTED)) {
            throw new ApiProblem(
                HttpStatus.CONFLICT,
                null,
                "This case is already finished and cannot be withdrawn.");
          }
          runtime
              .createMessageCorrelation(ComplaintProcess.MESSAGE_WITHDRAWAL_REQUESTED)
              .processInstanceId(current.processInstanceId())
              .correlate();
        });
  }

  /**
   * Runs the step in a transaction of its own; if the case changed at the same moment, the step
   * rolled back entirely and is run again, up to {@link #ATTEMPTS} times.
   */
  private void retriedOnConflict(Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        retriedTransactions.executeWithoutResult(status -> step.run());
        return;
      } catch (OptimisticLockingException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
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
