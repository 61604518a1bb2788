package eu.complaintdesk.notification;

import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.PostgresTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message of a case whose personal data is erased while it is being sent (review of issue 11,
 * item 1), on PostgreSQL: never recorded after the erasure, never handed over once cancelled, never
 * turned SENT or FAILED once cancelled.
 */
@SpringJUnitConfig({PostgresTestConfiguration.class, RecordingDelivery.class})
@TestPropertySource(properties = "complaints.organisation.name=AS Rīgas siltums")
class NotificationErasureTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");
  private static final Instant DUE = Instant.parse("2026-03-23T16:00:00Z");

  @Autowired NotificationService notifications;
  @Autowired NotificationAnonymisation anonymisation;
  @Autowired RegisterAnonymisation registerAnonymisation;
  @Autowired ComplaintRegister register;
  @Autowired RecordingDelivery delivery;
  @Autowired DataSource dataSource;
  @Autowired MutableClock clock;
  @Autowired PlatformTransactionManager transactionManager;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
    delivery.reset();
    clock.set(NOW);
  }

  @Test
  void messageOfAnAnonymisedCaseIsNeverRecordedNorSent() {
    long id = complaint();
    erase(id);

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1");
    notifications.notifyGroup(id, "handlers", NotificationKind.DRAFT_REMINDER, Map.of(), "job-2");

    assertThat(notifications.messages(id)).isEmpty();
    assertThat(delivery.delivered).isEmpty();
  }

  @Test
  void messageCancelledWhileHandedOverStaysNotSentWithoutItsData() {
    long id = complaint();
    delivery.whileDelivering = () -> inOtherTransaction(() -> erase(id));

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1");

    assertThat(delivery.delivered).hasSize(1); // in flight when the erasure came: gone already
    OutboundMessage message = notifications.messages(id).get(0);
    assertThat(message.state()).isEqualTo(DeliveryState.NOT_SENT);
    assertThat(message.recipient()).isNull();
    assertThat(message.body()).isEmpty();
    assertThat(message.sentAt()).isNull();
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .doesNotContain(NotificationService.MESSAGE_SENT);
  }

  @Test
  void attemptThatFailsAfterTheCancellationIsNotRecordedFailed() {
    long id = complaint();
    delivery.failing = true;
    delivery.whileDelivering = () -> inOtherTransaction(() -> erase(id));

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1");

    OutboundMessage message = notifications.messages(id).get(0);
    assertThat(message.state()).isEqualTo(DeliveryState.NOT_SENT);
    assertThat(message.error()).isEqualTo(NotificationAnonymisation.CANCELLED);
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .doesNotContain(NotificationService.MESSAGE_FAILED);
  }

  @Test
  void cancelledMessageIsNotHandedOverByTheRetryOfItsStep() {
    long id = complaint();
    delivery.failing = true;
    assertThatThrownBy(
            () ->
                notifications.notifyCustomer(
                    id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1"))
        .isInstanceOf(MessageDeliveryFailed.class);
    erase(id);
    delivery.failing = false;

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1");

    assertThat(delivery.delivered).isEmpty();
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.NOT_SENT);
              assertThat(message.attempts()).isEqualTo(1);
              assertThat(message.recipient()).isNull();
            });
  }

  @Test
  void attemptIsNotRecordedForACancelledMessage() {
    long id = complaint();
    OutboundMessage failed = failedMessage(id);
    anonymisation.cancelPending(id);

    assertThat(notifications.claim(failed)).isEmpty();

    OutboundMessage message = notifications.messages(id).get(0);
    assertThat(message.state()).isEqualTo(DeliveryState.NOT_SENT);
    assertThat(message.attempts()).isEqualTo(1);
  }

  @Test
  void messageTheErasureDidNotSeeIsCancelledAndEmptiedByItsAttempt() {
    long id = complaint();
    OutboundMessage failed = failedMessage(id);
    registerAnonymisation.anonymise(id, "ERASURE"); // as if the message came after the erasure

    assertThat(notifications.claim(failed)).isEmpty();

    OutboundMessage message = notifications.messages(id).get(0);
    assertThat(message.state()).isEqualTo(DeliveryState.NOT_SENT);
    assertThat(message.error()).isEqualTo(NotificationAnonymisation.CANCELLED);
    assertThat(message.recipient()).isNull();
    assertThat(message.subject()).isEmpty();
    assertThat(message.body()).isEmpty();
    assertThat(message.replyToken()).isNull();
  }

  /**
   * Race (A) of the review for real: the send step read the case before the erasure committed and
   * records its message while the erasure runs. The erasure's lock makes the insert wait for the
   * erasure's commit; the insert then sees it and is rolled back: nothing is recorded.
   */
  @Test
  void messageRecordedWhileTheErasureRunsIsNotKept() throws Exception {
    long id = complaint("anna@example.lv", "+37120000000");

    sendWhileTheErasureRuns(
        id,
        () ->
            notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1"));

    assertThat(delivery.delivered).isEmpty();
    assertThat(notifications.messages(id)).isEmpty();
  }

  /** Review 2, item 1: an UNDELIVERABLE message never reaches an attempt that would empty it. */
  @Test
  void messageWithoutContactRecordedWhileTheErasureRunsIsNotKept() throws Exception {
    long id = complaint(null, null);

    sendWhileTheErasureRuns(
        id,
        () ->
            notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1"));

    assertThat(notifications.messages(id)).isEmpty();
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .doesNotContain(NotificationService.MESSAGE_UNDELIVERABLE);
  }

  /** Review 2, item 1: an acknowledgement beyond the cap is withheld, never attempted. */
  @Test
  void cappedAcknowledgementRecordedWhileTheErasureRunsIsNotKept() throws Exception {
    for (int i = 0; i < 10; i++) { // the default cap: ten to one contact a day
      long other = complaint("anna@example.lv", null);
      notifications.notifyCustomer(other, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1");
    }
    assertThat(delivery.delivered).hasSize(10);
    long id = complaint("anna@example.lv", null);

    sendWhileTheErasureRuns(
        id,
        () ->
            notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1"));

    assertThat(delivery.delivered).hasSize(10);
    assertThat(notifications.messages(id)).isEmpty();
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .doesNotContain(NotificationService.MESSAGE_NOT_SENT);
  }

  /**
   * Review 2, item 2: the erasure holds the case from its first statement. A message handed over
   * meanwhile is recorded SENT in a transaction that notes it on the timeline first (waiting for
   * the erasure) and only then touches the message, so it never holds the message's row while the
   * erasure waits for that row: no deadlock, the message stays cancelled.
   */
  @Test
  void messageHandedOverWhileTheErasureHoldsTheCaseWaitsForItWithoutADeadlock() throws Exception {
    long id = complaint();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch go = new CountDownLatch(1);
    AtomicReference<CompletableFuture<Void>> erasure = new AtomicReference<>();
    delivery.whileDelivering =
        () -> {
          erasure.set(
              CompletableFuture.runAsync(
                  () ->
                      inOtherTransaction(
                          () -> {
                            anonymisation.lockCase(id);
                            registerAnonymisation.anonymise(id, "ERASURE");
                            locked.countDown();
                            held(go);
                            anonymisation.cancelPending(id);
                            anonymisation.removeMessageBodies(id);
                            anonymisation.anonymiseMessages(id);
                          })));
          held(locked);
        };
    CompletableFuture<Void> release =
        CompletableFuture.runAsync(
            () -> {
              await().atMost(Duration.ofSeconds(10)).until(this::timelineInsertWaitsForALock);
              go.countDown();
            });

    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1");

    release.get(10, TimeUnit.SECONDS);
    erasure.get().get(10, TimeUnit.SECONDS);
    assertThat(notifications.messages(id))
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.state()).isEqualTo(DeliveryState.NOT_SENT);
              assertThat(message.recipient()).isNull();
              assertThat(message.sentAt()).isNull();
            });
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .doesNotContain(NotificationService.MESSAGE_SENT);
  }

  private boolean timelineInsertWaitsForALock() {
    return JdbcClient.create(dataSource)
            .sql(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and datname = current_database()"
                    + " and query like 'insert into complaint_event%'")
            .query(Integer.class)
            .single()
        > 0;
  }

  /**
   * Runs the step while an erasure of the case holds its lock, uncommitted: the step read the case
   * before the erasure, so it still has its contact. Waits until the step's insert of its message
   * waits for the erasure's lock, then lets the erasure commit.
   */
  private void sendWhileTheErasureRuns(long id, Runnable step) throws Exception {
    CountDownLatch erasing = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> erasure =
        CompletableFuture.runAsync(
            () ->
                inOtherTransaction(
                    () -> {
                      erase(id);
                      erasing.countDown();
                      held(commit);
                    }));
    assertThat(erasing.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> sending = CompletableFuture.runAsync(step);
    try {
      await().atMost(Duration.ofSeconds(10)).until(this::messageInsertWaitsForALock);
    } finally {
      commit.countDown();
    }
    erasure.get(10, TimeUnit.SECONDS);
    sending.get(10, TimeUnit.SECONDS);
  }

  /** Whether an insert into the outbox waits for a lock (no other statement of this test's). */
  private boolean messageInsertWaitsForALock() {
    return JdbcClient.create(dataSource)
            .sql(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and datname = current_database()"
                    + " and query like 'insert into outbound_message%'")
            .query(Integer.class)
            .single()
        > 0;
  }

  private OutboundMessage failedMessage(long id) {
    delivery.failing = true;
    assertThatThrownBy(
            () ->
                notifications.notifyCustomer(
                    id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1"))
        .isInstanceOf(MessageDeliveryFailed.class);
    delivery.failing = false;
    OutboundMessage failed = notifications.messages(id).get(0);
    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
    return failed;
  }

  /** The notification part of an erasure, as privacy/Anonymisation runs it: the lock first. */
  private void erase(long id) {
    anonymisation.lockCase(id);
    registerAnonymisation.anonymise(id, "ERASURE");
    anonymisation.cancelPending(id);
    anonymisation.removeMessageBodies(id);
    anonymisation.anonymiseMessages(id);
  }

  private void inOtherTransaction(Runnable work) {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    transaction.executeWithoutResult(status -> work.run());
  }

  private static void held(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long complaint() {
    return complaint("anna@example.lv", "+37120000000");
  }

  private long complaint(String email, String phone) {
    return register
        .register(
            new NewComplaint(
                Channel.WEB_FORM,
                Language.lv,
                "Anna Bērziņa",
                email,
                phone,
                null,
                null,
                PreferredContact.EMAIL,
                "Radiators ir auksts",
                "Nav apkures.",
                null,
                null,
                RECEIVED,
                DUE,
                null))
        .id();
  }
}
