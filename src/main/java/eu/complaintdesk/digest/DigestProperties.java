package eu.complaintdesk.digest;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The morning digest to staff, bound from {@code complaints.digest}. Unset values get their
 * defaults; a bad value stops the start-up with a message naming the property.
 *
 * @param enabled whether this node sends the digest; unset: when e-mail is configured ({@code
 *     spring.mail.host}); {@code true} without it stops the start-up
 * @param time when the digest goes out on a working day, in the organisation's time zone; default
 *     07:30
 * @param sendUntil a node that was down at {@code time}, or a send that failed, still sends that
 *     day's digest until this time; default 12:00, after {@code time}
 * @param maxTasks tasks listed in one digest, the rest counted with a link to Tasklist; default 50
 */
@ConfigurationProperties("complaints.digest")
record DigestProperties(Boolean enabled, LocalTime time, LocalTime sendUntil, Integer maxTasks) {

  static final LocalTime DEFAULT_TIME = LocalTime.of(7, 30);
  static final LocalTime DEFAULT_SEND_UNTIL = LocalTime.of(12, 0);
  static final int DEFAULT_MAX_TASKS = 50;

  DigestProperties {
    time = time == null ? DEFAULT_TIME : time;
    sendUntil = sendUntil == null ? DEFAULT_SEND_UNTIL : sendUntil;
    maxTasks = maxTasks == null ? DEFAULT_MAX_TASKS : maxTasks;
    if (!time.isBefore(sendUntil)) {
      throw new IllegalArgumentException(
          "complaints.digest.time ("
              + time
              + ") must be before complaints.digest.send-until ("
              + sendUntil
              + ")");
    }
    if (maxTasks < 1 || maxTasks > 500) {
      throw new IllegalArgumentException(
          "complaints.digest.max-tasks (" + maxTasks + ") must be between 1 and 500");
    }
  }

  /** Whether the digest is on, given whether e-mail is configured. */
  boolean enabledWith(boolean mailConfigured) {
    if (Boolean.TRUE.equals(enabled) && !mailConfigured) {
      throw new IllegalStateException(
          "complaints.digest.enabled=true needs e-mail: set spring.mail.host, or set"
              + " complaints.digest.enabled=false");
    }
    return enabled == null ? mailConfigured : enabled;
  }
}
