package eu.complaintdesk.notification;

import eu.complaintdesk.register.Language;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * An e-mail to a staff member that belongs to no case (the morning digest): not recorded in the
 * outbox (its caller keeps its own record), but written and sent as every other e-mail ({@link
 * EmailWriter}): texts from the templates ({@code messages_<language>.properties}, the operator's
 * override folder first), a plain-text part and the HTML frame {@code email.html}, From from {@code
 * complaints.notifications.email.from} and Reply-To only from {@code staff-reply-to} (by default
 * none: a staff member's answer must not reach the complaints inbox), {@code Auto-Submitted:
 * auto-generated} and a Message-ID fixed by the caller, so a repeated hand-over is recognisable as
 * the same e-mail.
 */
@Component
public class StaffEmail {

  private final ObjectProvider<JavaMailSender> sender;
  private final NotificationTemplates templates;
  private final EmailWriter writer;
  private final String replyTo;

  StaffEmail(
      ObjectProvider<JavaMailSender> sender,
      NotificationTemplates templates,
      EmailWriter writer,
      @Value("${complaints.notifications.email.staff-reply-to:}") String replyTo) {
    this.sender = sender;
    this.templates = templates;
    this.writer = writer;
    this.replyTo = replyTo;
  }

  /** Whether e-mail can be sent at all ({@code spring.mail.host} is set). */
  public boolean available() {
    return sender.getIfAvailable() != null;
  }

  /**
   * The template {@code code} in the language (English where the language lacks it), its
   * placeholders filled as in every message: dates as the language writes them.
   */
  public String text(String code, Language language, Map<String, ?> values) {
    return templates.fill(templates.label(code, language), language, values).strip();
  }

  /** Whether the language, or English, has the template {@code code}. */
  public boolean hasText(String code, Language language) {
    try {
      return templates.label(code, language) != null;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** A date as the language writes it in messages. */
  public String date(LocalDate date, Language language) {
    return date.format(NotificationTemplates.dateFormat(language));
  }

  /**
   * Hands the e-mail to the SMTP server; throws when it cannot (the caller records the failure).
   *
   * @param messageKey letters, digits, dots and dashes: the Message-ID is {@code <messageKey@domain
   *     of the sender>}, the same on every attempt
   */
  public void send(
      String address, Language language, String subject, String body, String messageKey) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      throw new IllegalStateException("No SMTP server configured (spring.mail.host)");
    }
    if (!messageKey.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("Not a message key: " + messageKey);
    }
    mail.send(
        writer.write(
            mail,
            new EmailWriter.Email(
                address,
                replyTo,
                language,
                subject,
                body,
                "<" + messageKey + "@" + writer.domain() + ">",
                null)));
  }
}
