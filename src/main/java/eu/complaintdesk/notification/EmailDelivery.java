package eu.complaintdesk.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP ({@code spring.mail.*}), written by {@link EmailWriter} (plain text and HTML,
 * UTF-8, From, {@code Auto-Submitted: auto-generated}): Reply-To from {@code
 * complaints.notifications.email.reply-to} (an e-mail to staff: {@code staff-reply-to}, by default
 * no Reply-To), and the answer letter as a PDF attachment when the message carries one. Active only
 * when {@code spring.mail.host} is set; otherwise e-mails go to the log.
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
  private final EmailWriter writer;
  private final AnswerLetters letters;
  private final String replyTo;
  private final String staffReplyTo;

  EmailDelivery(
      JavaMailSender sender,
      EmailWriter writer,
      AnswerLetters letters,
      @Value("${complaints.notifications.email.reply-to:}") String replyTo,
      @Value("${complaints.notifications.email.staff-reply-to:}") String staffReplyTo) {
    this.sender = sender;
    this.writer = writer;
    this.letters = letters;
    this.replyTo = replyTo;
    this.staffReplyTo = staffReplyTo;
  }

  @Override
  public boolean supports(MessageChannel channel) {
    return channel == MessageChannel.EMAIL;
  }

  @Override
  public void deliver(OutboundMessage message) {
    EmailWriter.Attachment letter = null;
    if (message.letterId() != null) {
      AnswerLetters.Letter found =
          letters
              .find(message.complaintId(), message.letterId())
              .orElseThrow(() -> new IllegalStateException("No letter " + message.letterId()));
      letter = new EmailWriter.Attachment(found.fileName(), found.content(), "application/pdf");
    }
    sender.send(
        writer.write(
            sender,
            new EmailWriter.Email(
                message.recipient(),
                replyTo(message.kind()),
                message.language(),
                message.subject(),
                message.body(),
                OutboundMessageIds.of(message, writer.domain()),
                letter)));
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
}
