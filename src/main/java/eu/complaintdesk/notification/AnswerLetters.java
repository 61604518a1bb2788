package eu.complaintdesk.notification;

import eu.complaintdesk.http.Downloads;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.Organisation;
import eu.complaintdesk.system.OrganisationProperties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answer letters: the answer to a complaint as a PDF in the customer's language, with the
 * organisation's letterhead ({@code complaints.organisation.*}), the registration number, the
 * dates, the decision and its reasons, the answer text and, when the complaint was not fully
 * upheld, the appeal notice. Stored in {@code answer_letter}, attached to the answer e-mail, and
 * the letter to print for customers who asked for post.
 *
 * <p>One letter per answer step: {@link #create} with the same dedup key returns the letter made
 * the first time. The letter is stored in its own transaction, before the message that carries it.
 */
@Service
public class AnswerLetters {

  /** Timeline entry, visible to the customer, whose detail is the letter's id. */
  static final String ANSWER_LETTER = "ANSWER_LETTER";

  private final ComplaintRegister register;
  private final NotificationTemplates templates;
  private final LetterPdf pdf;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final Letterhead letterhead;

  AnswerLetters(
      ComplaintRegister register,
      NotificationTemplates templates,
      LetterPdf pdf,
      JdbcClient jdbc,
      Clock clock,
      PlatformTransactionManager transactions,
      Organisation organisation) {
    this.register = register;
    this.templates = templates;
    this.pdf = pdf;
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    OrganisationProperties head = organisation.letterhead();
    this.letterhead =
        new Letterhead(
            organisation.name(),
            head.address(),
            head.registrationCode(),
            head.phone(),
            head.email(),
            head.website());
  }

  /** The organisation as the letterhead shows it. */
  record Letterhead(
      String name,
      String address,
      String registrationCode,
      String phone,
      String email,
      String website) {}

  /** A stored letter without its content. */
  public record AnswerLetter(
      long id, long complaintId, Language language, String fileName, Instant createdAt) {}

  /** A stored letter with its PDF. */
  public record Letter(long id, long complaintId, String fileName, byte[] content) {

    /** The letter as a PDF download that no cache keeps (for customers and staff alike). */
    public ResponseEntity<byte[]> asDownload() {
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_PDF)
          .cacheControl(CacheControl.noStore())
          .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName))
          .body(content);
    }
  }

  /**
   * Makes and stores the answer letter of the complaint, whose answer must be recorded; returns its
   * id. {@code authorityName} and {@code authorityContacts} are the appeal authority, or {@code
   * null} when no appeal notice applies.
   */
  public long create(
      long complaintId, String authorityName, String authorityContacts, String dedupKey) {
    Objects.requireNonNull(dedupKey, "dedupKey");
    Optional<Long> existing = idByKey(complaintId, dedupKey);
    if (existing.isPresent()) {
      return existing.get();
    }
    Complaint complaint = register.get(complaintId);
    byte[] content = pdf.render(values(complaint, authorityName, authorityContacts));
    String fileName =
        templates.label("LETTER.fileName", complaint.language())
            + "-"
            + complaint.registrationNumber()
            + ".pdf";
    return ownTransaction.execute(
        status -> {
          KeyHolder key = new GeneratedKeyHolder();
          jdbc.sql(
                  "insert into answer_letter (complaint_id, dedup_key, language, file_name,"
                      + " content, created_at) values (:complaintId, :key, :language, :fileName,"
                      + " :content, :now)")
              .param("complaintId", complaintId)
              .param("key", dedupKey)
              .param("language", complaint.language().name())
              .param("fileName", fileName)
              .param("content", content)
              .param("now", clock.instant().atOffset(ZoneOffset.UTC))
              .update(key, "id");
          long id = Objects.requireNonNull(key.getKeyAs(Long.class), "generated id");
          if (erasedMeanwhile(complaintId)) {
            // The case's data was erased while the letter was made: it is not kept, and its
            // message is not recorded either (NotificationService).
            jdbc.sql("delete from answer_letter where id = :id").param("id", id).update();
            return id;
          }
          register.addEvent(
              complaintId, ANSWER_LETTER, ComplaintRegister.SYSTEM_ACTOR, Long.toString(id), true);
          return id;
        });
  }

  /**
   * Whether the case was anonymised, asked after the letter was inserted: an erasure that runs
   * meanwhile locks the case first ({@link NotificationAnonymisation#lockCase}), the insert waits
   * for it to commit, and this then sees it.
   */
  private boolean erasedMeanwhile(long complaintId) {
    return jdbc.sql("select count(*) from complaint where id = :id and anonymised_at is not null")
            .param("id", complaintId)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** The letter if it belongs to the complaint. */
  public Optional<Letter> find(long complaintId, long letterId) {
    return jdbc.sql(
            "select id, complaint_id, file_name, content from answer_letter"
                + " where id = :id and complaint_id = :complaintId")
        .param("id", letterId)
        .param("complaintId", complaintId)
        .query(
            (rs, row) ->
                new Letter(
                    rs.getLong("id"),
                    rs.getLong("complaint_id"),
                    rs.getString("file_name"),
                    rs.getBytes("content")))
        .optional();
  }

  /** The complaint's letters, oldest first, without their content. */
  public List<AnswerLetter> letters(long complaintId) {
    return jdbc.sql(
            "select id, complaint_id, language, file_name, created_at from answer_letter"
                + " where complaint_id = :complaintId order by id")
        .param("complaintId", complaintId)
        .query(AnswerLetters::letter)
        .list();
  }

  Map<String, String> values(Complaint complaint, String authorityName, String authorityContacts) {
    Language language = complaint.language();
    Map<String, String> values = new HashMap<>();
    values.put("language", language.name());
    values.put("title", label("title", language));
    values.put("organisationName", nullToEmpty(letterhead.name()));
    values.put("organisationDetailsHtml", organisationDetails(language));
    values.put(
        "recipientHtml",
        lines(
            Stream.of(complaint.customerName(), complaint.customerAddress())
                .filter(Objects::nonNull)
                .toList()));
    values.put("registrationNumberLabel", label("registrationNumber", language));
    values.put("registrationNumber", complaint.registrationNumber());
    values.put("receivedLabel", label("received", language));
    values.put("receivedDate", templates.text("date", complaint.receivedAt(), language));
    values.put("answeredLabel", label("answered", language));
    Instant answeredAt = complaint.answeredAt() == null ? clock.instant() : complaint.answeredAt();
    values.put("answeredDate", templates.text("date", answeredAt, language));
    values.put("closing", label("closing", language));

    StringBuilder sections = new StringBuilder();
    if (complaint.outcome() != null) {
      section(
          sections,
          label("decision", language),
          templates.text("outcome", complaint.outcome(), language));
    }
    section(
        sections,
        label("answer", language),
        Objects.requireNonNullElse(complaint.answerText(), ""));
    String reasons = register.approvedRefusalReasons(complaint.id()).orElse(null);
    if (complaint.outcome() != null && reasons != null && !reasons.isBlank()) {
      section(sections, label("reasons", language), reasons);
    }
    if (authorityName != null && !authorityName.isBlank()) {
      sections
          .append(TemplateFiles.paragraphs(label("appeal", language)))
          .append("<p><b>")
          .append(TemplateFiles.escape(authorityName))
          .append("</b>");
      if (authorityContacts != null && !authorityContacts.isBlank()) {
        sections.append("<br/>").append(TemplateFiles.escape(authorityContacts));
      }
      sections.append("</p>\n");
    }
    values.put("sectionsHtml", sections.toString());
    return values;
  }

  /** The letterhead's values of a letter in the language: {@code organisationName} and details. */
  Map<String, String> letterheadValues(Language language) {
    Map<String, String> values = new HashMap<>();
    values.put("organisationName", nullToEmpty(letterhead.name()));
    values.put("organisationDetailsHtml", organisationDetails(language));
    return values;
  }

  /** The recipient block: the given lines (name, postal address) escaped, one a line. */
  static String recipientHtml(String... lines) {
    return lines(Stream.of(lines).filter(Objects::nonNull).toList());
  }

  private String organisationDetails(Language language) {
    List<String> parts = new ArrayList<>();
    add(parts, null, letterhead.address(), language);
    add(parts, "registrationCode", letterhead.registrationCode(), language);
    add(parts, "phone", letterhead.phone(), language);
    add(parts, "email", letterhead.email(), language);
    add(parts, "website", letterhead.website(), language);
    return String.join(" · ", parts.stream().map(TemplateFiles::escape).toList());
  }

  private void add(List<String> parts, String label, String value, Language language) {
    if (value != null && !value.isBlank()) {
      parts.add(label == null ? value.strip() : label(label, language) + " " + value.strip());
    }
  }

  private static void section(StringBuilder html, String heading, String text) {
    html.append("<h2>")
        .append(TemplateFiles.escape(heading))
        .append("</h2>\n")
        .append(TemplateFiles.paragraphs(text));
  }

  private String label(String name, Language language) {
    return templates.label("LETTER." + name, language);
  }

  private static String lines(List<String> lines) {
    return String.join(
        "<br/>",
        lines.stream()
            .flatMap(String::lines)
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .map(TemplateFiles::escape)
            .toList());
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private Optional<Long> idByKey(long complaintId, String dedupKey) {
    return jdbc.sql(
            "select id from answer_letter where complaint_id = :complaintId and dedup_key = :key")
        .param("complaintId", complaintId)
        .param("key", dedupKey)
        .query(Long.class)
        .optional();
  }

  private static AnswerLetter letter(ResultSet rs, int row) throws SQLException {
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    return new AnswerLetter(
        rs.getLong("id"),
        rs.getLong("complaint_id"),
        Language.valueOf(rs.getString("language")),
        rs.getString("file_name"),
        created == null ? null : created.toInstant());
  }
}
