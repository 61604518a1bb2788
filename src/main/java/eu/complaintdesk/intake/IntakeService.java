package eu.complaintdesk.intake;

import static eu.complaintdesk.process.ComplaintVariables.CATEGORY_HINT;
import static eu.complaintdesk.process.ComplaintVariables.CHANNEL;
import static eu.complaintdesk.process.ComplaintVariables.COMPLAINT_ID;
import static eu.complaintdesk.process.ComplaintVariables.EXTENDED;
import static eu.complaintdesk.process.ComplaintVariables.LANGUAGE;
import static eu.complaintdesk.process.ComplaintVariables.PAUSED_WORKING_DAYS;
import static eu.complaintdesk.process.ComplaintVariables.REGISTRATION_NUMBER;
import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.deadline.DeadlineService;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.RegisteredComplaint;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a submission and starts its case, in one transaction: either both happen or neither.
 * The process continues asynchronously after the start, so the customer's request never waits for
 * (or fails with) a message being sent.
 */
@Service
public class IntakeService {

  /** What the customer is told at once. */
  public record Receipt(
      long complaintId,
      String registrationNumber,
      String accessCode,
      Instant receivedAt,
      LocalDate responseDueDate) {}

  private final ComplaintRegister register;
  private final DeadlineService deadlines;
  private final WorkingCalendar calendar;
  private final RuntimeService runtime;

  IntakeService(
      ComplaintRegister register,
      DeadlineService deadlines,
      WorkingCalendar calendar,
      RuntimeService runtime) {
    this.register = register;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.runtime = runtime;
  }

  @Transactional
  public Receipt submit(
      Submission submission, Channel channel, Instant receivedAt, String registeredBy) {
    Instant due = deadlines.responseDue(receivedAt, null, false, 0);
    Submission.Customer customer = submission.customer();
    RegisteredComplaint registered =
        register.register(
            new NewComplaint(
                channel,
                submission.language(),
                customer.name().strip(),
                blankToNull(customer.email()),
                blankToNull(customer.phone()),
                blankToNull(customer.customerNumber()),
                blankToNull(customer.address()),
                submission.preferredContact(),
                submission.subject().strip(),
                submission.description().strip(),
                blankToNull(submission.remedySought()),
                blankToNull(submission.categoryHint()),
                receivedAt,
                due,
                registeredBy));
    ProcessInstance instance =
        runtime
            .createProcessInstanceByKey(ComplaintProcess.PROCESS_KEY)
            .businessKey(registered.registrationNumber())
            .setVariables(
                Variables.createVariables()
                    .putValue(COMPLAINT_ID, registered.id())
                    .putValue(REGISTRATION_NUMBER, registered.registrationNumber())
                    .putValue(CHANNEL, channel.name())
                    .putValue(LANGUAGE, submission.language().name())
                    .putValue(CATEGORY_HINT, blankToNull(submission.categoryHint()))
                    .putValue(RESPONSE_DUE_AT, Date.from(due))
                    .putValue(EXTENDED, false)
                    .putValue(PAUSED_WORKING_DAYS, 0))
            .execute();
    register.linkProcessInstance(registered.id(), instance.getId());
    return new Receipt(
        registered.id(),
        registered.registrationNumber(),
        registered.accessCode(),
        receivedAt,
        calendar.localDate(due));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
