package eu.complaintdesk.notification;

import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.Organisation;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes every e-mail we send ({@link EmailDelivery}'s and {@link StaffEmail}'s) as one MIME
 * message: UTF-8, the plain text and its HTML version in the frame {@code
 * notifications/email.html}, From {@code complaints.notifications.email.from}, the Reply-To the
 * caller gives (none when blank), a file attached when there is one, {@code Content-Language},
 * {@code Auto-Submitted: auto-generated} (RFC 3834, so that out-of-office replies and other
 * auto-responders do not answer it) and the Message-ID the caller gives, kept as set by
 * JavaMailSenderImpl, the same on every attempt (ADR 0007).
 */
@Component
class EmailWriter {

  /** A file the e-mail carries. */
  record Attachment(String fileName, byte[] content, String mediaType) {}

  /**
   * What an e-mail says and to whom; {@code replyTo} blank: none; {@code attachment} may be null.
   */
  record Email(
      String to,
      String replyTo,
      Language language,
      String subject,
      String body,
      String messageId,
      Attachment attachment) {}

  private final NotificationTemplates templates;
  private final String from;
  private final String organisationName;

  EmailWriter(
      NotificationTemplates templates,
      @Value("${complaints.notifications.email.from:complaint-desk@localhost}") String from,
      Organisation organisation) {
    this.templates = templates;
    this.from = from;
    this.organisationName = organisation.name();
  }

  /** The e-mail as a MIME message of the sender, ready to send. */
  MimeMessage write(JavaMailSender sender, Email email) {
    MimeMessage mime = sender.createMimeMessage();
    try {
      MimeMessageHelper mail =
          new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
      mail.setFrom(from);
      if (email.replyTo() != null && !email.replyTo().isBlank()) {
        mail.setReplyTo(email.replyTo());
      }
      mail.setTo(email.to());
      mail.setSubject(email.subject());
      mail.setText(email.body(), html(email.language(), email.subject(), email.body()));
      if (email.attachment() != null) {
        mail.addAttachment(
            email.attachment().fileName(),
            new ByteArrayResource(email.attachment().content()),
            email.attachment().mediaType());
      }
      mime.setHeader("Content-Language", email.language().name());
      // RFC 3834: sent by a machine, so auto-responders (out of office) do not answer it.
      mime.setHeader("Auto-Submitted", "auto-generated");
      // JavaMailSenderImpl keeps an explicitly set Message-ID.
      mime.setHeader("Message-ID", email.messageId());
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot prepare e-mail " + email.messageId(), e);
    }
    return mime;
  }

  /** The HTML version of the plain-text body, in the frame {@code email.html}. */
  String html(Language language, String subject, String body) {
    return templates
        .files()
        .fill(
            "email.html",
            Map.of(
                "language",
                language.name(),
                "subject",
                subject,
                "organisationName",
                organisationName,
                "bodyHtml",
                TemplateFiles.paragraphs(body)));
  }

  /** The domain of the From address, for Message-IDs ({@code complaint-desk.invalid} if none). */
  String domain() {
    String plain = from.replaceAll(".*<|>.*", "").strip();
    int at = plain.lastIndexOf('@');
    return at < 0 || at == plain.length() - 1 ? "complaint-desk.invalid" : plain.substring(at + 1);
  }
}
