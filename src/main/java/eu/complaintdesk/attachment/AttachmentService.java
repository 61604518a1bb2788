package eu.complaintdesk.attachment;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.text.Counts;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files customers send with a submission or with more information: checked by their content (PDF,
 * JPEG or PNG only, within the configured number and size), stored in the register with a sanitised
 * name and their SHA-256, and read back for staff.
 */
@Service
public class AttachmentService {

  /** The request field of the files, as the API and the web form name it. */
  public static final String FIELD = "attachments";

  static final String ALLOWED = "a PDF, JPEG or PNG file";

  /**
   * Why an image whose header cannot be read is refused: nobody could open it, and its size could
   * not be checked, so it may claim any number of pixels to whatever reads it more leniently.
   */
  static final String UNREADABLE_IMAGE =
      "the image cannot be read (its header is damaged or incomplete)";

  private static final String COLUMNS =
      "id, complaint_id, customer_message_id, file_name, media_type, size_bytes, sha256,"
          + " created_at";

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final AttachmentProperties limits;
  private final Clock clock;
  private final Tika tika = new Tika();

  AttachmentService(
      JdbcClient jdbc, ComplaintRegister register, AttachmentProperties limits, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * What {@link #sort} found: the files that may be stored (checked, and as they were sent) and
   * those that may not.
   */
  public record Sorted(
      List<CheckedFile> accepted, List<UploadedFile> acceptedAsSent, List<RefusedFile> refused) {}

  /**
   * Checks every file; if any is refused, the whole request is: {@link ApiProblem} naming the field
   * of the first refused file ({@code attachments[i]}) and its name, or {@code attachments} when
   * there are too many. Nothing has been stored either way.
   */
  public List<CheckedFile> checkAll(List<UploadedFile> files) {
    List<UploadedFile> all = files == null ? List.of() : files;
    if (all.size() > limits.maxAttachments()) {
      throw new ApiProblem(
          HttpStatus.BAD_REQUEST,
          FIELD,
          FIELD
              + ": at most "
              + Counts.english(limits.maxAttachments(), "file", "files")
              + " may be sent at once, not "
              + all.size());
    }
    Checked checked = check(all);
    if (!checked.refused().isEmpty()) {
      Refusal first = checked.refused().get(0);
      throw new FileRefused(first.file(), first.imageTooLarge());
    }
    return checked.sorted().accepted();
  }

  /**
   * Sorts files into those that may be stored and those that may not (files beyond the allowed
   * number included), for channels that must keep what they can, such as the e-mail inbox.
   */
  public Sorted sort(List<UploadedFile> files) {
    return check(files).sorted();
  }

  /** A refused file, and whether for its dimensions (told apart by {@link #isImageTooLarge}). */
  private record Refusal(RefusedFile file, boolean imageTooLarge) {}

  private record Checked(Sorted sorted, List<Refusal> refused) {}

  /**
   * The refusal {@link #checkAll} throws: an {@link ApiProblem} like any other, which also knows
   * whether it is about an image's dimensions, so callers need not read its message.
   */
  private static final class FileRefused extends ApiProblem {

    private final boolean imageTooLarge;

    FileRefused(RefusedFile file, boolean imageTooLarge) {
      super(file.status(), file.field(), file.describe());
      this.imageTooLarge = imageTooLarge;
    }
  }

  private Checked check(List<UploadedFile> files) {
    List<CheckedFile> accepted = new ArrayList<>();
    List<UploadedFile> acceptedAsSent = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      UploadedFile file = files.get(i);
      String field = FIELD + "[" + i + "]";
      String shownName = FileNames.clean(file.name());
      Optional<AllowedType> type = Optional.empty();
      String reason = null;
      boolean imageTooLarge = false;
      HttpStatus status = HttpStatus.BAD_REQUEST;
      if (file.size() == 0) {
        reason = "the file is empty";
      } else if (file.size() > limits.maxAttachmentSize().toBytes()) {
        status = HttpStatus.PAYLOAD_TOO_LARGE;
        reason = "the file is larger than " + limits.maxAttachmentSize().toMegabytes() + " MB";
      } else {
        type = AllowedType.ofMediaType(tika.detect(file.content()));
        if (type.isEmpty()) {
          status = HttpStatus.UNPROCESSABLE_ENTITY;
          reason = "the content is not " + ALLOWED + " (whatever its name or declared type)";
        } else if (accepted.size() >= limits.maxAttachments()) {
          reason =
              "at most "
                  + Counts.english(limits.maxAttachments(), "file is", "files are")
                  + " kept";
        } else if (ImageSize.applies(type.get())) {
          Optional<ImageSize.Dimensions> size = ImageSize.of(type.get(), file.content());
          if (size.isEmpty()) {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
            reason = UNREADABLE_IMAGE;
          } else if (size.get().longerSide() > limits.maxImageSide()) {
            imageTooLarge = true;
            reason = imageTooLarge();
          }
        }
      }
      if (reason != null) {
        refused.add(new Refusal(new RefusedFile(field, shownName, status, reason), imageTooLarge));
      } else {
        AllowedType allowed = type.orElseThrow();
        accepted.add(
            new CheckedFile(
                FileNames.forType(file.name(), allowed),
                allowed.mediaType(),
                file.size(),
                sha256(file.content()),
                file.content()));
        acceptedAsSent.add(file);
      }
    }
    return new Checked(
        new Sorted(
            List.copyOf(accepted),
            List.copyOf(acceptedAsSent),
            refused.stream().map(Refusal::file).toList()),
        List.copyOf(refused));
  }

  private String imageTooLarge() {
    return "the image is larger than " + limits.maxImageSide() + " pixels on a side";
  }

  /**
   * Whether a refusal of {@link #checkAll} is about an image's dimensions (answered 400 naming the
   * file's field), for callers that tell it in their own words.
   */
  public boolean isImageTooLarge(ApiProblem problem) {
    return problem instanceof FileRefused refused && refused.imageTooLarge;
  }

  public int maxImageSide() {
    return limits.maxImageSide();
  }

  /**
   * Stores checked files of a complaint, each noted in its timeline (visible to the customer).
   *
   * @param customerMessageId the message they came with, {@code null} for the submission
   */
  @Transactional
  public List<Long> store(long complaintId, Long customerMessageId, List<CheckedFile> files) {
    return store(
        complaintId,
        customerMessageId,
        null,
        files,
        "ATTACHMENT_RECEIVED",
        ComplaintRegister.CUSTOMER_ACTOR,
        true);
  }

  /** Inserts each file and notes it in the timeline under the event type, by the actor. */
  private List<Long> store(
      long complaintId,
      Long customerMessageId,
      Long inquiryId,
      List<CheckedFile> files,
      String eventType,
      String actor,
      boolean visibleToCustomer) {
    List<Long> ids = new ArrayList<>();
    Instant now = clock.instant();
    for (CheckedFile file : files) {
      ids.add(insert(complaintId, customerMessageId, inquiryId, file, now));
      register.addEvent(complaintId, eventType, actor, file.fileName(), visibleToCustomer);
    }
    return ids;
  }

  /**
   * Notes refused files in the timeline, e.g. from the e-mail inbox: visible to the customer for
   * their own files, to staff only for those of an organisation's reply.
   */
  @Transactional
  public void noteRefused(long complaintId, List<RefusedFile> refused, boolean visibleToCustomer) {
    for (RefusedFile file : refused) {
      register.addEvent(
          complaintId,
          "ATTACHMENT_REFUSED",
          ComplaintRegister.SYSTEM_ACTOR,
          file.fileName() + ": " + file.reason(),
          visibleToCustomer);
    }
  }

  /**
   * The customer's attachments of a complaint (with the submission or a message), oldest first,
   * without content; the files other organisations sent with their replies are not the customer's
   * ({@link #listOfInquiry}): neither the customer nor the case's attachment lists show them.
   */
  public List<AttachmentInfo> list(long complaintId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from attachment where complaint_id = :complaintId"
                + " and external_inquiry_id is null order by created_at, id")
        .param("complaintId", complaintId)
        .query(AttachmentService::info)
        .list();
  }

  /** Every file of a complaint, the organisations' replies' too, oldest first, without content. */
  public List<AttachmentInfo> listAll(long complaintId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from attachment where complaint_id = :complaintId order by created_at, id")
        .param("complaintId", complaintId)
        .query(AttachmentService::info)
        .list();
  }

  /** One attachment with its content, if it belongs to this complaint. */
  public Optional<StoredFile> find(long complaintId, long attachmentId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + ", content from attachment where id = :id and complaint_id = :complaintId")
        .param("id", attachmentId)
        .param("complaintId", complaintId)
        .query((rs, row) -> new StoredFile(info(rs, row), rs.getBytes("content")))
        .optional();
  }

  /** How many attachments are stored in all (for tests and monitoring). */
  public long count() {
    return jdbc.sql("select count(*) from attachment").query(Long.class).single();
  }

  /** Where signed-in staff download an attachment (for links in staff pages and forms). */
  public static String downloadPath(String registrationNumber, long attachmentId) {
    return "/api/staff/complaints/" + registrationNumber + "/attachments/" + attachmentId;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static AttachmentInfo info(ResultSet rs, int row) throws SQLException {
    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
    return new AttachmentInfo(
        rs.getLong("id"),
        rs.getLong("complaint_id"),
        rs.getObject("customer_message_id", Long.class),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        created == null ? null : created.toInstant());
  }

  /** One checked file of the case: with a customer's message, an inquiry's reply, or neither. */
  private long insert(
      long complaintId, Long customerMessageId, Long inquiryId, CheckedFile file, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into attachment (complaint_id, customer_message_id, external_inquiry_id,"
                + " file_name, media_type, size_bytes, sha256, content, created_at) values"
                + " (:complaintId, :messageId, :inquiryId, :fileName, :mediaType, :size, :sha256,"
                + " :content, :now)")
        .param("complaintId", complaintId)
        .param("messageId", customerMessageId)
        .param("inquiryId", inquiryId)
        .param("fileName", file.fileName())
        .param("mediaType", file.mediaType())
        .param("size", file.size())
        .param("sha256", file.sha256())
        .param("content", file.content())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update(key, "id");
    return Objects.requireNonNull(key.getKeyAs(Long.class), "generated id");
  }

  // --- issue 12, partners' replies (engineer D) ---------------------------------------------

  /**
   * Stores checked files that another organisation sent with its reply to an inquiry of the case,
   * linked to the inquiry; each noted in the timeline for staff only (they are not the customer's).
   */
  @Transactional
  public List<Long> storeForInquiry(long complaintId, long inquiryId, List<CheckedFile> files) {
    return store(
        complaintId,
        null,
        inquiryId,
        files,
        INQUIRY_ATTACHMENT_RECEIVED,
        ComplaintRegister.SYSTEM_ACTOR,
        false);
  }

  /** Timeline entry (staff only): a file another organisation sent with its reply. */
  public static final String INQUIRY_ATTACHMENT_RECEIVED = "INQUIRY_ATTACHMENT_RECEIVED";

  /** The files another organisation sent with its replies to the inquiry, oldest first. */
  public List<AttachmentInfo> listOfInquiry(long complaintId, long inquiryId) {
    return listOfInquiries(complaintId).getOrDefault(inquiryId, List.of());
  }

  /**
   * The files other organisations sent with their replies to the complaint's inquiries, by inquiry
   * id, each oldest first: one query for the whole case file.
   */
  public Map<Long, List<AttachmentInfo>> listOfInquiries(long complaintId) {
    Map<Long, List<AttachmentInfo>> files = new HashMap<>();
    jdbc.sql(
            "select "
                + COLUMNS
                + ", external_inquiry_id from attachment where complaint_id = :complaintId"
                + " and external_inquiry_id is not null order by created_at, id")
        .param("complaintId", complaintId)
        .query(
            rs -> {
              files
                  .computeIfAbsent(rs.getLong("external_inquiry_id"), id -> new ArrayList<>())
                  .add(info(rs, 0));
            });
    return files;
  }
}
