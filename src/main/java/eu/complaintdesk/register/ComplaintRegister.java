package eu.complaintdesk.register;

import static eu.complaintdesk.register.SqlValues.blankToNull;
import static eu.complaintdesk.register.SqlValues.generatedId;
import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint register: the complaint (what the customer submitted, its registration number and
 * access code, status, classification, deadline and answer) and its timeline. The process refers to
 * a complaint by its id.
 *
 * <p>The register writes only the complaint, the registration counter and the timeline. Every other
 * table has its own owner, which notes what it did through {@link #addEvent}: answer drafts and
 * inquiries ({@code answer/}), surveys ({@code survey/}), the customer's messages ({@code
 * customermessage/}), the deadline clock's column ({@code deadline/}); {@code TableOwnersTest}
 * checks it.
 *
 * <p>Methods that change a complaint throw {@link IllegalArgumentException} for an unknown id.
 */
@Service
public class ComplaintRegister {

  /** Actor of timeline entries written by the application itself. */
  public static final String SYSTEM_ACTOR = "system";

  /** Actor of the registration timeline entry of a self-service submission. */
  public static final String CUSTOMER_ACTOR = "customer";

  private static final Set<ComplaintStatus> CLOSING =
      EnumSet.of(
          ComplaintStatus.CLOSED, ComplaintStatus.CLOSED_INCOMPLETE, ComplaintStatus.WITHDRAWN);

  private static final String COMPLAINT_COLUMNS =
      "id, registration_number, channel, language, customer_name, customer_email, customer_phone,"
          + " customer_number, customer_address, preferred_contact, subject, description,"
          + " remedy_sought, category_hint, received_at, response_due_at, extended,"
          + " clock_paused_at, status, feedback_type, category, priority, repeat_complaint,"
          + " process_instance_id, outcome, answered_at, closed_at, answer_text, extension_reason";

  private final JdbcClient jdbc;
  private final RegistrationNumbers registrationNumbers;
  private final Clock clock;

  ComplaintRegister(JdbcClient jdbc, RegistrationNumbers registrationNumbers, Clock clock) {
    this.jdbc = jdbc;
    this.registrationNumbers = registrationNumbers;
    this.clock = clock;
  }

  // --- registration and look-up -----------------------------------------------------------

  /** Registers a submission: status REGISTERED, a new number and access code, timeline entry. */
  @Transactional
  public RegisteredComplaint register(NewComplaint complaint) {
    Objects.requireNonNull(complaint.channel(), "channel");
    Objects.requireNonNull(complaint.language(), "language");
    Objects.requireNonNull(complaint.preferredContact(), "preferredContact");
    Objects.requireNonNull(complaint.receivedAt(), "receivedAt");
    String registrationNumber = registrationNumbers.next(complaint.receivedAt());
    String accessCode = AccessCodes.generate();
    Instant now = clock.instant();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into complaint (registration_number, access_code_hash, channel, language,"
                + " customer_name, customer_email, customer_email_lower, customer_phone,"
                + " customer_number, customer_address, preferred_contact, subject, description,"
                + " remedy_sought, category_hint, received_at, response_due_at, extended, status,"
                + " repeat_complaint, registered_by, created_at)"
                + " values (:registrationNumber, :accessCodeHash, :channel, :language,"
                + " :customerName, :customerEmail, :customerEmailLower, :customerPhone,"
                + " :customerNumber, :customerAddress, :preferredContact, :subject, :description,"
                + " :remedySought, :categoryHint, :receivedAt, :responseDueAt, false, :status,"
                + " false, :registeredBy, :createdAt)")
        .param("registrationNumber", registrationNumber)
        .param("accessCodeHash", AccessCodes.hash(accessCode))
        .param("channel", complaint.channel().name())
        .param("language", complaint.language().name())
        .param("customerName", blankToNull(complaint.customerName()))
        .param("customerEmail", blankToNull(complaint.customerEmail()))
        .param("customerEmailLower", emailKey(complaint.customerEmail()))
        .param("customerPhone", blankToNull(complaint.customerPhone()))
        .param("customerNumber", blankToNull(complaint.customerNumber()))
        .param("customerAddress", blankToNull(complaint.customerAddress()))
        .param("preferredContact", complaint.preferredContact().name())
        .param("subject", complaint.subject())
        .param("description", complaint.description())
        .param("remedySought", blankToNull(complaint.remedySought()))
        .param("categoryHint", blankToNull(complaint.categoryHint()))
        .param("receivedAt", toDb(complaint.receivedAt()))
        .param("responseDueAt", toDb(complaint.responseDueAt()))
        .param("status", ComplaintStatus.REGISTERED.name())
        .param("registeredBy", complaint.registeredBy())
        .param("createdAt", toDb(now))
        .update(key, "id");
    long id = generatedId(key);
    String actor = complaint.registeredBy() == null ? CUSTOMER_ACTOR : complaint.registeredBy();
    insertEvent(id, now, "REGISTERED", actor, complaint.channel().name(), true);
    return new RegisteredComplaint(id, registrationNumber, accessCode);
  }

  public Optional<Complaint> find(long id) {
    return jdbc.sql("select " + COMPLAINT_COLUMNS + " from complaint where id = :id")
        .param("id", id)
        .query(ComplaintRegister::complaint)
        .optional();
  }

  /** The complaint; {@link IllegalArgumentException} if there is none with this id. */
  public Complaint get(long id) {
    return find(id).orElseThrow(() -> unknownComplaint(id));
  }

  public Optional<Complaint> findByRegistrationNumber(String registrationNumber) {
    if (registrationNumber == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select " + COMPLAINT_COLUMNS + " from complaint where registration_number = :number")
        .param("number", registrationNumber.trim())
        .query(ComplaintRegister::complaint)
        .optional();
  }

  /**
   * The complaint if the access code belongs to it; empty for an unknown number and for a wrong
   * code alike. The code is compared in constant time, ignoring case, spaces and hyphens.
   */
  public Optional<Complaint> findAccessible(String registrationNumber, String accessCode) {
    if (registrationNumber == null) {
      AccessCodes.matches(accessCode, null);
      return Optional.empty();
    }
    Optional<String> storedHash =
        jdbc.sql("select access_code_hash from complaint where registration_number = :number")
            .param("number", registrationNumber.trim())
            .query(String.class)
            .optional();
    if (!AccessCodes.matches(accessCode, storedHash.orElse(null))) {
      return Optional.empty();
    }
    return findByRegistrationNumber(registrationNumber);
  }

  // --- process facts ----------------------------------------------------------------------

  public void linkProcessInstance(long id, String processInstanceId) {
    requireUpdated(
        id,
        jdbc.sql("update complaint set process_instance_id = :pid where id = :id")
            .param("pid", processInstanceId)
            .param("id", id)
            .update());
  }

  /**
   * Changes the status and writes a timeline entry, visible to the customer, whose type is the new
   * status. Closing statuses (CLOSED, CLOSED_INCOMPLETE, WITHDRAWN) set {@code closed_at}.
   */
  @Transactional
  public void changeStatus(long id, ComplaintStatus status, String actor, String detail) {
    Instant now = clock.instant();
    int updated =
        CLOSING.contains(status)
            ? jdbc.sql("update complaint set status = :status, closed_at = :now where id = :id")
                .param("status", status.name())
                .param("now", toDb(now))
                .param("id", id)
                .update()
            : jdbc.sql("update complaint set status = :status where id = :id")
                .param("status", status.name())
                .param("id", id)
                .update();
    requireUpdated(id, updated);
    insertEvent(id, now, status.name(), actor, detail, true);
  }

  /** Records the confirmed classification; timeline entry CLASSIFIED (internal). */
  @Transactional
  public void classify(
      long id,
      String feedbackType,
      String category,
      String priority,
      boolean repeatComplaint,
      String actor) {
    requireUpdated(
        id,
        jdbc.sql(
                "update complaint set feedback_type = :type, category = :category,"
                    + " priority = :priority, repeat_complaint = :repeat where id = :id")
            .param("type", feedbackType)
            .param("category", category)
            .param("priority", priority)
            .param("repeat", repeatComplaint)
            .param("id", id)
            .update());
    String detail =
        feedbackType + " / " + category + " / " + priority + (repeatComplaint ? " / repeat" : "");
    insertEvent(id, clock.instant(), "CLASSIFIED", actor, detail, false);
  }

  /**
   * Sets the answer due date; timeline entry RESPONSE_DUE_SET or, when {@code extended},
   * DEADLINE_EXTENDED (both visible to the customer). An extension is never undone: calling this
   * again with {@code extended = false} (e.g. after the clock resumes) moves the date but keeps the
   * complaint extended and its reason.
   */
  @Transactional
  public void setResponseDue(long id, Instant responseDueAt, boolean extended, String reason) {
    requireUpdated(
        id,
        jdbc.sql(
                "update complaint set response_due_at = :due,"
                    + " extended = (extended or :extended),"
                    + " extension_reason = coalesce(:reason, extension_reason) where id = :id")
            .param("due", toDb(responseDueAt))
            .param("extended", extended)
            .param("reason", extended ? blankToNull(reason) : null)
            .param("id", id)
            .update());
    String detail =
        (responseDueAt == null ? "none" : responseDueAt.toString())
            + (extended && reason != null ? ": " + reason : "");
    insertEvent(
        id,
        clock.instant(),
        extended ? "DEADLINE_EXTENDED" : "RESPONSE_DUE_SET",
        SYSTEM_ACTOR,
        detail,
        true);
  }

  // --- timeline ---------------------------------------------------------------------------

  /**
   * Adds an entry to the timeline, now. Every feature that writes its own table records what it did
   * here; only the register writes the timeline.
   */
  public void addEvent(
      long id, String type, String actor, String detail, boolean visibleToCustomer) {
    insertEvent(id, clock.instant(), type, actor, detail, visibleToCustomer);
  }

  /** As {@link #addEvent(long, String, String, String, boolean)}, at the time of the change. */
  public void addEvent(
      long id,
      Instant occurredAt,
      String type,
      String actor,
      String detail,
      boolean visibleToCustomer) {
    insertEvent(id, occurredAt, type, actor, detail, visibleToCustomer);
  }

  /** The timeline, oldest first. */
  public List<TimelineEntry> timeline(long id) {
    return jdbc.sql(
            "select occurred_at, event_type, actor, detail, visible_to_customer"
                + " from complaint_event where complaint_id = :id order by occurred_at, id")
        .param("id", id)
        .query(
            (rs, row) ->
                new TimelineEntry(
                    instant(rs, "occurred_at"),
                    rs.getString("event_type"),
                    rs.getString("actor"),
                    rs.getString("detail"),
                    rs.getBoolean("visible_to_customer")))
        .list();
  }

  // --- classification ---------------------------------------------------------------------

  /**
   * Whether another complaint by the same customer (same e-mail address, ignoring case, or same
   * customer number) in the same category was received within {@code window} before this one. False
   * while this complaint has no category.
   */
  public boolean hasRecentSimilar(long id, Duration window) {
    Complaint complaint = get(id);
    return hasRecentSimilar(complaint, complaint.category(), window);
  }

  /** As {@link #hasRecentSimilar(long, Duration)}, for the category the complaint is given. */
  public boolean hasRecentSimilar(long id, String category, Duration window) {
    return hasRecentSimilar(get(id), category, window);
  }

  private boolean hasRecentSimilar(Complaint complaint, String category, Duration window) {
    long id = complaint.id();
    String email = emailKey(complaint.customerEmail());
    String customerNumber = blankToNull(complaint.customerNumber());
    if (category == null || (email == null && customerNumber == null)) {
      return false;
    }
    Integer count =
        jdbc.sql(
                "select count(*) from complaint where id <> :id and category = :category"
                    + " and received_at >= :from and received_at <= :until"
                    + " and (customer_email_lower = :email or customer_number = :customerNumber)")
            .param("id", id)
            .param("category", category)
            .param("from", toDb(complaint.receivedAt().minus(window)))
            .param("until", toDb(complaint.receivedAt()))
            .param("email", email)
            .param("customerNumber", customerNumber)
            .query(Integer.class)
            .single();
    return count > 0;
  }

  // --- the customer's cases (erasure and subject access) -------------------------------------

  /**
   * The ids of every complaint of the customer with this e-mail address (ignoring case and
   * surrounding blanks) or this phone number (ignoring blanks and {@code + - ( ) . /}), oldest
   * first. A blank argument matches nothing; with both blank the list is empty.
   */
  public List<Long> idsOfCustomer(String email, String phone) {
    String emailKey = emailKey(email);
    String phoneKey = phoneKey(phone);
    if (emailKey == null && phoneKey == null) {
      return List.of();
    }
    return jdbc.sql(
            "select id from complaint where customer_email_lower = :email or "
                + PHONE_DIGITS
                + " = :phone order by id")
        .param("email", emailKey)
        .param("phone", phoneKey)
        .query(Long.class)
        .list();
  }

  /** The characters a phone number is written with that are not part of the number. */
  private static final String PHONE_SEPARATORS = " +-()./";

  /**
   * {@code customer_phone} without {@link #PHONE_SEPARATORS}, in SQL that H2 and PostgreSQL read
   * alike (nested {@code replace}; their {@code translate} differ on an empty replacement).
   */
  private static final String PHONE_DIGITS =
      PHONE_SEPARATORS
          .chars()
          .mapToObj(c -> String.valueOf((char) c))
          .reduce("customer_phone", (sql, c) -> "replace(" + sql + ", '" + c + "', '')");

  private static String phoneKey(String phone) {
    String trimmed = blankToNull(phone);
    if (trimmed == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder();
    trimmed.chars().filter(c -> PHONE_SEPARATORS.indexOf(c) < 0).forEach(digits::appendCodePoint);
    return digits.isEmpty() ? null : digits.toString();
  }

  /** Lower-cased subject + " " + description: the input of the classification decision. */
  public String classificationText(long id) {
    Complaint complaint = get(id);
    String subject = complaint.subject() == null ? "" : complaint.subject();
    String description = complaint.description() == null ? "" : complaint.description();
    return (subject + " " + description).toLowerCase(Locale.ROOT);
  }

  // --- answer -----------------------------------------------------------------------------

  /** Stores the answer as sent; timeline entry ANSWER_RECORDED (internal). */
  @Transactional
  public void recordAnswer(
      long complaintId, String outcome, String answerText, Instant answeredAt) {
    requireUpdated(
        complaintId,
        jdbc.sql(
                "update complaint set outcome = :outcome, answer_text = :text,"
                    + " answered_at = :answeredAt where id = :id")
            .param("outcome", outcome)
            .param("text", answerText)
            .param("answeredAt", toDb(answeredAt))
            .param("id", complaintId)
            .update());
    insertEvent(complaintId, clock.instant(), "ANSWER_RECORDED", SYSTEM_ACTOR, outcome, false);
  }

  /**
   * The refusal reasons of the answer: those of the complaint's latest draft once it was approved.
   * Only read here; the drafts are written by the answer feature.
   */
  public Optional<String> approvedRefusalReasons(long complaintId) {
    return jdbc
        .sql(
            "select approved, refusal_reasons from answer_draft where complaint_id = :complaintId"
                + " order by id desc")
        .param("complaintId", complaintId)
        .query(
            (rs, row) ->
                Boolean.TRUE.equals(rs.getObject("approved", Boolean.class))
                    ? Optional.ofNullable(rs.getString("refusal_reasons"))
                    : Optional.<String>empty())
        .list()
        .stream()
        .findFirst()
        .flatMap(reasons -> reasons);
  }

  // --- helpers ----------------------------------------------------------------------------

  private void insertEvent(
      long complaintId, Instant at, String type, String actor, String detail, boolean visible) {
    jdbc.sql(
            "insert into complaint_event (complaint_id, occurred_at, event_type, actor, detail,"
                + " visible_to_customer) values (:complaintId, :at, :type, :actor, :detail,"
                + " :visible)")
        .param("complaintId", complaintId)
        .param("at", toDb(at))
        .param("type", type)
        .param("actor", actor)
        .param("detail", truncate(detail, 2000))
        .param("visible", visible)
        .update();
  }

  /** {@link IllegalArgumentException} if there is no complaint with this id. */
  public void requireExists(long id) {
    boolean exists =
        jdbc.sql("select count(*) from complaint where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single()
            > 0;
    if (!exists) {
      throw unknownComplaint(id);
    }
  }

  private static void requireUpdated(long id, int updated) {
    if (updated == 0) {
      throw unknownComplaint(id);
    }
  }

  private static IllegalArgumentException unknownComplaint(long id) {
    return new IllegalArgumentException("No complaint " + id);
  }

  private static Complaint complaint(ResultSet rs, int row) throws SQLException {
    return new Complaint(
        rs.getLong("id"),
        rs.getString("registration_number"),
        Channel.valueOf(rs.getString("channel")),
        Language.valueOf(rs.getString("language")),
        rs.getString("customer_name"),
        rs.getString("customer_email"),
        rs.getString("customer_phone"),
        rs.getString("customer_number"),
        rs.getString("customer_address"),
        PreferredContact.valueOf(rs.getString("preferred_contact")),
        rs.getString("subject"),
        rs.getString("description"),
        rs.getString("remedy_sought"),
        rs.getString("category_hint"),
        instant(rs, "received_at"),
        instant(rs, "response_due_at"),
        rs.getBoolean("extended"),
        instant(rs, "clock_paused_at"),
        ComplaintStatus.valueOf(rs.getString("status")),
        rs.getString("feedback_type"),
        rs.getString("category"),
        rs.getString("priority"),
        rs.getBoolean("repeat_complaint"),
        rs.getString("process_instance_id"),
        rs.getString("outcome"),
        instant(rs, "answered_at"),
        instant(rs, "closed_at"),
        rs.getString("answer_text"),
        rs.getString("extension_reason"));
  }

  private static String emailKey(String email) {
    String trimmed = blankToNull(email);
    return trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  // --- texts written in tasks, kept here rather than in the engine (issue 11) -----------------

  /**
   * What the registrar asked the customer for (the completeness check's {@code
   * missingInformation}): the request to the customer is made from it. The latest check's text.
   */
  @Transactional
  public void recordMissingInformation(long complaintId, String text) {
    requireUpdated(
        complaintId,
        jdbc.sql("update complaint set missing_information = :text where id = :id")
            .param("text", text)
            .param("id", complaintId)
            .update());
  }

  /** What the registrar asked the customer for last; {@code null} when nothing was asked. */
  public String missingInformation(long complaintId) {
    List<String> texts =
        jdbc.sql("select missing_information from complaint where id = :id")
            .param("id", complaintId)
            .query((rs, row) -> rs.getString(1))
            .list();
    if (texts.isEmpty()) {
      throw unknownComplaint(complaintId);
    }
    return texts.get(0);
  }

  /**
   * The answer a task gave to a proposal or an information request, stored as the complaint's
   * answer text until {@link #recordAnswer} records it as sent ({@code answered_at} stays empty
   * until then). The answer is sent from here, not from the task's variable.
   */
  @Transactional
  public void recordAnswerText(long complaintId, String answerText) {
    requireUpdated(
        complaintId,
        jdbc.sql("update complaint set answer_text = :text where id = :id")
            .param("text", answerText)
            .param("id", complaintId)
            .update());
  }
}
