package eu.complaintdesk.inbox;

import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.intake.AccessCodeHandovers;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.system.ApiProblem;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers an e-mail as a complaint (channel EMAIL, preferred contact EMAIL) with the files it may
 * keep; refused files are noted in the timeline. Each Message-ID is registered once.
 */
@Service
class EmailComplaints {

  enum Outcome {
    REGISTERED,
    ALREADY_REGISTERED,
    /** No usable sender address to answer: left in the mailbox, flagged, for staff. */
    NO_SENDER
  }

  static final int MAX_SUBJECT = 200;
  static final int MAX_TEXT = 10_000;
  static final String NO_SUBJECT = "E-mail";
  static final String NO_TEXT = "(the e-mail has no text)";

  private static final Pattern PLAUSIBLE_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private final IntakeService intake;
  private final AttachmentService attachments;
  private final ComplaintRegister register;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AccessCodeHandovers handovers;

  EmailComplaints(
      IntakeService intake,
      AttachmentService attachments,
      ComplaintRegister register,
      JdbcClient jdbc,
      Clock clock,
      AccessCodeHandovers handovers) {
    this.handovers = handovers;
    this.intake = intake;
    this.attachments = attachments;
    this.register = register;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Registers the e-mail unless its Message-ID was registered before. All of it commits together:
   * the complaint, its files, the refused files' notes and the Message-ID. A concurrent second
   * registration of the same e-mail fails on the Message-ID and rolls back entirely.
   */
  @Transactional
  public Outcome register(IncomingEmail email) {
    if (registeredComplaint(email.messageKey()).isPresent()) {
      return Outcome.ALREADY_REGISTERED;
    }
    String address = email.fromAddress() == null ? null : email.fromAddress().strip();
    if (address == null
        || address.length() > NewComplaint.MAX_CUSTOMER_EMAIL
        || !PLAUSIBLE_ADDRESS.matcher(address).matches()) {
      return Outcome.NO_SENDER;
    }
    AttachmentService.Sorted files = attachments.sort(email.files());
    String text = email.text() == null || email.text().isBlank() ? NO_TEXT : email.text();
    Submission submission =
        new Submission(
            email.language(),
            new Submission.Customer(name(email, address), address, null, null, null),
            PreferredContact.EMAIL,
            shorten(
                email.subject() == null || email.subject().isBlank() ? NO_SUBJECT : email.subject(),
                MAX_SUBJECT),
            text.substring(0, cut(text, 0)),
            null,
            null,
            null,
            null);
    try {
      intake.checkValid(submission);
    } catch (ApiProblem invalid) {
      // Only the sender's address can be wrong here: everything else was cut to the limits.
      return Outcome.NO_SENDER;
    }
    IntakeService.Receipt receipt =
        intake.submit(
            submission, files.acceptedAsSent(), Channel.EMAIL, email.receivedAt(), null, null);
    // Nobody shows the sender the receipt: the acknowledgement tells them the access code.
    handovers.hold(receipt.complaintId(), receipt.accessCode());
    attachments.noteRefused(receipt.complaintId(), files.refused());
    for (int from = cut(text, 0); from < text.length(); from = cut(text, from)) {
      // The rest of a very long e-mail is kept as messages of the case.
      register.addCustomerMessage(receipt.complaintId(), text.substring(from, cut(text, from)));
    }
    jdbc.sql(
            "insert into inbound_email (message_key, complaint_id, registered_at)"
                + " values (:key, :complaintId, :now)")
        .param("key", email.messageKey())
        .param("complaintId", receipt.complaintId())
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    return Outcome.REGISTERED;
  }

  /** The complaint an e-mail was registered as. */
  Optional<Long> registeredComplaint(String messageKey) {
    return jdbc.sql("select complaint_id from inbound_email where message_key = :key")
        .param("key", messageKey)
        .query(Long.class)
        .optional();
  }

  /** Where a piece of at most {@link #MAX_TEXT} characters from {@code from} ends. */
  private static int cut(String text, int from) {
    int end = Math.min(text.length(), from + MAX_TEXT);
    return end < text.length() && Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }

  private static String name(IncomingEmail email, String address) {
    String name = email.fromName();
    if (name == null || name.isBlank()) {
      name = address.substring(0, address.indexOf('@'));
    }
    return shorten(name.strip(), NewComplaint.MAX_CUSTOMER_NAME);
  }

  private static String shorten(String value, int max) {
    String stripped = value.strip();
    if (stripped.codePointCount(0, stripped.length()) <= max) {
      return stripped;
    }
    return stripped.substring(0, stripped.offsetByCodePoints(0, max - 1)) + "…";
  }
}
