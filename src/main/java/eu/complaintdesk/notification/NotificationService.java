package eu.complaintdesk.notification;

import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.Organisation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends notifications about a complaint: to its customer, to a staff group, or to another
 * organisation. Every message is first recorded in {@code outbound_message} (PENDING), then handed
 * to the {@link MessageDelivery} for its channel; on success it is marked SENT and a timeline entry
 * {@code MESSAGE_SENT} is written. If delivery throws, the message is marked FAILED (timeline
 * {@code MESSAGE_FAILED}, the error kept with the message) and {@link MessageDeliveryFailed} is
 * thrown, so that the calling job is retried.
 *
 * <p>Every write about a message (the record, each attempt, SENT, FAILED and their timeline
 * entries) commits in its own transaction, independent of the caller's: a FAILED attempt stays on
 * record although the job that made it rolls back, and a message once SENT is never sent again by a
 * retry of the job, whatever became of the job's own transaction.
 *
 * <p>A case whose personal data is erased ({@link NotificationAnonymisation}) gets no message
 * recorded any more; a message is handed over only if its attempt finds it still PENDING or FAILED
 * and its case not anonymised (else it is cancelled and emptied as the erasure would have), and a
 * message cancelled meanwhile stays NOT_SENT: neither SENT nor FAILED overwrites it.
 *
 * <p>An acknowledgement beyond its contact's daily cap ({@link AcknowledgementCap}) is recorded
 * NOT_SENT with the reason and not handed over.
 *
 * <p>Idempotent per complaint and dedup key: once a message with the key is SENT (or UNDELIVERABLE,
 * or NOT_SENT), further calls send nothing; a PENDING or FAILED one is delivered again, with the
 * content this call renders (the failed run's other work was rolled back with its job). Call the
 * methods from an {@code asyncBefore} service task so that a failure becomes a retried job, never a
 * rolled-back customer request. What remains between "handed over" and "recorded SENT" is discussed
 * in {@code docs/adr/0007-outbound-messages.md}.
 */
@Service
public class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  static final String MESSAGE_SENT = "MESSAGE_SENT";
  static final String MESSAGE_UNDELIVERABLE = "MESSAGE_UNDELIVERABLE";
  static final String MESSAGE_FAILED = "MESSAGE_FAILED";
  static final String MESSAGE_NOT_SENT = "MESSAGE_NOT_SENT";

  /** What the outbox shows in place of a value only the customer may read. */
  public static final String MASK = "••••";

  /** The states in which a message may still be handed over. */
  private static final List<String> OPEN =
      List.of(DeliveryState.PENDING.name(), DeliveryState.FAILED.name());

  /** A statement's condition: the case's personal data is still there. */
  private static final String AND_CASE_KEPT =
      " and exists (select 1 from complaint c where c.id = :complaintId"
          + " and c.anonymised_at is null)";

  private static final int MAX_SUBJECT = 300;
  private static final int MAX_ERROR = 2000;

  private final ComplaintRegister register;
  private final NotificationTemplates templates;
  private final List<MessageDelivery> deliveries;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final String organisationName;
  private final String statusPage;
  private final Language staffLanguage;
  private final TransactionTemplate ownTransaction;
  private final DeliveryMetrics metrics;
  private final AcknowledgementCap acknowledgementCap;

  NotificationService(
      ComplaintRegister register,
      NotificationTemplates templates,
      List<MessageDelivery> deliveries,
      JdbcClient jdbc,
      Clock clock,
      Organisation organisation,
      @Value("${complaints.notifications.staff-language:en}") Language staffLanguage,
      PlatformTransactionManager transactions,
      DeliveryMetrics metrics,
      AcknowledgementCap acknowledgementCap) {
    this.register = register;
    this.templates = templates;
    this.deliveries = List.copyOf(deliveries);
    this.jdbc = jdbc;
    this.clock = clock;
    this.organisationName = organisation.name();
    this.statusPage = organisation.publicBaseUrl() + "/status";
    this.staffLanguage = staffLanguage;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.metrics = metrics;
    this.acknowledgementCap = acknowledgementCap;
  }

  /**
   * Sends one notification to the customer of the complaint, through their preferred contact (EMAIL
   * → e-mail address, SMS → phone, POST → postal address; fall back to another contact the customer
   * gave when the preferred one is missing), in their language. Idempotent: a second call with the
   * same dedupKey for the same complaint sends nothing. If the customer gave no contact at all, the
   * message is recorded as UNDELIVERABLE and nothing is sent.
   */
  public void notifyCustomer(
      long complaintId, NotificationKind kind, Map<String, Object> parameters, String dedupKey) {
    notifyCustomer(complaintId, kind, parameters, dedupKey, null);
  }

  /**
   * As {@link #notifyCustomer(long, NotificationKind, Map, String)}, with an answer letter (see
   * {@link AnswerLetters}) that an e-mail carries as a PDF attachment.
   */
  public void notifyCustomer(
      long complaintId,
      NotificationKind kind,
      Map<String, Object> parameters,
      String dedupKey,
      Long letterId) {
    notifyCustomer(complaintId, kind, parameters, Map.of(), dedupKey, letterId);
  }

  /**
   * As {@link #notifyCustomer(long, NotificationKind, Map, String)}, with placeholder values only
   * the customer may read (the access code, the survey link): the message handed over carries them,
   * the message recorded in the outbox (which staff read) carries {@link #MASK} instead.
   */
  public void notifyCustomerWithSecrets(
      long complaintId,
      NotificationKind kind,
      Map<String, Object> parameters,
      Map<String, String> secrets,
      String dedupKey) {
    notifyCustomer(complaintId, kind, parameters, secrets, dedupKey, null);
  }

  private void notifyCustomer(
      long complaintId,
      NotificationKind kind,
      Map<String, Object> parameters,
      Map<String, String> secrets,
      String dedupKey,
      Long letterId) {
    requireKind(kind, true);
    Complaint complaint = register.get(complaintId);
    Optional<OutboundMessage> earlier = earlier(complaintId, dedupKey);
    if (earlier.isPresent() && isDone(earlier.get())) {
      return;
    }
    Optional<CustomerContact> contact = CustomerContact.of(complaint);
    MessageChannel channel = contact.map(CustomerContact::channel).orElse(null);
    Map<String, Object> values = values(complaint, parameters);
    Map<String, Object> masked = new HashMap<>(values);
    secrets.keySet().forEach(name -> masked.put(name, MASK));
    var rendered = templates.render(kind, complaint.language(), masked, channel);
    if (contact.isEmpty()) {
      recordUndeliverable(earlier, complaint, kind, rendered, dedupKey);
      return;
    }
    Optional<OutboundMessage> recorded =
        record(
            earlier,
            complaint,
            kind,
            contact.get().channel(),
            contact.get().recipient(),
            complaint.language(),
            rendered,
            dedupKey,
            letterId);
    if (recorded.isEmpty()) {
      return;
    }
    OutboundMessage message = recorded.get();
    if (acknowledgementCap.isReached(message)) {
      recordNotSent(message, acknowledgementCap.reason());
      return;
    }
    if (!secrets.isEmpty()) {
      Map<String, Object> plain = new HashMap<>(values);
      plain.putAll(secrets);
      message =
          message.withBody(templates.render(kind, complaint.language(), plain, channel).body());
      if (channel == MessageChannel.POST) {
        keepForPrinting(message);
      }
    }
    send(message, true);
  }

  /**
   * A letter is printed by staff, so it must carry what the outbox masks: the full text is kept
   * apart from the outbox's body, for the post room only ({@link PostRoom}).
   */
  private void keepForPrinting(OutboundMessage message) {
    inOwnTransaction(
        () ->
            jdbc.sql(
                    "update outbound_message set print_body = :body where id = :id"
                        + " and delivery_state in (:open)"
                        + AND_CASE_KEPT)
                .param("body", message.body())
                .param("id", message.id())
                .param("open", OPEN)
                .param("complaintId", message.complaintId())
                .update());
  }

  /**
   * Sends an internal notification to a Camunda group (recipient recorded as "group:<id>"), in the
   * organisation's staff language ({@code complaints.notifications.staff-language}, English). Same
   * idempotence.
   */
  public void notifyGroup(
      long complaintId,
      String groupId,
      NotificationKind kind,
      Map<String, Object> parameters,
      String dedupKey) {
    Objects.requireNonNull(groupId, "groupId");
    notifyInternal(
        complaintId,
        MessageChannel.GROUP,
        "group:" + groupId,
        staffLanguage,
        "groupId",
        groupId,
        kind,
        parameters,
        dedupKey);
  }

  /** Sends to a named external organisation (EXTERNAL_INQUIRY); recipient = organisation name. */
  public void notifyOrganisation(
      long complaintId,
      String organisation,
      NotificationKind kind,
      Map<String, Object> parameters,
      String dedupKey) {
    Objects.requireNonNull(organisation, "organisation");
    notifyInternal(
        complaintId,
        MessageChannel.ORGANISATION,
        organisation,
        staffLanguage,
        "recipientOrganisation",
        organisation,
        kind,
        parameters,
        dedupKey);
  }

  /**
   * Sends an internal message by e-mail to one address: a staff member's (in the staff language,
   * {@link #staffLanguage()}) or another organisation's (in its language). One message per address
   * and dedup key: give each recipient of the same step its own key. Same idempotence and retries
   * as every message; {@code parameters} fill the template's placeholders.
   */
  public void notifyByEmail(
      long complaintId,
      String address,
      Language language,
      NotificationKind kind,
      Map<String, Object> parameters,
      String dedupKey) {
    Objects.requireNonNull(address, "address");
    notifyInternal(
        complaintId,
        MessageChannel.EMAIL,
        address,
        Objects.requireNonNull(language, "language"),
        "recipientAddress",
        address,
        kind,
        parameters,
        dedupKey);
  }

  /** The language of messages to staff ({@code complaints.notifications.staff-language}). */
  public Language staffLanguage() {
    return staffLanguage;
  }

  /** A message to staff or another organisation, in the given language. */
  private void notifyInternal(
      long complaintId,
      MessageChannel channel,
      String recipient,
      Language language,
      String recipientPlaceholder,
      String recipientName,
      NotificationKind kind,
      Map<String, Object> parameters,
      String dedupKey) {
    requireKind(kind, false);
    Complaint complaint = register.get(complaintId);
    Optional<OutboundMessage> earlier = earlier(complaintId, dedupKey);
    if (earlier.isPresent() && isDone(earlier.get())) {
      return;
    }
    Map<String, Object> values = values(complaint, parameters);
    values.putIfAbsent(recipientPlaceholder, recipientName);
    if (kind.isForStaff()) {
      // the task and the links StaffNotifications gives; none when it gives none
      StaffNotifications.PLACEHOLDERS.forEach(name -> values.putIfAbsent(name, null));
    }
    var rendered = templates.render(kind, language, values);
    record(earlier, complaint, kind, channel, recipient, language, rendered, dedupKey, null)
        .ifPresent(message -> send(message, false));
  }

  /** Every message recorded for the complaint, oldest first. */
  public List<OutboundMessage> messages(long complaintId) {
    return jdbc.sql(SELECT_MESSAGE + " where m.complaint_id = :complaintId order by m.id")
        .param("complaintId", complaintId)
        .query(NotificationService::message)
        .list();
  }

  // --- the steps --------------------------------------------------------------------------

  /** The placeholder values: the complaint's own facts, overridden by the caller's parameters. */
  Map<String, Object> values(Complaint complaint, Map<String, Object> parameters) {
    Map<String, Object> values = new HashMap<>();
    values.put("registrationNumber", complaint.registrationNumber());
    values.put("receivedDate", complaint.receivedAt());
    values.put("responseDueDate", complaint.responseDueAt());
    values.put("newDueDate", complaint.responseDueAt());
    values.put("customerName", complaint.customerName());
    values.put("subject", complaint.subject());
    values.put("feedbackType", complaint.feedbackType());
    values.put("category", complaint.category());
    values.put("outcome", complaint.outcome());
    values.put("organisationName", organisationName);
    // Only in an acknowledgement nobody showed the receipt of (see IntakeDelegates).
    values.put("accessCode", null);
    values.put("statusLink", null);
    values.put("statusPage", statusPage);
    values.put("extensionReason", complaint.extensionReason());
    values.put("answer", complaint.answerText());
    values.put("refusalReasons", register.approvedRefusalReasons(complaint.id()).orElse(null));
    if (parameters != null) {
      values.putAll(parameters);
    }
    return values;
  }

  /** The message an earlier run of the same step recorded, if any. */
  private Optional<OutboundMessage> earlier(long complaintId, String dedupKey) {
    Objects.requireNonNull(dedupKey, "dedupKey");
    return jdbc.sql(SELECT_MESSAGE + " where m.complaint_id = :complaintId and m.dedup_key = :key")
        .param("complaintId", complaintId)
        .param("key", dedupKey)
        .query(NotificationService::message)
        .optional();
  }

  /** SENT, UNDELIVERABLE or NOT_SENT: a repeated step sends nothing. */
  private static boolean isDone(OutboundMessage message) {
    boolean done =
        message.state() == DeliveryState.SENT
            || message.state() == DeliveryState.UNDELIVERABLE
            || message.state() == DeliveryState.NOT_SENT;
    if (done) {
      log.debug(
          "Message {} for complaint {} already {}, not sent again",
          message.id(),
          message.registrationNumber(),
          message.state());
    }
    return done;
  }

  /**
   * Records the message in its own transaction, so that it outlives a rolled-back job. A message
   * that an earlier run of the step recorded but did not send (PENDING, FAILED) gets the content
   * rendered now: the rolled-back run may have made things the text refers to (a survey token) that
   * this run made anew.
   */
  private Optional<OutboundMessage> record(
      Optional<OutboundMessage> earlier,
      Complaint complaint,
      NotificationKind kind,
      MessageChannel channel,
      String recipient,
      Language language,
      NotificationTemplates.Rendered rendered,
      String dedupKey,
      Long letterId) {
    Instant now = clock.instant();
    String subject = truncate(rendered.subject(), MAX_SUBJECT);
    DeliveryState state = channel == null ? DeliveryState.UNDELIVERABLE : DeliveryState.PENDING;
    if (earlier.isPresent()) {
      OutboundMessage retried = earlier.get();
      DeliveryState refreshedState = channel == null ? state : retried.state();
      log.info(
          "Retrying message {} ({}) for complaint {}",
          retried.id(),
          retried.kind(),
          retried.registrationNumber());
      int refreshed =
          inOwnTransaction(
              () ->
                  jdbc.sql(
                          "update outbound_message set channel = :channel, recipient = :recipient,"
                              + " language = :language, subject = :subject, body = :body,"
                              + " delivery_state = :state, letter_id = :letterId where id = :id"
                              + " and delivery_state in (:open)"
                              + AND_CASE_KEPT)
                      .param("channel", channel == null ? null : channel.name())
                      .param("recipient", recipient)
                      .param("language", language.name())
                      .param("subject", subject)
                      .param("body", rendered.body())
                      .param("state", refreshedState.name())
                      .param("letterId", letterId)
                      .param("id", retried.id())
                      .param("open", OPEN)
                      .param("complaintId", complaint.id())
                      .update());
      if (refreshed == 0) {
        return notRecorded(complaint, kind);
      }
      return Optional.of(
          new OutboundMessage(
              retried.id(),
              complaint.id(),
              complaint.registrationNumber(),
              kind,
              channel,
              recipient,
              language,
              subject,
              rendered.body(),
              refreshedState,
              dedupKey,
              retried.createdAt(),
              null,
              retried.error(),
              retried.attempts(),
              letterId,
              retried.replyToken(),
              null,
              null));
    }
    String replyToken = OutboundMessageIds.newReplyToken();
    Long id =
        inOwnTransaction(
            status -> {
              if (!caseKept(complaint.id())) {
                return null;
              }
              KeyHolder key = new GeneratedKeyHolder();
              jdbc.sql(
                      "insert into outbound_message (complaint_id, kind, channel, recipient,"
                          + " language, subject, body, delivery_state, dedup_key, created_at,"
                          + " attempts, letter_id, reply_token) values (:complaintId, :kind,"
                          + " :channel, :recipient, :language, :subject, :body, :state, :key,"
                          + " :now, 0, :letterId, :replyToken)")
                  .param("complaintId", complaint.id())
                  .param("kind", kind.name())
                  .param("channel", channel == null ? null : channel.name())
                  .param("recipient", recipient)
                  .param("language", language.name())
                  .param("subject", subject)
                  .param("body", rendered.body())
                  .param("state", state.name())
                  .param("key", dedupKey)
                  .param("now", now.atOffset(ZoneOffset.UTC))
                  .param("letterId", letterId)
                  .param("replyToken", replyToken)
                  .update(key, "id");
              if (!caseKept(complaint.id())) {
                // Asked again after the insert, whose foreign key check waited for an erasure
                // that held the case: the message would keep what the erasure removed.
                status.setRollbackOnly();
                return null;
              }
              if (channel == null) {
                register.addEvent(
                    complaint.id(),
                    MESSAGE_UNDELIVERABLE,
                    ComplaintRegister.SYSTEM_ACTOR,
                    kind.name(),
                    false);
              }
              return Objects.requireNonNull(key.getKeyAs(Long.class), "generated id");
            });
    if (id == null) {
      return notRecorded(complaint, kind);
    }
    return Optional.of(
        new OutboundMessage(
            id,
            complaint.id(),
            complaint.registrationNumber(),
            kind,
            channel,
            recipient,
            language,
            subject,
            rendered.body(),
            state,
            dedupKey,
            now,
            null,
            null,
            0,
            letterId,
            replyToken,
            null,
            null));
  }

  /**
   * Whether the case's personal data is still there (not anonymised). Checked again, by the
   * statement itself, wherever a message is written. An erasure locks the case first ({@link
   * NotificationAnonymisation#lockCase}), so a new message's insert, whose foreign key check waits
   * for that lock, is written after the erasure's commit: {@link #record} asks again after its
   * insert and rolls it back. Where a transaction writes both a message and a timeline entry, the
   * entry (which waits for the lock) comes first, so that it never holds the message's row while
   * the erasure, holding the case, waits for that row.
   */
  private boolean caseKept(long complaintId) {
    return jdbc.sql("select count(*) from complaint where id = :id and anonymised_at is null")
            .param("id", complaintId)
            .query(Integer.class)
            .single()
        > 0;
  }

  private static Optional<OutboundMessage> notRecorded(Complaint complaint, NotificationKind kind) {
    log.info(
        "{} for complaint {} not sent: the personal data of the case was erased",
        kind,
        complaint.registrationNumber());
    return Optional.empty();
  }

  private void recordUndeliverable(
      Optional<OutboundMessage> earlier,
      Complaint complaint,
      NotificationKind kind,
      NotificationTemplates.Rendered rendered,
      String dedupKey) {
    Optional<OutboundMessage> recorded =
        record(
            earlier, complaint, kind, null, null, complaint.language(), rendered, dedupKey, null);
    if (recorded.isEmpty()) {
      return;
    }
    OutboundMessage message = recorded.get();
    log.warn(
        "Complaint {} has no customer contact: {} (message {}) not sent",
        complaint.registrationNumber(),
        kind,
        message.id());
  }

  /** Withheld on purpose: recorded with its reason and noted for staff, nothing handed over. */
  private void recordNotSent(OutboundMessage message, String reason) {
    inOwnTransaction(
        status -> {
          register.addEvent(
              message.complaintId(),
              MESSAGE_NOT_SENT,
              ComplaintRegister.SYSTEM_ACTOR,
              message.kind() + " via " + message.channel() + ": daily limit of this contact",
              false);
          int withheld =
              jdbc.sql(
                      "update outbound_message set delivery_state = :state, error_message = :reason"
                          + " where id = :id and delivery_state in (:open)"
                          + AND_CASE_KEPT)
                  .param("state", DeliveryState.NOT_SENT.name())
                  .param("reason", reason)
                  .param("id", message.id())
                  .param("open", OPEN)
                  .param("complaintId", message.complaintId())
                  .update();
          if (withheld == 0) {
            status.setRollbackOnly(); // cancelled meanwhile (the case's data erased)
          }
          return null;
        });
    log.info(
        "Message {} ({}, complaint {}) not sent: daily limit of acknowledgements to its contact",
        message.id(),
        message.kind(),
        message.registrationNumber());
  }

  private void send(OutboundMessage message, boolean visibleToCustomer) {
    MessageDelivery delivery = deliveryFor(message.channel());
    Optional<Integer> claimed = claim(message);
    if (claimed.isEmpty()) {
      return;
    }
    int attempt = claimed.get();
    try {
      delivery.deliver(message);
    } catch (RuntimeException e) {
      metrics.failed(message.channel());
      log.warn(
          "Delivery of message {} ({}, complaint {}) by {} failed on attempt {}: {}",
          message.id(),
          message.kind(),
          message.registrationNumber(),
          message.channel(),
          attempt,
          e.getClass().getName());
      String error = truncate(e.getClass().getName() + ": " + e.getMessage(), MAX_ERROR);
      boolean recorded =
          inOwnTransaction(
              status -> {
                register.addEvent(
                    message.complaintId(),
                    MESSAGE_FAILED,
                    ComplaintRegister.SYSTEM_ACTOR,
                    truncate(
                        message.kind()
                            + " via "
                            + message.channel()
                            + ", attempt "
                            + attempt
                            + ": "
                            + e.getClass().getSimpleName(),
                        MAX_ERROR),
                    false);
                int failed =
                    jdbc.sql(
                            "update outbound_message set delivery_state = :state,"
                                + " error_message = :error where id = :id"
                                + " and delivery_state in (:open)")
                        .param("state", DeliveryState.FAILED.name())
                        .param("error", error)
                        .param("id", message.id())
                        .param("open", OPEN)
                        .update();
                if (failed == 0) {
                  status.setRollbackOnly();
                  return false;
                }
                return true;
              });
      if (!recorded) {
        log.info(
            "Message {} (complaint {}) was cancelled during the failed attempt: not retried",
            message.id(),
            message.registrationNumber());
        return;
      }
      // Without the cause: the engine logs it, and a cause may name the recipient.
      throw new MessageDeliveryFailed(message, attempt, e);
    }
    inOwnTransaction(
        status -> {
          register.addEvent(
              message.complaintId(),
              MESSAGE_SENT,
              ComplaintRegister.SYSTEM_ACTOR,
              message.kind() + " via " + message.channel(),
              visibleToCustomer);
          int sent =
              jdbc.sql(
                      "update outbound_message set delivery_state = :state, sent_at = :now,"
                          + " error_message = null where id = :id and delivery_state in (:open)")
                  .param("state", DeliveryState.SENT.name())
                  .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                  .param("id", message.id())
                  .param("open", OPEN)
                  .update();
          if (sent == 0) {
            // Cancelled while being handed over (the case's data erased): stays NOT_SENT.
            status.setRollbackOnly();
            log.info(
                "Message {} (complaint {}) was cancelled while handed over; it stays NOT_SENT",
                message.id(),
                message.registrationNumber());
          }
          return null;
        });
  }

  /**
   * Records an attempt (ADR 0007: before the hand-over), but only of a message still PENDING or
   * FAILED whose case was not anonymised; the attempt's number, or empty when the message must not
   * be handed over. A message of an anonymised case that was recorded after the erasure (see {@link
   * #caseKept}) is then cancelled and emptied here, as the erasure would have.
   */
  Optional<Integer> claim(OutboundMessage message) {
    return Optional.ofNullable(
        inOwnTransaction(
            () -> {
              int claimed =
                  jdbc.sql(
                          "update outbound_message set attempts = attempts + 1,"
                              + " last_attempt_at = :now where id = :id"
                              + " and delivery_state in (:open)"
                              + AND_CASE_KEPT)
                      .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                      .param("id", message.id())
                      .param("open", OPEN)
                      .param("complaintId", message.complaintId())
                      .update();
              if (claimed == 0) {
                forgetIfErased(message);
                log.info(
                    "Message {} (complaint {}) not handed over: no longer pending",
                    message.id(),
                    message.registrationNumber());
                return null;
              }
              return jdbc.sql("select attempts from outbound_message where id = :id")
                  .param("id", message.id())
                  .query(Integer.class)
                  .single();
            }));
  }

  /** What {@link NotificationAnonymisation} does to a message, if its case is anonymised. */
  private void forgetIfErased(OutboundMessage message) {
    jdbc.sql(
            "update outbound_message set delivery_state = case when delivery_state in (:open)"
                + " then :notSent else delivery_state end, error_message = case when"
                + " delivery_state in (:open) or error_message = :cancelled then :cancelled"
                + " else null end, recipient = null, subject = '', body = '', print_body = null,"
                + " reply_token = null where id = :id and exists (select 1 from complaint c"
                + " where c.id = :complaintId and c.anonymised_at is not null)")
        .param("open", OPEN)
        .param("notSent", DeliveryState.NOT_SENT.name())
        .param("cancelled", NotificationAnonymisation.CANCELLED)
        .param("id", message.id())
        .param("complaintId", message.complaintId())
        .update();
  }

  private <T> T inOwnTransaction(Supplier<T> work) {
    return ownTransaction.execute(status -> work.get());
  }

  /** As {@link #inOwnTransaction(Supplier)}, for work that may roll its transaction back. */
  private <T> T inOwnTransaction(TransactionCallback<T> work) {
    return ownTransaction.execute(work);
  }

  private MessageDelivery deliveryFor(MessageChannel channel) {
    return deliveries.stream()
        .filter(delivery -> delivery.supports(channel))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No delivery for channel " + channel));
  }

  private static void requireKind(NotificationKind kind, boolean forCustomer) {
    if (kind.isForCustomer() != forCustomer) {
      throw new IllegalArgumentException(
          kind + (forCustomer ? " is not a customer notification" : " is for the customer"));
    }
  }

  static final String SELECT_MESSAGE =
      "select m.id, m.complaint_id, c.registration_number, m.kind, m.channel, m.recipient,"
          + " m.language, m.subject, m.body, m.delivery_state, m.dedup_key, m.created_at,"
          + " m.sent_at, m.error_message, m.attempts, m.letter_id, m.reply_token, m.posted_at, m.posted_by"
          + " from outbound_message m"
          + " join complaint c on c.id = m.complaint_id";

  static OutboundMessage message(ResultSet rs, int row) throws SQLException {
    String channel = rs.getString("channel");
    return new OutboundMessage(
        rs.getLong("id"),
        rs.getLong("complaint_id"),
        rs.getString("registration_number"),
        NotificationKind.valueOf(rs.getString("kind")),
        channel == null ? null : MessageChannel.valueOf(channel),
        rs.getString("recipient"),
        Language.valueOf(rs.getString("language")),
        rs.getString("subject"),
        rs.getString("body"),
        DeliveryState.valueOf(rs.getString("delivery_state")),
        rs.getString("dedup_key"),
        instant(rs, "created_at"),
        instant(rs, "sent_at"),
        rs.getString("error_message"),
        rs.getInt("attempts"),
        rs.getObject("letter_id", Long.class),
        rs.getString("reply_token"),
        instant(rs, "posted_at"),
        rs.getString("posted_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  // --- issue 12, engineer C: inquiries to other organisations ------------------------------

  /**
   * A text of the message templates in the language (English when it has none), e.g. the default
   * question of an inquiry or a task's description; no placeholders are filled.
   */
  public String text(String code, Language language) {
    return templates.label(code, language);
  }

  /**
   * As {@link #text(String, Language)}, its placeholders filled as in every message (a task's
   * description naming an organisation).
   */
  public String text(String code, Language language, Map<String, ?> values) {
    return templates.fill(templates.label(code, language), language, values);
  }
}
