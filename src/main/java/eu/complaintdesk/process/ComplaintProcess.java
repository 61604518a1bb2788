package eu.complaintdesk.process;

import static eu.complaintdesk.process.ComplaintVariables.ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_REPLY;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.MISSING_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.NEEDS_EXTERNAL_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSAL_ACCEPTED;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSED_OUTCOME;
import static eu.complaintdesk.process.ComplaintVariables.REFUSAL_REASONS;
import static eu.complaintdesk.process.ComplaintVariables.REVIEW_COMMENT;

import java.util.Map;
import java.util.Set;

/**
 * Ids of {@code bpmn/ComplaintHandlingProcess.bpmn} that code and tests refer to. The user task ids
 * and message names are part of the public contract.
 */
public final class ComplaintProcess {

  public static final String PROCESS_KEY = "ComplaintHandlingProcess";

  // User tasks (public contract)
  public static final String TASK_CHECK_COMPLETENESS = "UserTask_CheckCompleteness";
  public static final String TASK_CLASSIFY_COMPLAINT = "UserTask_ClassifyComplaint";
  public static final String TASK_DRAFT_ANSWER = "UserTask_DraftAnswer";
  public static final String TASK_RECORD_EXTERNAL_REPLY = "UserTask_RecordExternalReply";
  public static final String TASK_REVIEW_ANSWER = "UserTask_ReviewAnswer";
  public static final String TASK_EVALUATE_PROPOSAL = "UserTask_EvaluateProposal";
  public static final String TASK_ANSWER_INFORMATION_REQUEST = "UserTask_AnswerInformationRequest";

  /**
   * The variables that complete each user task (PRODUCT.md; {@code priority} is ours too). A task
   * takes only its own (and a field its form adds that is nobody's, see {@link
   * ComplaintVariables#notTakenBy}); another task's are never its to set.
   */
  public static final Map<String, Set<String>> TASK_VARIABLES =
      Map.of(
          TASK_CHECK_COMPLETENESS, Set.of(COMPLETE, MISSING_INFORMATION),
          TASK_CLASSIFY_COMPLAINT, Set.of(FEEDBACK_TYPE, CATEGORY, PRIORITY),
          TASK_DRAFT_ANSWER,
              Set.of(
                  DRAFT_ANSWER,
                  PROPOSED_OUTCOME,
                  REFUSAL_REASONS,
                  NEEDS_EXTERNAL_INFORMATION,
                  EXTERNAL_ORGANISATIONS),
          TASK_RECORD_EXTERNAL_REPLY, Set.of(EXTERNAL_REPLY),
          TASK_REVIEW_ANSWER, Set.of(ANSWER_APPROVED, REVIEW_COMMENT),
          TASK_EVALUATE_PROPOSAL, Set.of(PROPOSAL_ACCEPTED, ANSWER),
          TASK_ANSWER_INFORMATION_REQUEST, Set.of(ANSWER));

  // Messages correlated by the application
  public static final String MESSAGE_INFORMATION_SUPPLIED = "Message_InformationSupplied";
  public static final String MESSAGE_CUSTOMER_MESSAGE_RECEIVED = "Message_CustomerMessageReceived";
  public static final String MESSAGE_WITHDRAWAL_REQUESTED = "Message_WithdrawalRequested";
  public static final String MESSAGE_SURVEY_ANSWERED = "Message_SurveyAnswered";

  // Service and business rule tasks
  public static final String SEND_ACKNOWLEDGEMENT = "ServiceTask_SendAcknowledgement";
  public static final String SUGGEST_CLASSIFICATION = "BusinessRuleTask_SuggestClassification";
  public static final String PRIORITISE_REGISTRAR_TASKS =
      "BusinessRuleTask_PrioritiseRegistrarTasks";
  public static final String DETERMINE_REQUIRED_INFORMATION =
      "BusinessRuleTask_DetermineRequiredInformation";
  public static final String REQUEST_MISSING_INFORMATION = "ServiceTask_RequestMissingInformation";
  public static final String RESUME_DEADLINE = "ServiceTask_ResumeDeadline";
  public static final String CLOSE_AS_INCOMPLETE = "ServiceTask_CloseAsIncomplete";
  public static final String REGISTER_CLASSIFICATION = "ServiceTask_RegisterClassification";
  public static final String PRIORITISE_CASE = "BusinessRuleTask_PrioritiseCase";
  public static final String ROUTE_COMPLAINT = "BusinessRuleTask_RouteComplaint";
  public static final String SET_RESPONSE_DEADLINE = "ServiceTask_SetResponseDeadline";
  public static final String FORWARD_PRAISE = "ServiceTask_ForwardPraise";
  public static final String THANK_CUSTOMER = "ServiceTask_ThankCustomer";
  public static final String SEND_DRAFT_REMINDER = "ServiceTask_SendDraftReminder";
  public static final String ESCALATE_DRAFT_TO_SUPERVISORS =
      "ServiceTask_EscalateDraftToSupervisors";
  public static final String EXTEND_DEADLINE = "ServiceTask_ExtendDeadline";
  public static final String SEND_EXTENSION_NOTICE = "ServiceTask_SendExtensionNotice";
  public static final String SEND_EXTERNAL_INQUIRY = "ServiceTask_SendExternalInquiry";
  public static final String RECORD_DECISION = "ServiceTask_RecordDecision";
  public static final String SEND_ANSWER = "ServiceTask_SendAnswer";
  public static final String DETERMINE_APPEAL_AUTHORITY =
      "BusinessRuleTask_DetermineAppealAuthority";
  public static final String SEND_APPEAL_NOTICE = "ServiceTask_SendAppealNotice";
  public static final String SEND_SURVEY_INVITATION = "ServiceTask_SendSurveyInvitation";
  public static final String CLOSE_COMPLAINT = "ServiceTask_CloseComplaint";
  public static final String CONFIRM_WITHDRAWAL = "ServiceTask_ConfirmWithdrawal";
  public static final String SHOW_CUSTOMER_MESSAGE = "ServiceTask_ShowCustomerMessage";
  public static final String CHECK_CASE_DEADLINE = "ServiceTask_CheckCaseDeadline";
  public static final String ESCALATE_TO_MANAGERS = "ServiceTask_EscalateToManagers";

  // Timers
  public static final String INFORMATION_WAIT_EXPIRED = "TimerEvent_InformationWaitExpired";
  public static final String DRAFT_REMINDER_DUE = "BoundaryEvent_DraftReminderDue";
  public static final String DRAFT_OVERDUE = "BoundaryEvent_DraftOverdue";
  public static final String SURVEY_EXPIRED = "TimerEvent_SurveyExpired";
  public static final String CASE_DEADLINE_REACHED = "StartEvent_CaseDeadlineReached";

  // End events
  public static final String END_CLOSED_INCOMPLETE = "EndEvent_ClosedIncomplete";
  public static final String END_PRAISE_ACKNOWLEDGED = "EndEvent_PraiseAcknowledged";
  public static final String END_COMPLAINT_CLOSED = "EndEvent_ComplaintClosed";
  public static final String END_WITHDRAWN = "EndEvent_ComplaintWithdrawn";

  private ComplaintProcess() {}

  // --- issue 12, partners' replies and the reminder (engineer D) ---------------------------
  public static final String INQUIRY_REPLY_OVERDUE = "BoundaryEvent_InquiryReplyOverdue";
  public static final String REMIND_ORGANISATION = "ServiceTask_RemindOrganisation";
  public static final String END_ORGANISATION_REMINDED = "EndEvent_OrganisationReminded";
}
