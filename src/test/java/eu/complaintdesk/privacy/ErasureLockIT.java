package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review 2 of issue 11, item 2: an erasure (and the retention's anonymisation) locks the case as
 * its first statement. A send step that wrote about the case in a transaction still open holds a
 * key-share lock on the case's row; the erasure waits for it before it has changed anything, so it
 * holds nothing the step's job could wait for (a deadlock once the erasure had deleted the job's
 * engine rows).
 */
class ErasureLockIT extends ApplicationIntegrationTest {

  @Autowired Erasures erasures;
  @Autowired Anonymisation anonymisation;
  @Autowired ComplaintRegister register;
  @Autowired RegisterAnonymisation registerPart;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void erasureWaitsForASendStepBeforeItChangesAnything() throws Exception {
    String email = "lock-" + UUID.randomUUID() + "@example.lv";
    long id = complaint(email);

    Optional<Erasures.ErasureResult> result =
        whileASendStepHoldsTheCase(
            id, () -> erasures.erase(new ErasureRequest(null, email, null), "privacy", false));

    assertThat(result)
        .map(Erasures.ErasureResult::cases)
        .contains(
            List.of(new Erasures.ErasureResult.Case(register.get(id).registrationNumber(), true)));
    assertThat(registerPart.withPersonalData(List.of(id))).isEmpty();
  }

  @Test
  void retentionWaitsForASendStepBeforeItChangesAnything() throws Exception {
    long id = complaint("lock-" + UUID.randomUUID() + "@example.lv");

    Optional<Erased> erased =
        whileASendStepHoldsTheCase(
            id, () -> anonymisation.anonymise(id, AnonymisationReason.RETENTION, "system"));

    assertThat(erased).isPresent();
    assertThat(registerPart.withPersonalData(List.of(id))).isEmpty();
  }

  /**
   * Runs the erasure while a send step's transaction, which noted something on the case's timeline,
   * is still open; once the erasure waits for a lock, the case's row must still be free to update
   * (the erasure changed nothing yet), then the step commits and the erasure goes on.
   */
  private <T> T whileASendStepHoldsTheCase(long id, Supplier<T> erasure) throws Exception {
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Void> step =
        CompletableFuture.runAsync(
            () ->
                inNewTransaction(
                    () -> {
                      register.addEvent(
                          id, "MESSAGE_SENT", ComplaintRegister.SYSTEM_ACTOR, "test", false);
                      written.countDown();
                      held(commit);
                      return null;
                    }));
    assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<T> erasing = CompletableFuture.supplyAsync(erasure);
    try {
      await().atMost(Duration.ofSeconds(10)).until(this::erasureWaitsForALock);
      assertThat(rowIsFree(id)).as("the erasure holds nothing of the case yet").isTrue();
    } finally {
      commit.countDown();
    }
    step.get(10, TimeUnit.SECONDS);
    return erasing.get(30, TimeUnit.SECONDS);
  }

  /** Whether the erasure waits to lock a case's row. */
  private boolean erasureWaitsForALock() {
    return jdbc.sql(
                "select count(*) from pg_stat_activity a join pg_locks l on l.pid = a.pid"
                    + " where not l.granted and a.datname = current_database()"
                    + " and a.query like '%from complaint where id = % for update'")
            .query(Integer.class)
            .single()
        > 0;
  }

  /** Whether another transaction may update the case's row at once (no erasure holds it). */
  private boolean rowIsFree(long id) {
    try {
      return inNewTransaction(
          () ->
              !jdbc.sql("select id from complaint where id = :id for no key update nowait")
                  .param("id", id)
                  .query(Long.class)
                  .list()
                  .isEmpty());
    } catch (DataAccessException e) {
      return false;
    }
  }

  private <T> T inNewTransaction(Supplier<T> work) {
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    return transaction.execute(status -> work.get());
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

  /** A case of its own customer (no process instance): no other test's case shares the contact. */
  private long complaint(String email) {
    Instant received = Instant.now().minus(Duration.ofDays(1));
    return register
        .register(
            new NewComplaint(
                Channel.WEB_FORM,
                Language.lv,
                "Anna Bērziņa",
                email,
                null,
                null,
                null,
                PreferredContact.EMAIL,
                "Radiators ir auksts",
                "Nav apkures.",
                null,
                null,
                received,
                received.plus(Duration.ofDays(14)),
                null))
        .id();
  }
}
