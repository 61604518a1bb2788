package eu.complaintdesk.notification;

import eu.complaintdesk.system.Organisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The links that staff e-mails (the case's messages, {@link StaffNotifications}, and the morning
 * digest) give: Tasklist, a task in Tasklist, a case file, a staff page. They start with {@code
 * complaints.notifications.staff-base-url} (default: the organisation's public base URL), without a
 * trailing slash.
 */
@Component
public class StaffLinks {

  private final String base;

  @Autowired
  StaffLinks(
      Organisation organisation,
      @Value("${complaints.notifications.staff-base-url:}") String staffBaseUrl) {
    this(staffBaseUrl.isBlank() ? organisation.publicBaseUrl() : staffBaseUrl);
  }

  private StaffLinks(String baseUrl) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The links under the given base URL (a test's). */
  public static StaffLinks at(String baseUrl) {
    return new StaffLinks(baseUrl);
  }

  /** Tasklist's start page. */
  public String tasklist() {
    return base + "/camunda/app/tasklist/default/";
  }

  /** The task, opened in Tasklist. */
  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  /** The case file of the complaint with the registration number. */
  public String caseFile(String registrationNumber) {
    return base + "/staff/complaints/" + registrationNumber;
  }

  /** A page of the application, {@code path} starting with a slash. */
  public String page(String path) {
    return base + path;
  }
}
