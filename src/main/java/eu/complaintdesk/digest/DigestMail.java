package eu.complaintdesk.digest;

import eu.complaintdesk.notification.StaffEmail;
import eu.complaintdesk.notification.StaffLinks;
import eu.complaintdesk.register.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of one digest, in the staff language: the subject with the number of tasks, the tasks
 * assigned to the user and those of their groups, each on a line with the case's registration
 * number, the task (named in the language where it has a label {@code task.<task id>}, as every
 * staff e-mail), its due date, whether it is overdue, and a link that opens it in Tasklist; beyond
 * the cap "and N more" with a link to Tasklist. Templates {@code DIGEST.*} in {@code
 * notifications/messages_<language>.properties}. Counts agree with their nouns by the language's
 * plural rules ({@code {count, plural, …}}, see NotificationTemplates).
 */
final class DigestMail {

  /** The subject and plain-text body. */
  record Text(String subject, String body) {}

  private final StaffEmail email;
  private final Language language;
  private final ZoneId zone;
  private final StaffLinks links;

  DigestMail(StaffEmail email, Language language, ZoneId zone, StaffLinks links) {
    this.email = email;
    this.language = language;
    this.zone = zone;
    this.links = links;
  }

  Text render(DigestTasks.Due due, LocalDate today, Instant now) {
    Map<String, Object> values = new HashMap<>();
    values.put("date", email.date(today, language));
    values.put("count", due.total());
    values.put("tasklistLink", links.tasklist());
    values.put("digestSetting", links.page("/api/staff/me/digest"));
    List<String> parts = new ArrayList<>();
    parts.add(text("DIGEST.intro", values));
    section(parts, "DIGEST.assigned", due.assignedCount(), due.assigned(), now);
    section(parts, "DIGEST.group", due.groupCount(), due.group(), now);
    long more = due.total() - due.listed();
    if (more > 0) {
      parts.add(text("DIGEST.more", with(values, "count", more)));
    }
    parts.add(text("DIGEST.footer", values));
    return new Text(text("DIGEST.subject", values), String.join("\n\n", parts));
  }

  private void section(
      List<String> parts,
      String heading,
      long count,
      List<DigestTasks.DueTask> tasks,
      Instant now) {
    if (count == 0) {
      return;
    }
    parts.add(text(heading, Map.of("count", count)));
    if (!tasks.isEmpty()) {
      parts.add(String.join("\n", tasks.stream().map(task -> "- " + line(task, now)).toList()));
    }
  }

  private String line(DigestTasks.DueTask task, Instant now) {
    Map<String, Object> values = new HashMap<>();
    values.put(
        "registrationNumber", task.registrationNumber() == null ? "—" : task.registrationNumber());
    values.put("task", taskName(task));
    values.put("dueDate", email.date(LocalDate.ofInstant(task.due(), zone), language));
    values.put("overdue", task.due().isBefore(now) ? text("DIGEST.overdue", Map.of()) : "");
    values.put("link", links.task(task.id()));
    return text("DIGEST.line", values);
  }

  private String taskName(DigestTasks.DueTask task) {
    String code = "task." + task.taskDefinitionKey(); // as every staff e-mail names it
    if (task.taskDefinitionKey() != null && email.hasText(code, language)) {
      return text(code, Map.of());
    }
    return task.name() == null || task.name().isBlank() ? task.taskDefinitionKey() : task.name();
  }

  private String text(String code, Map<String, ?> values) {
    return email.text(code, language, values);
  }

  private static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(name, value);
    return copy;
  }
}
