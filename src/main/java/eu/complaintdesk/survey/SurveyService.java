package eu.complaintdesk.survey;

import eu.complaintdesk.deadline.DeadlineService;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.system.Organisation;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The satisfaction survey after an answer: invitation, answer, expiry. */
@Service
public class SurveyService {

  /** What became of a survey answer. */
  public enum Result {
    RECORDED,
    UNKNOWN,
    EXPIRED,
    ALREADY_ANSWERED
  }

  private final ComplaintRegister register;
  private final Surveys surveys;
  private final DeadlineService deadlines;
  private final NotificationService notifications;
  private final RuntimeService runtime;
  private final Organisation organisation;
  private final Clock clock;

  SurveyService(
      ComplaintRegister register,
      Surveys surveys,
      DeadlineService deadlines,
      NotificationService notifications,
      RuntimeService runtime,
      Organisation organisation,
      Clock clock) {
    this.register = register;
    this.surveys = surveys;
    this.deadlines = deadlines;
    this.notifications = notifications;
    this.runtime = runtime;
    this.organisation = organisation;
    this.clock = clock;
  }

  /** Opens a survey and invites the customer; returns when it expires. */
  Instant invite(
      long complaintId, String processDefinitionId, String feedbackType, String effectKey) {
    Instant expiresAt = deadlines.surveyExpiry(processDefinitionId, feedbackType);
    String token = surveys.open(complaintId, expiresAt);
    // Whoever has the link may answer the survey: staff read the outbox, so it shows it masked.
    notifications.notifyCustomerWithSecrets(
        complaintId,
        NotificationKind.SURVEY_INVITATION,
        Map.of("surveyExpiresDate", expiresAt),
        Map.of("surveyLink", organisation.publicBaseUrl() + "/surveys/" + token),
        effectKey);
    return expiresAt;
  }

  /** The survey of this token, if there is one. */
  public Optional<Survey> find(String token) {
    return surveys.find(token);
  }

  void close(long complaintId) {
    register.changeStatus(complaintId, ComplaintStatus.CLOSED, "system", "Case closed");
  }

  /** Records the customer's rating and lets the process close the case. */
  @Transactional
  public Result answer(String token, int score, String comment) {
    Survey survey = surveys.lock(token).orElse(null);
    if (survey == null) {
      return Result.UNKNOWN;
    }
    if (survey.answeredAt() != null) {
      return Result.ALREADY_ANSWERED;
    }
    Complaint complaint = register.get(survey.complaintId());
    boolean waiting =
        runtime
                .createEventSubscriptionQuery()
                .eventName(ComplaintProcess.MESSAGE_SURVEY_ANSWERED)
                .processInstanceId(complaint.processInstanceId())
                .count()
            > 0;
    if (!waiting || clock.instant().isAfter(survey.expiresAt())) {
      return Result.EXPIRED;
    }
    surveys.answer(token, score, comment);
    runtime
        .createMessageCorrelation(ComplaintProcess.MESSAGE_SURVEY_ANSWERED)
        .processInstanceId(complaint.processInstanceId())
        .correlate();
    return Result.RECORDED;
  }
}
