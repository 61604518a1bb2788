package eu.complaintdesk.inbox;

import eu.complaintdesk.answer.InquiryReplies;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.intake.AccessCodeHandovers;
import eu.complaintdesk.intake.CustomerRequests;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.notification.NotificationAnonymisation;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.OutboundMessageIds;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.text.TextPieces;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in an e-mail of the inbox: a reply to one of our e-mails reaches its case, any other e-mail
 * is registered as a complaint (channel EMAIL, preferred contact EMAIL). Either way the files it
 * may keep are kept and refused files are noted in the timeline. Each Message-ID is taken in once.
 *
 * <p>An e-mail is a reply to a case only when its {@code In-Reply-To} or {@code References} names
 * the Message-ID of an e-mail we sent to the customer about the case ({@link OutboundMessageIds}:
 * the id carries a random token, so it cannot be guessed). {@code From} is easily forged and
 * registration numbers follow each other, so an e-mail that merely names a registration number in
 * its subject is a new complaint; when it comes from that case's customer e-mail address
 * (case-insensitive), both cases name the other in their timelines for staff. A number from anyone
 * else is a new complaint without any note, and tells the sender nothing about that case.
 *
 * <p>A reply to a case still being handled goes to {@link CustomerRequests#supplyInformation}: it
 * is the missing information the case waits for, or a message the handler is shown. The message is
 * kept before the case is told; should telling fail, the e-mail stays unseen and the next poll,
 * finding it kept but the case not told, tells the case again. A reply to a finished case
 * (answered, closed, withdrawn) is registered as a new complaint instead, since nobody handles a
 * finished case any more and a customer who writes again after the answer usually disagrees with it
 * or has a new problem; both cases note the other's registration number in their timelines for
 * staff.
 */
@Service
class EmailComplaints {

  enum Outcome {
    REGISTERED,
    /** A reply that was added to its case. */
    REPLY_ADDED,
    ALREADY_REGISTERED,
    /** No usable sender address to answer: left in the mailbox, flagged, for staff. */
    NO_SENDER,
    /**
     * A staff member's answer to one of our e-mails to staff (or the digest): neither a complaint
     * nor a message of a case; left in the mailbox, flagged, for staff.
     */
    STAFF_REPLY
  }

  static final int MAX_SUBJECT = 200;
  static final String NO_SUBJECT = "E-mail";
  static final String NO_TEXT = "(the e-mail has no text)";

  /** Timeline entry (staff only) of a new complaint that replies to a finished case. */
  static final String REPLY_TO_FINISHED_CASE = "EMAIL_REPLY_TO_FINISHED_CASE";

  /** Timeline entry (staff only) of a finished case whose reply became a new complaint. */
  static final String REPLY_REGISTERED_AS_NEW = "EMAIL_REPLY_REGISTERED_AS_NEW";

  /**
   * Timeline entry (staff only) of a new complaint whose subject names an earlier case of the same
   * customer e-mail address.
   */
  static final String NAMES_EARLIER_CASE = "EMAIL_NAMES_EARLIER_CASE";

  /** Timeline entry (staff only) of a case that a new complaint of its customer names. */
  static final String NAMED_BY_NEW_COMPLAINT = "EMAIL_NAMED_BY_NEW_COMPLAINT";

  /** A Message-ID taken in as a new complaint ({@code inbound_email.kind}). */
  static final String KIND_COMPLAINT = "COMPLAINT";

  /** A Message-ID taken in as a reply to an existing case ({@code inbound_email.kind}). */
  static final String KIND_REPLY = "REPLY";

  private static final Pattern PLAUSIBLE_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");

  /** A registration number ({@code <year>-<6 digits>}) standing on its own in a subject. */
  private static final Pattern REGISTRATION_NUMBER =
      Pattern.compile("(?<!\\d)\\d{4}-\\d{6}(?!\\d)");

  /**
   * Twelve letters and digits of the access codes' alphabet standing alone (register/AccessCodes).
   */
  private static final Pattern ACCESS_CODE =
      Pattern.compile("(?<![\\p{L}\\p{N}])[A-HJKMNP-Z2-9]{12}(?![\\p{L}\\p{N}])");

  /** The token of a link to one of our surveys ({@code /surveys/<base64url token>}). */
  private static final Pattern SURVEY_LINK_TOKEN = Pattern.compile("(?<=/surveys/)[A-Za-z0-9_-]+");

  private final IntakeService intake;
  private final AttachmentService attachments;
  private final ComplaintRegister register;
  private final CustomerMessages customerMessages;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AccessCodeHandovers handovers;
  private final CustomerRequests customerRequests;
  private final OutboundMessageIds outboundIds;
  private final TransactionTemplate transactions;
  private final InquiryReplies inquiryReplies;
  private final NotificationAnonymisation caseLocks;

  EmailComplaints(
      IntakeService intake,
      AttachmentService attachments,
      ComplaintRegister register,
      CustomerMessages customerMessages,
      JdbcClient jdbc,
      Clock clock,
      AccessCodeHandovers handovers,
      CustomerRequests customerRequests,
      OutboundMessageIds outboundIds,
      PlatformTransactionManager transactionManager,
      InquiryReplies inquiryReplies,
      NotificationAnonymisation caseLocks) {
    this.handovers = handovers;
    this.intake = intake;
    this.attachments = attachments;
    this.register = register;
    this.customerMessages = customerMessages;
    this.jdbc = jdbc;
    this.clock = clock;
    this.customerRequests = customerRequests;
    this.outboundIds = outboundIds;
    this.transactions = new TransactionTemplate(transactionManager);
    this.inquiryReplies = inquiryReplies;
    this.caseLocks = caseLocks;
  }

  /**
   * Takes in the e-mail unless its Message-ID was taken in before: adds it to the case it replies
   * to, or registers it as a complaint. A complaint commits all together: the complaint, its files,
   * the refused files' notes, the notes naming a related case and the Message-ID; a reply commits
   * its message, files, notes and the Message-ID together before the case is told, and the case
   * being told is recorded with the telling. A concurrent second take-in of the same e-mail fails
   * on the Message-ID ({@link DuplicateKeyException}) and rolls back entirely.
   *
   * <p>A reply taken in before whose case was not told (telling failed after the message was kept)
   * tells its case now; it is still {@link Outcome#ALREADY_REGISTERED}. An e-mail taken in before
   * for a case since anonymised, whose copies were deleted from the mailbox, arrives again (a
   * delivery repeated): it is marked again ({@link InboxAnonymisation}), so that this copy goes
   * too.
   */
  public Outcome register(IncomingEmail email) {
    Optional<TakenIn> takenIn = takenIn(email.messageKey());
    if (takenIn.isPresent()) {
      if (takenIn.get().forgotten()) {
        forgetAgain(email.messageKey());
      } else if (takenIn.get().untoldReply() && takenIn.get().inquiryReply()) {
        tellInquiry(email.messageKey());
      } else if (takenIn.get().untoldReply()) {
        tellCase(takenIn.get().complaintId(), email.messageKey());
      }
      return Outcome.ALREADY_REGISTERED;
    }
    Optional<InquiryReplies.AnsweredInquiry> inquiry = answeredInquiry(email);
    if (inquiry.isPresent()) {
      addToInquiry(inquiry.get(), email);
      return Outcome.REPLY_ADDED;
    }
    Optional<Complaint> repliedCase = repliedCase(email);
    if (repliedCase.isPresent() && !repliedCase.get().status().isFinal()) {
      addToCase(repliedCase.get(), email);
      return Outcome.REPLY_ADDED;
    }
    if (repliedCase.isEmpty() && outboundIds.repliesToStaffEmail(email.referencedMessageIds())) {
      return Outcome.STAFF_REPLY;
    }
    Optional<Related> related =
        repliedCase
            .map(finished -> new Related(finished, REPLY_TO_FINISHED_CASE, REPLY_REGISTERED_AS_NEW))
            .or(
                () ->
                    namedCase(email)
                        .map(
                            named ->
                                new Related(named, NAMES_EARLIER_CASE, NAMED_BY_NEW_COMPLAINT)));
    return transactions.execute(status -> registerComplaint(email, related));
  }

  /**
   * What an e-mail was taken in as; {@code untoldReply}: a reply whose case was not yet told;
   * {@code forgotten}: its case was anonymised, its copies are (to be) deleted from the mailbox.
   */
  private record TakenIn(
      long complaintId, boolean untoldReply, boolean forgotten, boolean inquiryReply) {}

  /**
   * A case that a new complaint relates to, and the timeline entries (staff only) that name each
   * from the other: {@code newEntry} in the new complaint, {@code earlierEntry} in the case.
   */
  private record Related(Complaint earlier, String newEntry, String earlierEntry) {}

  /**
   * Counts a failed attempt to take in the e-mail, in a transaction of its own; returns the
   * attempts so far. The count is removed once the e-mail is taken in.
   */
  public int failedAttempt(String messageKey) {
    try {
      return transactions.execute(status -> countAttempt(messageKey));
    } catch (DuplicateKeyException concurrent) {
      // another node counted the first attempt at the same moment: count on top of it
      return transactions.execute(status -> countAttempt(messageKey));
    }
  }

  private int countAttempt(String messageKey) {
    int updated =
        jdbc.sql(
                "update inbound_email_attempt set attempts = attempts + 1,"
                    + " last_attempt_at = :now where message_key = :key")
            .param("key", messageKey)
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into inbound_email_attempt (message_key, attempts, last_attempt_at)"
                  + " values (:key, 1, :now)")
          .param("key", messageKey)
          .param("now", clock.instant().atOffset(ZoneOffset.UTC))
          .update();
    }
    return jdbc.sql("select attempts from inbound_email_attempt where message_key = :key")
        .param("key", messageKey)
        .query(Integer.class)
        .single();
  }

  /** The complaint an e-mail was registered as, or the case it was added to as a reply. */
  Optional<Long> registeredComplaint(String messageKey) {
    return takenIn(messageKey).map(TakenIn::complaintId);
  }

  private Optional<TakenIn> takenIn(String messageKey) {
    return jdbc.sql(
            "select complaint_id, kind, case_told_at, forget_requested_at, forgotten_at"
                + " from inbound_email where message_key = :key")
        .param("key", messageKey)
        .query(
            (row, number) ->
                new TakenIn(
                    row.getLong("complaint_id"),
                    (KIND_REPLY.equals(row.getString("kind"))
                            || KIND_INQUIRY_REPLY.equals(row.getString("kind")))
                        && row.getObject("case_told_at") == null,
                    row.getObject("forget_requested_at") != null
                        || row.getObject("forgotten_at") != null,
                    KIND_INQUIRY_REPLY.equals(row.getString("kind"))))
        .optional();
  }

  /** Marks a forgotten e-mail again: a copy of it arrived after its copies were deleted. */
  private void forgetAgain(String messageKey) {
    jdbc.sql(
            "update inbound_email set forget_requested_at = :now where message_key = :key"
                + " and forget_requested_at is null")
        .param("key", messageKey)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /**
   * The case the e-mail replies to: the one whose e-mail to the customer its {@code In-Reply-To} or
   * {@code References} names. Nothing else makes an e-mail a reply.
   */
  Optional<Complaint> repliedCase(IncomingEmail email) {
    return outboundIds.repliedComplaint(email.referencedMessageIds()).flatMap(register::find);
  }

  /**
   * The case whose registration number the subject names, when the sender's address is that case's
   * customer e-mail (case-insensitive): a new complaint related to it, never a reply to it.
   */
  Optional<Complaint> namedCase(IncomingEmail email) {
    String sender = email.fromAddress() == null ? "" : email.fromAddress().strip();
    if (email.subject() == null || sender.isEmpty()) {
      return Optional.empty();
    }
    return REGISTRATION_NUMBER
        .matcher(email.subject())
        .results()
        .map(found -> register.findByRegistrationNumber(found.group()))
        .flatMap(Optional::stream)
        .filter(
            complaint ->
                complaint.customerEmail() != null
                    && complaint
                        .customerEmail()
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(sender.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  private void addToCase(Complaint complaint, IncomingEmail email) {
    AttachmentService.Sorted files = attachments.sort(email.files());
    List<String> pieces = TextPieces.of(text(email));
    customerRequests.supplyInformation(
        complaint,
        pieces.get(0),
        files.acceptedAsSent(),
        () -> {
          for (String rest : pieces.subList(1, pieces.size())) {
            customerMessages.add(complaint.id(), rest);
          }
          attachments.noteRefused(complaint.id(), files.refused(), true);
          recordTakenIn(email.messageKey(), complaint.id(), KIND_REPLY);
        },
        () -> recordCaseTold(email.messageKey()));
  }

  /** Tells the case of a reply kept earlier that it has a message, as its taking in would have. */
  private void tellCase(long complaintId, String messageKey) {
    customerRequests.tellCase(register.get(complaintId), () -> recordCaseTold(messageKey));
  }

  private void recordCaseTold(String messageKey) {
    jdbc.sql("update inbound_email set case_told_at = :now where message_key = :key")
        .param("key", messageKey)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  private Outcome registerComplaint(IncomingEmail email, Optional<Related> related) {
    String address = email.fromAddress() == null ? null : email.fromAddress().strip();
    if (address == null
        || address.length() > NewComplaint.MAX_CUSTOMER_EMAIL
        || !PLAUSIBLE_ADDRESS.matcher(address).matches()) {
      return Outcome.NO_SENDER;
    }
    AttachmentService.Sorted files = attachments.sort(email.files());
    List<String> pieces = TextPieces.of(text(email));
    Submission submission =
        new Submission(
            email.language(),
            new Submission.Customer(name(email, address), address, null, null, null),
            PreferredContact.EMAIL,
            shorten(
                email.subject() == null || email.subject().isBlank() ? NO_SUBJECT : email.subject(),
                MAX_SUBJECT),
            pieces.get(0),
            null,
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
    attachments.noteRefused(receipt.complaintId(), files.refused(), true);
    for (String rest : pieces.subList(1, pieces.size())) {
      // The rest of a very long e-mail is kept as messages of the case.
      customerMessages.add(receipt.complaintId(), rest);
    }
    related.ifPresent(
        to -> {
          register.addEvent(
              receipt.complaintId(),
              to.newEntry(),
              ComplaintRegister.SYSTEM_ACTOR,
              to.earlier().registrationNumber(),
              false);
          register.addEvent(
              to.earlier().id(),
              to.earlierEntry(),
              ComplaintRegister.SYSTEM_ACTOR,
              receipt.registrationNumber(),
              false);
        });
    recordTakenIn(email.messageKey(), receipt.complaintId(), KIND_COMPLAINT);
    return Outcome.REGISTERED;
  }

  /** Notes the Message-ID as taken in and forgets its failed attempts. */
  private void recordTakenIn(String messageKey, long complaintId, String kind) {
    jdbc.sql(
            "insert into inbound_email (message_key, complaint_id, registered_at, kind)"
                + " values (:key, :complaintId, :now, :kind)")
        .param("key", messageKey)
        .param("complaintId", complaintId)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("kind", kind)
        .update();
    jdbc.sql("delete from inbound_email_attempt where message_key = :key")
        .param("key", messageKey)
        .update();
  }

  /**
   * The e-mail's text, with anything shaped like an access code and the token of any link to a
   * survey ({@code /surveys/<token>}) masked: a reply usually quotes our e-mail, which tells the
   * customer their code or invites them to the survey, and staff must not be able to use either.
   */
  static String text(IncomingEmail email) {
    if (email.text() == null || email.text().isBlank()) {
      return NO_TEXT;
    }
    String text = SURVEY_LINK_TOKEN.matcher(email.text()).replaceAll(NotificationService.MASK);
    return ACCESS_CODE.matcher(text).replaceAll(NotificationService.MASK);
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

  // --- issue 12, partners' replies (engineer D) ---------------------------------------------

  /** A Message-ID taken in as another organisation's reply to an inquiry ({@code kind}). */
  static final String KIND_INQUIRY_REPLY = "INQUIRY_REPLY";

  /** How often telling an inquiry is tried at once when the case changed at the same moment. */
  private static final int TELL_ATTEMPTS = 3;

  /**
   * The inquiry to another organisation the e-mail replies to: the one whose e-mail (or reminder)
   * its {@code In-Reply-To} or {@code References} names, by id and token. Such an e-mail is never
   * the customer's and never a new complaint.
   */
  Optional<InquiryReplies.AnsweredInquiry> answeredInquiry(IncomingEmail email) {
    return outboundIds
        .repliedInquiry(email.referencedMessageIds())
        .flatMap(replied -> inquiryReplies.find(replied.complaintId(), replied.dedupKey()));
  }

  /**
   * Keeps an organisation's reply (its text, its PDF, JPEG and PNG files linked to the inquiry,
   * refused files noted for staff, the Message-ID) in one transaction, then tells the inquiry: its
   * open reply task is completed with the text ({@link InquiryReplies#tell}), recorded with the
   * telling. Should telling fail, the next poll tells it again, never twice. A reply to a case
   * whose personal data was erased keeps nothing: it is recorded as taken in and marked to be
   * deleted from the mailbox, as a customer's e-mail of that case would be.
   */
  private void addToInquiry(InquiryReplies.AnsweredInquiry inquiry, IncomingEmail email) {
    AttachmentService.Sorted files = attachments.sort(email.files());
    String text = text(email);
    boolean kept =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> {
                  // The lock an anonymisation takes first: it waits for one running now, and one
                  // that comes later waits for this commit (and then marks this e-mail too).
                  caseLocks.lockCase(inquiry.complaintId());
                  if (anonymised(inquiry.complaintId())) {
                    // Nothing of it is kept; taken in once, and its copy goes from the mailbox.
                    recordTakenIn(email.messageKey(), inquiry.complaintId(), KIND_INQUIRY_REPLY);
                    forgetAgain(email.messageKey());
                    return false;
                  }
                  inquiryReplies.keep(inquiry, email.messageKey(), text, email.receivedAt());
                  attachments.storeForInquiry(
                      inquiry.complaintId(), inquiry.id(), files.accepted());
                  attachments.noteRefused(inquiry.complaintId(), files.refused(), false);
                  recordTakenIn(email.messageKey(), inquiry.complaintId(), KIND_INQUIRY_REPLY);
                  return true;
                }));
    if (kept) {
      tellInquiry(email.messageKey());
    }
  }

  /** Whether the case's personal data was erased ({@code complaint.anonymised_at}). */
  private boolean anonymised(long complaintId) {
    return jdbc.sql("select count(*) from complaint where id = :id and anonymised_at is not null")
            .param("id", complaintId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Tells the inquiry of a kept reply e-mail, and records that it was told, together. */
  private void tellInquiry(String messageKey) {
    for (int attempt = 1; ; attempt++) {
      try {
        transactions.executeWithoutResult(
            status -> {
              inquiryReplies.tell(messageKey);
              recordCaseTold(messageKey);
            });
        return;
      } catch (OptimisticLockingException e) {
        // the case changed at the same moment (a handler completing the task): try again
        if (attempt >= TELL_ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
