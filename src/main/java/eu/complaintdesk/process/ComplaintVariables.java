package eu.complaintdesk.process;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of {@code ComplaintHandlingProcess}: each name exists once, here, and is
 * read and written through a typed accessor. Variables hold references and routing facts only; the
 * documents live in the complaint register.
 */
public final class ComplaintVariables {

  // References and intake facts
  public static final String COMPLAINT_ID = "complaintId";
  public static final String REGISTRATION_NUMBER = "registrationNumber";
  public static final String CHANNEL = "channel";
  public static final String LANGUAGE = "language";
  public static final String CATEGORY_HINT = "categoryHint";
  public static final String FEEDBACK_TYPE_HINT = "feedbackTypeHint";

  // DMN suggestion and required information
  public static final String SUGGESTED_FEEDBACK_TYPE = "suggestedFeedbackType";
  public static final String SUGGESTED_CATEGORY = "suggestedCategory";
  public static final String SUGGESTED_PRIORITY = "suggestedPriority";
  public static final String REQUIRED_DATA = "requiredData";
  public static final String REQUIRED_DOCUMENTS = "requiredDocuments";

  // UserTask_CheckCompleteness
  public static final String COMPLETE = "complete";
  public static final String MISSING_INFORMATION = "missingInformation";

  // UserTask_ClassifyComplaint and routing
  public static final String FEEDBACK_TYPE = "feedbackType";
  public static final String CATEGORY = "category";
  public static final String PRIORITY = "priority";
  public static final String TASK_PRIORITY = "taskPriority";
  public static final String CANDIDATE_GROUP = "candidateGroup";
  public static final String REPEAT_COMPLAINT = "repeatComplaint";
  public static final String CLASSIFIED_BY = "classifiedBy";

  // Deadlines (java.util.Date, so that timers and task due dates use them directly)
  public static final String RESPONSE_DUE_AT = "responseDueAt";
  public static final String DRAFT_REMINDER_AT = "draftReminderAt";
  public static final String INFORMATION_DUE_AT = "informationDueAt";
  public static final String SURVEY_EXPIRES_AT = "surveyExpiresAt";
  public static final String CASE_OVERDUE = "caseOverdue";
  public static final String EXTENDED = "extended";
  public static final String PAUSED_WORKING_DAYS = "pausedWorkingDays";

  // UserTask_DraftAnswer
  public static final String DRAFT_ANSWER = "draftAnswer";
  public static final String PROPOSED_OUTCOME = "proposedOutcome";
  public static final String REFUSAL_REASONS = "refusalReasons";
  public static final String NEEDS_EXTERNAL_INFORMATION = "needsExternalInformation";
  public static final String EXTERNAL_ORGANISATIONS = "externalOrganisations";
  public static final String DRAFTED_BY = "draftedBy";
  public static final String DRAFT_ID = "draftId";

  // One external inquiry (multi-instance element)
  public static final String EXTERNAL_ORGANISATION = "externalOrganisation";
  public static final String INQUIRY_ID = "inquiryId";
  public static final String EXTERNAL_REPLY = "externalReply";

  // UserTask_ReviewAnswer
  public static final String ANSWER_APPROVED = "answerApproved";
  public static final String REVIEW_COMMENT = "reviewComment";
  public static final String REVIEWED_BY = "reviewedBy";

  // UserTask_EvaluateProposal, UserTask_AnswerInformationRequest
  public static final String PROPOSAL_ACCEPTED = "proposalAccepted";
  public static final String ANSWER = "answer";

  // Answer and appeal
  public static final String OUTCOME = "outcome";
  public static final String APPEAL_NOTICE_REQUIRED = "appealNoticeRequired";
  public static final String APPEAL_AUTHORITY_NAME = "appealAuthorityName";
  public static final String APPEAL_AUTHORITY_CONTACTS = "appealAuthorityContacts";

  // Inputs that listeners provide to one decision or loop of the model, as transient variables:
  // never stored, never in history (the text is the customer's).
  public static final String CLASSIFICATION_TEXT = "text";
  public static final String ORGANISATION_COUNTRY = "country";
  public static final String ORGANISATION_SECTOR = "sector";
  public static final String EXTERNAL_ORGANISATION_LIST = "externalOrganisationList";

  /**
   * The free text of a case that the register alone keeps: what staff complete tasks with (the
   * request for missing information, drafts, refusal reasons, replies of other organisations,
   * review comments, answers) and the customer's text the decisions read ({@link
   * #CLASSIFICATION_TEXT}). No history of the engine keeps their values (nor a decision input
   * computed from them), and a task's text is removed from the case as soon as the task's
   * completion listener has stored it in the register ({@code engine/FreeTextOutOfEngine}).
   */
  public static final Set<String> FREE_TEXT =
      Set.of(
          MISSING_INFORMATION,
          DRAFT_ANSWER,
          REFUSAL_REASONS,
          EXTERNAL_REPLY,
          REVIEW_COMMENT,
          ANSWER,
          CLASSIFICATION_TEXT);

  /**
   * The prefix of the case facts a task form shows ({@code caseFileAsOf}, …): computed when the
   * form reads its variables ({@code tasklist/FormVariablesWithFacts}), never stored; no user sets
   * and no form submits such a name, and history drops it (tasks of earlier releases stored them).
   */
  public static final String CASE_FACTS_PREFIX = "caseFile";

  /**
   * What the engine itself sets: a multi-instance element's counters (the external inquiries are
   * one) and a business rule task's raw decision result.
   */
  public static final Set<String> ENGINE_SET =
      Set.of(
          "nrOfInstances",
          "nrOfActiveInstances",
          "nrOfCompletedInstances",
          "loopCounter",
          "decisionResult");

  /**
   * The variables a case starts with (intake, the staff API, the staff start form): no task of the
   * case may change them. Not {@linkplain #PROCESS_OWNED owned by the process} in general, because
   * the staff registration's start form ({@code Form_RegisterComplaint}) takes them for the case it
   * registers.
   */
  public static final Set<String> START_VARIABLES = Set.of(CHANNEL, LANGUAGE, CATEGORY_HINT);

  /**
   * The variables the process itself owns: references, routing facts, deadlines, what delegates and
   * listeners record, and what the engine sets ({@link #ENGINE_SET}). No form of any process may
   * take one: a deployment with a form that declares one is refused, and no task takes it even if
   * its form declares it ({@code engine/TaskForms}). A task of the complaint process takes fewer
   * still ({@link #notTakenBy}).
   */
  public static final Set<String> PROCESS_OWNED =
      Stream.concat(
              Stream.of(
                  COMPLAINT_ID,
                  REGISTRATION_NUMBER,
                  FEEDBACK_TYPE_HINT,
                  SUGGESTED_FEEDBACK_TYPE,
                  SUGGESTED_CATEGORY,
                  SUGGESTED_PRIORITY,
                  REQUIRED_DATA,
                  REQUIRED_DOCUMENTS,
                  TASK_PRIORITY,
                  CANDIDATE_GROUP,
                  REPEAT_COMPLAINT,
                  CLASSIFIED_BY,
                  RESPONSE_DUE_AT,
                  DRAFT_REMINDER_AT,
                  INFORMATION_DUE_AT,
                  SURVEY_EXPIRES_AT,
                  CASE_OVERDUE,
                  EXTENDED,
                  PAUSED_WORKING_DAYS,
                  DRAFTED_BY,
                  DRAFT_ID,
                  EXTERNAL_ORGANISATION,
                  INQUIRY_ID,
                  REVIEWED_BY,
                  OUTCOME,
                  APPEAL_NOTICE_REQUIRED,
                  APPEAL_AUTHORITY_NAME,
                  APPEAL_AUTHORITY_CONTACTS,
                  CLASSIFICATION_TEXT,
                  ORGANISATION_COUNTRY,
                  ORGANISATION_SECTOR,
                  EXTERNAL_ORGANISATION_LIST,
                  ComplaintVariables.INQUIRY_REMINDER_AT),
              ENGINE_SET.stream())
          .collect(Collectors.toUnmodifiableSet());

  /**
   * The names a user task of {@code ComplaintHandlingProcess} never takes, whatever its form
   * declares: those the process owns, the start variables, and the contract variables of every
   * other task ({@link ComplaintProcess#TASK_VARIABLES}) — less the task's own contract variables.
   * So a draft form that also asked for {@code feedbackType} and {@code answer} could not send an
   * unreviewed text. A task that is not in the contract (one a process owner adds) takes none of
   * the contract's variables.
   */
  public static Set<String> notTakenBy(String taskDefinitionKey) {
    Set<String> own = ComplaintProcess.TASK_VARIABLES.getOrDefault(taskDefinitionKey, Set.of());
    return Stream.of(
            PROCESS_OWNED.stream(),
            START_VARIABLES.stream(),
            ComplaintProcess.TASK_VARIABLES.values().stream().flatMap(Set::stream))
        .flatMap(names -> names)
        .filter(name -> !own.contains(name))
        .collect(Collectors.toUnmodifiableSet());
  }

  private final VariableScope scope;

  private ComplaintVariables(VariableScope scope) {
    this.scope = scope;
  }

  public static ComplaintVariables of(VariableScope scope) {
    return new ComplaintVariables(scope);
  }

  public long complaintId() {
    return number(COMPLAINT_ID);
  }

  /** Working days the deadline clock has stood still while waiting for the customer. */
  public int pausedWorkingDays() {
    Object value = scope.getVariable(PAUSED_WORKING_DAYS);
    return value == null ? 0 : ((Number) value).intValue();
  }

  public long number(String name) {
    return ((Number) required(name)).longValue();
  }

  public String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public boolean flag(String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }

  public Instant instant(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : ((Date) value).toInstant();
  }

  public void setInstant(String name, Instant value) {
    scope.setVariable(name, value == null ? null : Date.from(value));
  }

  public void set(String name, Object value) {
    scope.setVariable(name, value);
  }

  private Object required(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("Process variable '" + name + "' is missing");
    }
    return value;
  }

  // --- issue 12, partners' replies and the reminder (engineer D) ---------------------------

  /**
   * When an organisation asked for information is reminded ({@code
   * BoundaryEvent_InquiryReplyOverdue} of each inquiry): local to the inquiry, set by its send
   * step.
   */
  public static final String INQUIRY_REMINDER_AT = "inquiryReminderAt";

  // --- issue 12, engineer C: the draft form's directory choice ------------------------------

  /**
   * {@code UserTask_DraftAnswer}, task-local, set when it is created: the organisation directory as
   * the options of the form's checklist ({@code [{label, value}]}, a JSON list). Never in history.
   */
  public static final String EXTERNAL_ORGANISATION_OPTIONS = "externalOrganisationOptions";

  /**
   * {@code UserTask_DraftAnswer}, the form's checklist: the directory ids chosen. With the names in
   * {@code externalOrganisations} it makes {@code externalOrganisations} (ids and names, each
   * once).
   */
  public static final String EXTERNAL_ORGANISATION_CHOICE = "externalOrganisationChoice";

  /**
   * {@code UserTask_DraftAnswer}: what to ask the organisations (free text: kept in the register,
   * never in the engine's history, removed from the case on completion). Optional through the API.
   */
  public static final String INQUIRY_QUESTION = "inquiryQuestion";
}
