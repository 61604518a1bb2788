package eu.complaintdesk.engine;

import static eu.complaintdesk.process.ComplaintProcess.TASK_ANSWER_INFORMATION_REQUEST;
import static eu.complaintdesk.process.ComplaintProcess.TASK_CHECK_COMPLETENESS;
import static eu.complaintdesk.process.ComplaintProcess.TASK_CLASSIFY_COMPLAINT;
import static eu.complaintdesk.process.ComplaintProcess.TASK_DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintProcess.TASK_EVALUATE_PROPOSAL;
import static eu.complaintdesk.process.ComplaintProcess.TASK_REVIEW_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.ANSWER_APPROVED;
import static eu.complaintdesk.process.ComplaintVariables.CATEGORY;
import static eu.complaintdesk.process.ComplaintVariables.COMPLETE;
import static eu.complaintdesk.process.ComplaintVariables.DRAFT_ANSWER;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATIONS;
import static eu.complaintdesk.process.ComplaintVariables.FEEDBACK_TYPE;
import static eu.complaintdesk.process.ComplaintVariables.MISSING_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.NEEDS_EXTERNAL_INFORMATION;
import static eu.complaintdesk.process.ComplaintVariables.PRIORITY;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSAL_ACCEPTED;
import static eu.complaintdesk.process.ComplaintVariables.PROPOSED_OUTCOME;
import static eu.complaintdesk.process.ComplaintVariables.REFUSAL_REASONS;
import static eu.complaintdesk.process.ComplaintVariables.REVIEW_COMMENT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion variables land on the process instance, so a task that is reached a second time
 * (rework, a new completeness check) would otherwise see the last round's answers and accept a
 * completion that gives none. When a task is created, its own completion variables go.
 */
@Component("taskInputReset")
public class TaskInputReset implements TaskListener {

  public static final Map<String, List<String>> COMPLETION_VARIABLES =
      Map.of(
          TASK_CHECK_COMPLETENESS, List.of(COMPLETE, MISSING_INFORMATION),
          TASK_CLASSIFY_COMPLAINT, List.of(FEEDBACK_TYPE, CATEGORY, PRIORITY),
          TASK_DRAFT_ANSWER,
              List.of(
                  DRAFT_ANSWER,
                  PROPOSED_OUTCOME,
                  REFUSAL_REASONS,
                  NEEDS_EXTERNAL_INFORMATION,
                  EXTERNAL_ORGANISATIONS),
          TASK_REVIEW_ANSWER, List.of(ANSWER_APPROVED, REVIEW_COMMENT),
          TASK_EVALUATE_PROPOSAL, List.of(PROPOSAL_ACCEPTED, ANSWER),
          TASK_ANSWER_INFORMATION_REQUEST, List.of(ANSWER));

  @Override
  public void notify(DelegateTask task) {
    COMPLETION_VARIABLES
        .getOrDefault(task.getTaskDefinitionKey(), List.of())
        .forEach(task.getExecution()::removeVariable);
  }
}
