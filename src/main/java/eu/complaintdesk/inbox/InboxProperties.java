package eu.complaintdesk.inbox;

import eu.complaintdesk.register.Language;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code complaints.inbox.*}: the mailbox whose e-mails are registered as complaints (channel
 * EMAIL). Off unless {@code enabled}.
 *
 * @param protocol {@code imaps} (TLS, default) or {@code imap}
 * @param port unset: the protocol's standard port (993 or 143)
 * @param folder the folder read for unseen messages
 * @param processedFolder unset: registered messages are only marked seen; set: they are also moved
 *     there (the folder must exist)
 * @param pollInterval time between two looks into the mailbox
 * @param defaultLanguage the language of an e-mail whose language cannot be told
 * @param maxMessagesPerPoll at most this many messages are registered per look
 */
@ConfigurationProperties("complaints.inbox")
public record InboxProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("imaps") String protocol,
    String host,
    Integer port,
    String username,
    String password,
    @DefaultValue("INBOX") String folder,
    String processedFolder,
    @DefaultValue("PT1M") Duration pollInterval,
    @DefaultValue("lv") Language defaultLanguage,
    @DefaultValue("50") int maxMessagesPerPoll) {

  public InboxProperties {
    if (!"imap".equals(protocol) && !"imaps".equals(protocol)) {
      throw new IllegalArgumentException("complaints.inbox.protocol must be imap or imaps");
    }
    if (enabled && (host == null || host.isBlank())) {
      throw new IllegalArgumentException("complaints.inbox.host is required when enabled");
    }
    if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("complaints.inbox.poll-interval must be positive");
    }
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "InboxProperties[enabled="
        + enabled
        + ", "
        + protocol
        + "://"
        + host
        + (port == null ? "" : ":" + port)
        + "/"
        + folder
        + "]";
  }
}
