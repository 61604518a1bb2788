package eu.complaintdesk.intake;

import static eu.complaintdesk.process.ComplaintVariables.CATEGORY_HINT;
import static eu.complaintdesk.process.ComplaintVariables.CHANNEL;
import static eu.complaintdesk.process.ComplaintVariables.COMPLAINT_ID;
import static eu.complaintdesk.process.ComplaintVariables.EXTENDED;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE_HINT;
import static eu.complaintdesk.process.ComplaintVariables.LANGUAGE;
import static eu.complaintdesk.process.ComplaintVariables.REGISTRATION_NUMBER;
import static eu.complaintdesk.process.ComplaintVariables.RESPONSE_DUE_AT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.attachment.CheckedFile;
import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.deadline.DeadlineService;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.process.CaseDecisions;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.RegisteredComplaint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;
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
  private final CaseDecisions decisions;
  private final WorkingCalendar calendar;
  private final RuntimeService runtime;
  private final IdempotentSubmissions idempotent;
  private final ObjectMapper json;
  private final AttachmentService attachments;
  private final Validator validator;
  private final IntakeMetrics metrics;

  IntakeService(
      ComplaintRegister register,
      DeadlineService deadlines,
      CaseDecisions decisions,
      WorkingCalendar calendar,
      RuntimeService runtime,
      IdempotentSubmissions idempotent,
      ObjectMapper json,
      AttachmentService attachments,
      Validator validator,
      IntakeMetrics metrics) {
    this.register = register;
    this.deadlines = deadlines;
    this.decisions = decisions;
    this.calendar = calendar;
    this.runtime = runtime;
    this.idempotent = idempotent;
    this.json = json;
    this.attachments = attachments;
    this.validator = validator;
    this.metrics = metrics;
  }

  /** As {@link #submit(Submission, List, Channel, Instant, String, String)} without files. */
  @Transactional
  public Receipt submit(
      Submission submission,
      Channel channel,
      Instant receivedAt,
      String registeredBy,
      String idempotencyKey) {
    return submit(submission, List.of(), channel, receivedAt, registeredBy, idempotencyKey);
  }

  /**
   * Registers the submission with its files and starts its case. The files are checked first (by
   * content: PDF, JPEG or PNG, within the configured number and size); if any is refused the whole
   * submission is, with an {@link ApiProblem} naming the file's field, and nothing is stored. With
   * an idempotency key, a retry of the same request (the same files included) gets the first result
   * and a different request with the same key is refused.
   *
   * @param attachments the files as sent, none if empty
   * @param registeredBy staff user id, {@code null} for self-service
   * @param idempotencyKey optional
   */
  @Transactional
  public Receipt submit(
      Submission submission,
      List<UploadedFile> attachments,
      Channel channel,
      Instant receivedAt,
      String registeredBy,
      String idempotencyKey) {
    checkValid(submission);
    List<CheckedFile> files = this.attachments.checkAll(attachments);
    if (idempotencyKey == null) {
      return register(submission, files, channel, receivedAt, registeredBy);
    }
    String requestHash =
        IdempotentSubmissions.hash(canonical(submission, files, channel, registeredBy));
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
    Receipt receipt = register(submission, files, channel, receivedAt, registeredBy);
    idempotent.remember(
        idempotencyKey,
        new IdempotentSubmissions.First(
            requestHash, receipt.complaintId(), receipt.accessCode(), receipt.responseDueDate()));
    return receipt;
  }

  /**
   * The same rules as the API's (for callers such as the web pages and the e-mail inbox that do not
   * come through it): an {@link ApiProblem} naming the first wrong field.
   */
  public void checkValid(Submission submission) {
    Set<ConstraintViolation<Submission>> violations = validator.validate(submission);
    violations.stream()
        .min(
            Comparator.comparing(
                (ConstraintViolation<Submission> v) -> v.getPropertyPath().toString()))
        .ifPresent(
            first -> {
              String field = first.getPropertyPath().toString();
              throw new ApiProblem(
                  HttpStatus.BAD_REQUEST, field, field + ": " + first.getMessage());
            });
  }

  /** Public submissions carry no receipt time, so a retry later on is still the same request. */
  private String canonical(
      Submission submission, List<CheckedFile> files, Channel channel, String registeredBy) {
    try {
      StringBuilder canonical =
          new StringBuilder()
              .append(channel)
              .append('|')
              .append(registeredBy)
              .append('|')
              .append(json.writeValueAsString(submission));
      for (CheckedFile file : files) {
        canonical.append("|file:").append(file.fileName()).append(':').append(file.sha256());
      }
      return canonical.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A submission is always serialisable", e);
    }
  }

  private Receipt register(
      Submission submission,
      List<CheckedFile> files,
      Channel channel,
      Instant receivedAt,
      String registeredBy) {
    // the due date the customer is told comes from the tables of the definition the case starts on
    String processDefinitionId = decisions.processDefinitionForNewCase();
    Instant due = deadlines.responseDue(processDefinitionId, receivedAt, null, false, 0);
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
            .createProcessInstanceById(processDefinitionId)
            .businessKey(registered.registrationNumber())
            .setVariables(
                Variables.createVariables()
                    .putValue(COMPLAINT_ID, registered.id())
                    .putValue(REGISTRATION_NUMBER, registered.registrationNumber())
                    .putValue(CHANNEL, channel.name())
                    .putValue(LANGUAGE, submission.language().name())
                    .putValue(CATEGORY_HINT, blankToNull(submission.categoryHint()))
                    .putValue(FEEDBACK_TYPE_HINT, hint(submission.feedbackTypeHint()))
                    .putValue(RESPONSE_DUE_AT, Date.from(due))
                    // pausedWorkingDays is not set: none paused reads as 0 (issue 13, one row
                    // fewer at runtime and in history until the clock first stands still)
                    .putValue(EXTENDED, false))
            .execute();
    register.linkProcessInstance(registered.id(), instance.getId());
    attachments.store(registered.id(), null, files);
    metrics.registered(channel);
    return new Receipt(
        registered.id(),
        registered.registrationNumber(),
        registered.accessCode(),
        receivedAt,
        calendar.localDate(due));
  }

  /** The customer's word as the decision reads it; none (null) when they did not say. */
  private static String hint(FeedbackTypeHint hint) {
    return hint == null ? null : hint.name();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
