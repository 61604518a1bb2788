package eu.complaintdesk.notification;

import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Internal messages by e-mail to the staff members concerned ({@link StaffRecipients}), one message
 * per person through {@link NotificationService#notifyByEmail}, in the staff language, with the
 * dedup key {@code <step's key>|<user id>}: the outbox shows one row per person, and a retried step
 * never e-mails a person twice (it may find other people than the first run did, e.g. a task
 * claimed meanwhile: they are told too). When nobody with an e-mail address is found, the message
 * is recorded for the group as before ({@link NotificationService#notifyGroup}, channel GROUP), so
 * that the outbox shows that nobody could be told.
 *
 * <p>A message names the registration number, the task (its name in the staff language, {@code
 * task.<task definition key>} in the templates) with its link in Tasklist, and the case file; the
 * templates use no customer data. The links come from {@link StaffLinks}, as the digest's do.
 */
@Service
public class StaffNotifications {

  private static final Logger log = LoggerFactory.getLogger(StaffNotifications.class);

  // the placeholders of staff messages: the task, its link and due date, the case file link
  static final String TASK_NAME = "taskName";
  static final String TASK_LINK = "taskLink";
  static final String TASK_DUE_DATE = "taskDueDate";
  static final String CASE_LINK = "caseLink";

  /** Every staff placeholder (empty in a message about no task). */
  static final List<String> PLACEHOLDERS = List.of(TASK_NAME, TASK_LINK, TASK_DUE_DATE, CASE_LINK);

  private final NotificationService notifications;
  private final StaffRecipients recipients;
  private final NotificationTemplates templates;
  private final ComplaintRegister register;
  private final StaffLinks links;

  StaffNotifications(
      NotificationService notifications,
      StaffRecipients recipients,
      NotificationTemplates templates,
      ComplaintRegister register,
      StaffLinks links) {
    this.notifications = notifications;
    this.recipients = recipients;
    this.templates = templates;
    this.register = register;
    this.links = links;
  }

  /**
   * To whoever works on the case's open task(s) with the definition key (null: all open tasks): the
   * assignee, or the members of the candidate groups while unassigned; with no such task open, the
   * members of {@code group} (the department, or the registrars before there is one).
   */
  public void toWorkers(
      long complaintId,
      String processInstanceId,
      String taskDefinitionKey,
      String group,
      NotificationKind kind,
      String dedupKey) {
    toWorkers(complaintId, processInstanceId, taskDefinitionKey, group, kind, Map.of(), dedupKey);
  }

  /** As above, with the kind's own placeholder values (never customer data). */
  public void toWorkers(
      long complaintId,
      String processInstanceId,
      String taskDefinitionKey,
      String group,
      NotificationKind kind,
      Map<String, Object> values,
      String dedupKey) {
    send(
        complaintId,
        recipients.workersOf(processInstanceId, taskDefinitionKey, group),
        group,
        kind,
        values,
        dedupKey);
  }

  /**
   * To the members of the group, about the case's open task with the definition key (null: any open
   * task; none: the message links the case file only).
   */
  public void toGroup(
      long complaintId,
      String group,
      String processInstanceId,
      String taskDefinitionKey,
      NotificationKind kind,
      String dedupKey) {
    send(
        complaintId,
        recipients.membersOf(group, processInstanceId, taskDefinitionKey),
        group,
        kind,
        Map.of(),
        dedupKey);
  }

  private void send(
      long complaintId,
      List<StaffRecipients.Recipient> people,
      String group,
      NotificationKind kind,
      Map<String, Object> values,
      String dedupKey) {
    Complaint complaint = register.get(complaintId);
    if (people.isEmpty()) {
      log.warn(
          "Complaint {}: nobody with an e-mail address to tell of {}; recorded for the group only",
          complaint.registrationNumber(),
          kind);
      notifications.notifyGroup(
          complaintId, group, kind, with(values, parameters(complaint, null)), dedupKey);
      return;
    }
    MessageDeliveryFailed failed = null;
    for (StaffRecipients.Recipient person : people) {
      try {
        notifications.notifyByEmail(
            complaintId,
            person.email(),
            notifications.staffLanguage(),
            kind,
            with(values, parameters(complaint, person.task())),
            dedupKey + "|" + person.userId());
      } catch (MessageDeliveryFailed e) {
        // the others are still told; the step fails afterwards and its retry tries again
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private static Map<String, Object> with(Map<String, Object> values, Map<String, Object> task) {
    Map<String, Object> all = new HashMap<>(values);
    all.putAll(task);
    return all;
  }

  /** The task (name and link, none when null) and the case file link. */
  Map<String, Object> parameters(Complaint complaint, Task task) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put(CASE_LINK, links.caseFile(complaint.registrationNumber()));
    parameters.put(
        TASK_NAME,
        task == null
            ? null
            : templates.labelOr(
                "task." + task.getTaskDefinitionKey(),
                notifications.staffLanguage(),
                task.getName()));
    parameters.put(TASK_LINK, task == null ? null : links.task(task.getId()));
    parameters.put(TASK_DUE_DATE, task == null ? null : task.getDueDate());
    return parameters;
  }
}
