package eu.complaintdesk.answer;

import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION_CHOICE;
import static eu.complaintdesk.process.ComplaintVariables.EXTERNAL_ORGANISATION_OPTIONS;
import static eu.complaintdesk.process.ComplaintVariables.INQUIRY_QUESTION;

import eu.complaintdesk.directory.DirectoryEntry;
import eu.complaintdesk.directory.OrganisationDirectory;
import eu.complaintdesk.engine.KeptOutOfHistory;
import eu.complaintdesk.engine.OnEveryUserTask;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Language;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What the inquiry tasks of {@code ComplaintHandlingProcess} get without a change to the model: the
 * draft task the directory as its checklist's options ({@link InquiryChoices}); each reply task a
 * description in the staff language naming the organisation by its directory name, and, for one not
 * e-mailed (not in the directory, or without an address), telling the handler to contact it by
 * phone or post. The options, the choice and the question never reach the engine's history; the
 * question and the choice leave the case once the draft task is completed (the register keeps the
 * question).
 */
@Component
class InquiryTasks implements OnEveryUserTask, KeptOutOfHistory {

  /** Kept out of history: the options (the directory), the choice, the question (free text). */
  static final Set<String> KEPT_OUT =
      Set.of(EXTERNAL_ORGANISATION_OPTIONS, EXTERNAL_ORGANISATION_CHOICE, INQUIRY_QUESTION);

  /** An engine task description holds 4 000 characters. */
  private static final int MAX_DESCRIPTION = 4_000;

  private final InquiryChoices choices;
  private final OrganisationDirectory directory;
  private final NotificationService notifications;

  InquiryTasks(
      InquiryChoices choices, OrganisationDirectory directory, NotificationService notifications) {
    this.choices = choices;
    this.directory = directory;
    this.notifications = notifications;
  }

  @Override
  public boolean keepsOut(String processDefinitionKey, String variableName) {
    return ComplaintProcess.PROCESS_KEY.equals(processDefinitionKey)
        && KEPT_OUT.contains(variableName);
  }

  @Override
  public void created(DelegateTask task) {
    if (!ours(task)) {
      return;
    }
    Language staff = notifications.staffLanguage();
    switch (task.getTaskDefinitionKey()) {
      case ComplaintProcess.TASK_DRAFT_ANSWER -> choices.offer(task, staff);
      case ComplaintProcess.TASK_RECORD_EXTERNAL_REPLY -> describeReplyTask(task, staff);
      default -> {
        // nothing
      }
    }
  }

  @Override
  public void completed(DelegateTask task) {
    if (ours(task) && ComplaintProcess.TASK_DRAFT_ANSWER.equals(task.getTaskDefinitionKey())) {
      task.removeVariable(INQUIRY_QUESTION);
      task.removeVariable(EXTERNAL_ORGANISATION_CHOICE);
    }
  }

  private void describeReplyTask(DelegateTask task, Language staff) {
    Object named = task.getVariable(EXTERNAL_ORGANISATION);
    if (named == null) {
      return;
    }
    Optional<DirectoryEntry> entry = directory.find(named.toString());
    String name = entry.map(e -> e.name(staff)).orElse(named.toString().strip());
    boolean emailed = entry.map(e -> e.email() != null).orElse(false);
    String code =
        emailed
            ? "EXTERNAL_REPLY_TASK.emailed"
            : entry.isPresent()
                ? "EXTERNAL_REPLY_TASK.noAddress"
                : "EXTERNAL_REPLY_TASK.notInDirectory";
    String description = notifications.text(code, staff, Map.of("organisation", name));
    task.setDescription(
        description.length() > MAX_DESCRIPTION
            ? description.substring(0, MAX_DESCRIPTION)
            : description);
  }

  private static boolean ours(DelegateTask task) {
    return task.getProcessDefinitionId() != null
        && task.getProcessDefinitionId().startsWith(ComplaintProcess.PROCESS_KEY + ":");
  }
}
