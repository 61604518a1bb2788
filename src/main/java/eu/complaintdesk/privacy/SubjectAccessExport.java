package eu.complaintdesk.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.answer.ExternalInquiries;
import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.attachment.AttachmentInfo;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.survey.Surveys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the register holds about one customer, as the ZIP of a subject access request (GDPR art.
 * 15): {@code cases.json} (pretty, UTF-8) with every case of the customer, then under one folder
 * per case (its registration number) the files they sent ({@code attachments/}) and our answer
 * letters ({@code letters/}). Each file's entry name is {@code <id>-<safe name>}: the stored name
 * without diacritics, with every character but letters, digits, {@code . _ -} replaced, so no
 * stored name leaves its folder and no two entries share a name. Files are read and written one at
 * a time, so a customer with many attachments does not fill the memory.
 *
 * <p>What goes in, and what not (see the README's "Records and privacy"): the customer's data as
 * held, their submission, dates, status, classification, deadlines, the outcome and the answer sent
 * with its reasons, the timeline's kinds and dates (who acted only as customer, system or staff,
 * and details only of the entries the customer sees), their messages, our messages to them, their
 * survey answers, and the inquiries to other organisations with their replies (disclosures of the
 * case and what others told us about it). Drafts not sent and review comments are the
 * organisation's internal deliberation, not the customer's personal data; the answer that came of
 * them is in. Secrets stay out: the access code and survey links are masked as in the outbox,
 * survey tokens are left out.
 *
 * <p>Reads go through the owners of the tables; the export is noted on each case's timeline
 * ({@value #EXPORTED}, by the user, staff only) by {@link #recordExport}.
 */
@Service
class SubjectAccessExport {

  /** Timeline entry on each exported case (staff only); actor: who exported. */
  static final String EXPORTED = "SUBJECT_ACCESS_EXPORTED";

  static final String CASES_JSON = "cases.json";

  private static final Pattern SAFE_FOLDER = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");
  private static final int MAX_NAME = 90;

  private final ComplaintRegister register;
  private final CustomerMessages customerMessages;
  private final NotificationService notifications;
  private final AnswerLetters letters;
  private final AttachmentService attachments;
  private final Surveys surveys;
  private final ExternalInquiries inquiries;
  private final ObjectMapper json;
  private final Clock clock;

  SubjectAccessExport(
      ComplaintRegister register,
      CustomerMessages customerMessages,
      NotificationService notifications,
      AnswerLetters letters,
      AttachmentService attachments,
      Surveys surveys,
      ExternalInquiries inquiries,
      ObjectMapper json,
      Clock clock) {
    this.register = register;
    this.customerMessages = customerMessages;
    this.notifications = notifications;
    this.letters = letters;
    this.attachments = attachments;
    this.surveys = surveys;
    this.inquiries = inquiries;
    this.json = json;
    this.clock = clock;
  }

  // --- what cases.json holds ------------------------------------------------------------------

  /** The whole export. */
  record Export(Instant exportedAt, int caseCount, List<CaseData> cases) {}

  record CaseData(
      String registrationNumber,
      String channel,
      String language,
      Instant receivedAt,
      String status,
      String feedbackType,
      String category,
      String priority,
      boolean repeatComplaint,
      CustomerData customer,
      Submission submission,
      Instant responseDueAt,
      boolean extended,
      String extensionReason,
      String outcome,
      String answer,
      String refusalReasons,
      Instant answeredAt,
      Instant closedAt,
      List<Event> timeline,
      List<MessageFromCustomer> messagesFromCustomer,
      List<MessageToCustomer> messagesToCustomer,
      List<SurveyAnswer> surveys,
      List<Inquiry> inquiriesToOtherOrganisations,
      List<FileEntry> attachments,
      List<FileEntry> letters) {}

  record CustomerData(
      String name,
      String email,
      String phone,
      String customerNumber,
      String address,
      String preferredContact) {}

  record Submission(String subject, String description, String remedySought, String categoryHint) {}

  /**
   * A timeline entry: {@code by} is {@code customer}, {@code system} or {@code staff} (staff user
   * ids are the staff's personal data, not the customer's); {@code detail} only where the customer
   * sees the entry on the status page anyway.
   */
  record Event(Instant occurredAt, String kind, String by, String detail) {}

  record MessageFromCustomer(Instant receivedAt, String message) {}

  record MessageToCustomer(
      String kind,
      String channel,
      String recipient,
      String subject,
      String body,
      String state,
      Instant createdAt,
      Instant sentAt,
      Instant postedAt) {}

  record SurveyAnswer(Instant expiresAt, Integer score, String comment, Instant answeredAt) {}

  record Inquiry(String organisation, Instant askedAt, String reply, Instant repliedAt) {}

  /** A file of the ZIP: {@code path} is its entry name. */
  record FileEntry(String path, String fileName, String mediaType, Long size, Instant date) {}

  // --- the export -----------------------------------------------------------------------------

  /** The ids of the customer's cases, oldest first (empty when there is none). */
  List<Long> casesOf(SubjectAccessRequest request) {
    return register.idsOfCustomer(request.email(), request.phone());
  }

  /** Notes the export on every case's timeline, by {@code user}, not visible to the customer. */
  @Transactional
  void recordExport(List<Long> complaintIds, String user) {
    complaintIds.forEach(id -> register.addEvent(id, EXPORTED, user, null, false));
  }

  /**
   * Writes the ZIP of these cases to {@code out} (not closed), read in one snapshot of the register
   * (repeatable read): an erasure or a step of a case committing meanwhile cannot make the JSON and
   * the files disagree, nor leave a file out.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  void write(List<Long> complaintIds, OutputStream out) throws IOException {
    List<CaseData> cases = new ArrayList<>();
    for (long id : complaintIds) {
      cases.add(caseData(register.get(id)));
    }
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.putNextEntry(new ZipEntry(CASES_JSON));
    zip.write(
        json.writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(new Export(clock.instant(), cases.size(), cases)));
    zip.closeEntry();
    Set<String> written = new HashSet<>(Set.of(CASES_JSON));
    for (int i = 0; i < cases.size(); i++) {
      long complaintId = complaintIds.get(i);
      CaseData data = cases.get(i);
      for (FileEntry file : data.attachments()) {
        long attachmentId = idOf(file.path());
        byte[] content =
            attachments
                .find(complaintId, attachmentId)
                .orElseThrow(() -> new IllegalStateException("attachment gone during export"))
                .content();
        entry(zip, written, file.path(), content);
      }
      for (FileEntry file : data.letters()) {
        byte[] content =
            letters
                .find(complaintId, idOf(file.path()))
                .orElseThrow(() -> new IllegalStateException("letter gone during export"))
                .content();
        entry(zip, written, file.path(), content);
      }
    }
    zip.finish();
  }

  private static void entry(ZipOutputStream zip, Set<String> written, String path, byte[] content)
      throws IOException {
    if (!written.add(path)) {
      throw new IllegalStateException("two entries of one name in a subject access export");
    }
    zip.putNextEntry(new ZipEntry(path));
    zip.write(content);
    zip.closeEntry();
  }

  private CaseData caseData(Complaint c) {
    long id = c.id();
    String folder = folder(c);
    return new CaseData(
        c.registrationNumber(),
        name(c.channel()),
        name(c.language()),
        c.receivedAt(),
        name(c.status()),
        c.feedbackType(),
        c.category(),
        c.priority(),
        c.repeatComplaint(),
        new CustomerData(
            c.customerName(),
            c.customerEmail(),
            c.customerPhone(),
            c.customerNumber(),
            c.customerAddress(),
            name(c.preferredContact())),
        new Submission(c.subject(), c.description(), c.remedySought(), c.categoryHint()),
        c.responseDueAt(),
        c.extended(),
        c.extensionReason(),
        c.outcome(),
        // an answer written but not sent yet is a working document
        c.answeredAt() == null ? null : c.answerText(),
        c.outcome() == null ? null : register.approvedRefusalReasons(id).orElse(null),
        c.answeredAt(),
        c.closedAt(),
        register.timeline(id).stream().map(SubjectAccessExport::event).toList(),
        customerMessages.list(id).stream()
            .map(m -> new MessageFromCustomer(m.receivedAt(), m.message()))
            .toList(),
        notifications.messages(id).stream()
            .filter(m -> m.kind().isForCustomer())
            .map(SubjectAccessExport::messageToCustomer)
            .toList(),
        surveys.ofComplaint(id).stream()
            .map(s -> new SurveyAnswer(s.expiresAt(), s.score(), s.comment(), s.answeredAt()))
            .toList(),
        inquiries.inquiries(id).stream().map(SubjectAccessExport::inquiry).toList(),
        attachments.listAll(id).stream().map(a -> attachment(folder, a)).toList(),
        letters.letters(id).stream()
            .map(
                l ->
                    new FileEntry(
                        folder + "/letters/" + safeName(l.id(), l.fileName()),
                        l.fileName(),
                        "application/pdf",
                        null,
                        l.createdAt()))
            .toList());
  }

  private static Event event(TimelineEntry entry) {
    return new Event(
        entry.occurredAt(),
        entry.type(),
        by(entry.actor()),
        entry.visibleToCustomer() ? entry.detail() : null);
  }

  private static String by(String actor) {
    if (ComplaintRegister.CUSTOMER_ACTOR.equals(actor)) {
      return "customer";
    }
    return actor == null || ComplaintRegister.SYSTEM_ACTOR.equals(actor) ? "system" : "staff";
  }

  private static MessageToCustomer messageToCustomer(OutboundMessage m) {
    return new MessageToCustomer(
        m.kind().name(),
        name(m.channel()),
        m.recipient(),
        m.subject(),
        m.body(),
        name(m.state()),
        m.createdAt(),
        m.sentAt(),
        m.postedAt());
  }

  private static Inquiry inquiry(ExternalInquiry i) {
    return new Inquiry(i.organisation(), i.askedAt(), i.reply(), i.repliedAt());
  }

  private static FileEntry attachment(String folder, AttachmentInfo a) {
    return new FileEntry(
        folder + "/attachments/" + safeName(a.id(), a.fileName()),
        a.fileName(),
        a.mediaType(),
        a.size(),
        a.receivedAt());
  }

  /** The case's folder: its registration number, or {@code case-<id>} if that were not safe. */
  static String folder(Complaint complaint) {
    String number = complaint.registrationNumber();
    return number != null && SAFE_FOLDER.matcher(number).matches()
        ? number
        : "case-" + complaint.id();
  }

  /**
   * {@code <id>-<name>}: the stored name without diacritics, every character but ASCII letters,
   * digits, {@code _} and {@code -} as {@code _}, with its extension (up to ten letters or digits
   * after the last dot) kept; {@code file} when nothing of the name is left. No separator and no
   * {@code ..} survive, so no entry leaves its folder; the id keeps two files of one name apart.
   */
  static String safeName(long id, String fileName) {
    String cleaned =
        Normalizer.normalize(fileName == null ? "" : fileName, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^A-Za-z0-9._-]", "_");
    int dot = cleaned.lastIndexOf('.');
    boolean hasExtension = dot >= 0 && EXTENSION.matcher(cleaned.substring(dot + 1)).matches();
    String extension = hasExtension ? cleaned.substring(dot) : "";
    String base =
        (hasExtension ? cleaned.substring(0, dot) : cleaned)
            .replace('.', '_')
            .replaceAll("^_+|_+$", "");
    if (base.length() > MAX_NAME) {
      base = base.substring(0, MAX_NAME);
    }
    return id + "-" + (base.isEmpty() ? "file" : base) + extension;
  }

  /** The id an entry name starts with ({@link #safeName}). */
  private static long idOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return Long.parseLong(name.substring(0, name.indexOf('-')));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
