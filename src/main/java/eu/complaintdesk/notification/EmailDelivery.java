package eu.complaintdesk.notification;

import eu.complaintdesk.system.Organisation;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code spring.mail.*}): a multipart message with the plain text and an HTML
 * version ({@code notifications/email.html}), UTF-8, From and Reply-To from {@code
 * complaints.notifications.email.*} (an e-mail to staff: {@code staff-reply-to}, by default no
 * Reply-To), and the answer letter as a PDF attachment when the message carries one, and {@code
 * Auto-Submitted: auto-generated} (RFC 3834), so that out-of-office replies and other
 * auto-responders do not answer it. Active only when {@code spring.mail.host} is set; otherwise
 * e-mails go to the log.
 *
 * <p>The Message-ID ({@link OutboundMessageIds}) is derived from the message, the same on every
 * attempt, so that a repeated hand-over after a crash is recognisable as the same e-mail (ADR
 * 0007), and a customer's reply to it reaches their case through the e-mail inbox.
 */
@Component
@Order(10)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class EmailDelivery implements MessageDelivery {

  private final JavaMailSender sender;
  private final NotificationTemplates templates;
  private final AnswerLetters letters;
  private final String from;
  private final String replyTo;
  private final String staffReplyTo;
  private final String organisationName;

  EmailDelivery(
      JavaMailSender sender,
      NotificationTemplates templates,
      AnswerLetters letters,
      @Value("${complaints.notifications.email.from:complaint-desk@localhost}") String from,
      @Value("${complaints.notifications.email.reply-to:}") String replyTo,
      @Value("${complaints.notifications.email.staff-reply-to:}") String staffReplyTo,
      Organisation organisation) {
    this.sender = sender;
    this.templates = templates;
    this.letters = letters;
    this.from = from;
    this.replyTo = replyTo;
    this.staffReplyTo = staffReplyTo;
    this.organisationName = organisation.name();
  }

  @Override
  public boolean supports(MessageChannel channel) {
    return channel == MessageChannel.EMAIL;
  }

  @Override
  public void deliver(OutboundMessage message) {
    MimeMessage mime = sender.createMimeMessage();
    try {
      MimeMessageHelper mail =
          new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
      mail.setFrom(from);
      String answerTo = replyTo(message.kind());
      if (!answerTo.isBlank()) {
        mail.setReplyTo(answerTo);
      }
      mail.setTo(message.recipient());
      mail.setSubject(message.subject());
      mail.setText(message.body(), html(message));
      if (message.letterId() != null) {
        AnswerLetters.Letter letter =
            letters
                .find(message.complaintId(), message.letterId())
                .orElseThrow(() -> new IllegalStateException("No letter " + message.letterId()));
        mail.addAttachment(
            letter.fileName(), new ByteArrayResource(letter.content()), "application/pdf");
      }
      mime.setHeader("Content-Language", message.language().name());
      // RFC 3834: sent by a machine, so auto-responders (out of office) do not answer it.
      mime.setHeader("Auto-Submitted", "auto-generated");
      // JavaMailSenderImpl keeps an explicitly set Message-ID.
      mime.setHeader("Message-ID", OutboundMessageIds.of(message, domain(from)));
    } catch (MessagingException e) {
      throw new MailPreparationException("Cannot prepare message " + message.id(), e);
    }
    sender.send(mime);
  }

  String html(OutboundMessage message) {
    return templates
        .files()
        .fill(
            "email.html",
            Map.of(
                "language", message.language().name(),
                "subject", message.subject(),
                "organisationName", organisationName,
                "bodyHtml", TemplateFiles.paragraphs(message.body())));
  }

  /**
   * The Reply-To of an e-mail of this kind: customers and other organisations answer to {@code
   * complaints.notifications.email.reply-to} (the complaints inbox); staff to {@code
   * staff-reply-to}, by default none, so that a staff member's answer never lands in the complaints
   * inbox as a new complaint.
   */
  String replyTo(NotificationKind kind) {
    return kind.isForStaff() ? staffReplyTo : replyTo;
  }

  private static String domain(String address) {
    String plain = address.replaceAll(".*<|>.*", "").strip();
    int at = plain.lastIndexOf('@');
    return at < 0 || at == plain.length() - 1 ? "complaint-desk.invalid" : plain.substring(at + 1);
  }
}
