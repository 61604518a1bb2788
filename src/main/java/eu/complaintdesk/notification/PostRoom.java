package eu.complaintdesk.notification;

import eu.complaintdesk.http.Downloads;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The post room: the messages to customers who asked for post (or gave only a postal address). Such
 * a message is SENT when it is handed to the outbox ({@link LogMessageDelivery}); here staff find
 * the ones still to print, get each as a letter (PDF) and record that it was posted.
 *
 * <p>The letter of a message that carries an answer letter is that letter ({@link AnswerLetters});
 * any other message is printed as it was recorded in the outbox, with the organisation's letterhead
 * and the customer's name and postal address ({@code notifications/message-letter.html}). Values
 * the outbox masks (the access code, a survey link) are printed in full: the letter is the
 * customer's, and its full text is kept for printing only ({@code print_body}).
 */
@Service
public class PostRoom {

  private static final Logger log = LoggerFactory.getLogger(PostRoom.class);

  /** Timeline entry (staff only) when a message was recorded as posted; detail: kind, message. */
  public static final String MESSAGE_POSTED = "MESSAGE_POSTED";

  private static final String TEMPLATE = "message-letter.html";

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final AnswerLetters answerLetters;
  private final NotificationTemplates templates;
  private final LetterPdf pdf;
  private final Clock clock;

  PostRoom(
      JdbcClient jdbc,
      ComplaintRegister register,
      AnswerLetters answerLetters,
      NotificationTemplates templates,
      LetterPdf pdf,
      Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.answerLetters = answerLetters;
    this.templates = templates;
    this.pdf = pdf;
    this.clock = clock;
  }

  /** The POST messages handed to the outbox and not yet posted, oldest first. */
  @Transactional(readOnly = true)
  public List<OutboundMessage> toPost() {
    return jdbc.sql(
            NotificationService.SELECT_MESSAGE
                + " where m.channel = :channel and m.delivery_state = :state"
                + " and m.posted_at is null order by m.created_at, m.id")
        .param("channel", MessageChannel.POST.name())
        .param("state", DeliveryState.SENT.name())
        .query(NotificationService::message)
        .list();
  }

  /** A message sent by POST (posted or not), or empty for any other id. */
  @Transactional(readOnly = true)
  public Optional<OutboundMessage> find(long messageId) {
    return jdbc.sql(
            NotificationService.SELECT_MESSAGE
                + " where m.id = :id and m.channel = :channel and m.delivery_state = :state")
        .param("id", messageId)
        .param("channel", MessageChannel.POST.name())
        .param("state", DeliveryState.SENT.name())
        .query(NotificationService::message)
        .optional();
  }

  /**
   * The letter to print for a POST message, as a download no cache keeps; empty when the id is not
   * that of a POST message.
   */
  @Transactional(readOnly = true)
  public Optional<ResponseEntity<byte[]>> letter(long messageId) {
    return find(messageId).map(this::letter);
  }

  private ResponseEntity<byte[]> letter(OutboundMessage message) {
    if (message.letterId() != null) {
      Optional<AnswerLetters.Letter> answer =
          answerLetters.find(message.complaintId(), message.letterId());
      if (answer.isPresent()) {
        return answer.get().asDownload();
      }
    }
    Complaint complaint = register.get(message.complaintId());
    Language language = message.language();
    byte[] content = pdf.render(TEMPLATE, values(message, complaint));
    String fileName =
        templates.label("LETTER.messageFileName", language)
            + "-"
            + message.registrationNumber()
            + "-"
            + message.id()
            + ".pdf";
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName))
        .body(content);
  }

  /** The values of {@code message-letter.html}. */
  Map<String, String> values(OutboundMessage message, Complaint complaint) {
    Language language = message.language();
    Map<String, String> values = answerLetters.letterheadValues(language);
    values.put("language", language.name());
    // the address the message was sent to, which the outbox recorded
    values.put(
        "recipientHtml",
        AnswerLetters.recipientHtml(complaint.customerName(), message.recipient()));
    values.put("registrationNumberLabel", templates.label("LETTER.registrationNumber", language));
    values.put("registrationNumber", message.registrationNumber());
    values.put("dateLabel", templates.label("LETTER.date", language));
    values.put("date", templates.text("date", message.createdAt(), language));
    values.put("subject", message.subject());
    values.put("bodyHtml", TemplateFiles.paragraphs(printBody(message)));
    return values;
  }

  /** The full text to print: what the outbox masks included. */
  private String printBody(OutboundMessage message) {
    return jdbc.sql("select print_body from outbound_message where id = :id")
        .param("id", message.id())
        .query(String.class)
        .optional()
        .orElse(message.body());
  }

  /**
   * Records that the POST message was posted, by whom, with a timeline entry {@value
   * #MESSAGE_POSTED} that only staff see. Idempotent: a message already recorded as posted keeps
   * its first record and gets no second entry.
   *
   * @return false when the id is not that of a POST message
   */
  @Transactional
  public boolean markPosted(long messageId, String user) {
    Optional<OutboundMessage> message = find(messageId);
    if (message.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    int marked =
        jdbc.sql(
                "update outbound_message set posted_at = :now, posted_by = :user"
                    + " where id = :id and posted_at is null")
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("user", user)
            .param("id", messageId)
            .update();
    if (marked == 1) {
      OutboundMessage posted = message.get();
      register.addEvent(
          posted.complaintId(),
          MESSAGE_POSTED,
          user,
          posted.kind() + " (message " + posted.id() + ")",
          false);
      log.info(
          "Message {} ({}) of complaint {} recorded as posted",
          posted.id(),
          posted.kind(),
          posted.registrationNumber());
    }
    return true;
  }
}
