package eu.complaintdesk.intake;

import static eu.complaintdesk.process.ComplaintVariables.CATEGORY_HINT;
import static eu.complaintdesk.process.ComplaintVariables.CHANNEL;
import static eu.complaintdesk.process.ComplaintVariables.COMPLAINT_ID;
import static eu.complaintdesk.process.ComplaintVariables.EXTENDED;
import static eu.complaintdesk.process.ComplaintVariables.LANGUAGE;
import static eu.complaintdesk.process.ComplaintVariables.PAUSED_WORKING_DAYS;
import static eu.complaintdesk.process.ComplaintVariables.REGISTRATION_NUMBER;
import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.deadline.DeadlineService;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.RegisteredComplaint;
import eu.complaintdesk.system.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a submission and starts its case, in one transaction: either both happen or neither.
 * The process continues asynchronously after the start, so the customer's request never waits for
 * (or fails with) a message being sent.
 */
@Service
public class IntakeService {

  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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
  private final IdempotentSubmissions idempotent;
  private final ObjectMapper json;

  IntakeService(
      ComplaintRegister register,
      DeadlineService deadlines,
      WorkingCalendar calendar,
      RuntimeService runtime,
      IdempotentSubmissions idempotent,
      ObjectMapper json) {
    this.register = register;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.runtime = runtime;
    this.idempotent = idempotent;
    this.json = json;
  }

  /**
   * Registers the submission and starts its case. With an idempotency key, a retry of the same
   * request gets the first result and a different request with the same key is refused.
   */
  @Transactional
  public Receipt submit(
      Submission submission,
      Channel channel,
      Instant receivedAt,
      String registeredBy,
      String idempotencyKey) {
    if (idempotencyKey == null) {
      return register(submission, channel, receivedAt, registeredBy);
    }
    String requestHash = IdempotentSubmissions.hash(canonical(submission, channel, registeredBy));
    IdempotentSubmissions.First first = idempotent.find(idempotencyKey).orElse(null);
    if (first != null) {
      if (!first.requestHash().equals(requestHash)) {
        throw new ApiProblem(
            HttpStatus.UNPROCESSABLE_ENTITY,
            IDEMPOTENCY_KEY,
            IDEMPOTENCY_KEY + ": was already used for a different submission");
      }
      Complaint complaint = register.get(first.complaintId());
      return new Receipt(
          complaint.id(),
          complaint.registrationNumber(),
          first.accessCode(),
          complaint.receivedAt(),
          first.dueDate());
    }
    Receipt receipt = register(submission, channel, receivedAt, registeredBy);
    idempotent.remember(
        idempotencyKey,
        new IdempotentSubmissions.First(
            requestHash, receipt.complaintId(), receipt.accessCode(), receipt.responseDueDate()));
    return receipt;
  }

  /** Public submissions carry no receipt time, so a retry later on is still the same request. */
  private String canonical(Submission submission, Channel channel, String registeredBy) {
    try {
      return channel + "|" + registeredBy + "|" + json.writeValueAsString(submission);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A submission is always serialisable", e);
    }
  }

  private Receipt register(
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
