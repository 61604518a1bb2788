package eu.complaintdesk.register;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.testing.PostgresTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Concurrent intake on PostgreSQL: every registration gets its own number, in the order numbers are
 * taken; only a registration that rolls back leaves a gap, and its number is never given again
 * (docs/adr/0015).
 */
@SpringJUnitConfig(PostgresTestConfiguration.class)
class RegistrationNumberConcurrencyTest {

  @Autowired ComplaintRegister register;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MeterRegistry meters;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
  }

  @Test
  void concurrentIntakeGetsDistinctGapFreeNumbers() throws Exception {
    assertThat(registerConcurrently(register, 8, 25, Instant.parse("2026-05-04T09:00:00Z")))
        .containsExactlyElementsOf(expectedNumbers(2026, 200));
  }

  @Test
  void numberOfARolledBackRegistrationIsNeverGivenAgain() {
    Instant received = Instant.parse("2026-05-04T09:00:00Z");
    double givenUpBefore = givenUp();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      register.register(newComplaint(received));
                      throw new IllegalStateException("the process did not start");
                    }))
        .hasMessage("the process did not start");

    assertThat(register.register(newComplaint(received)).registrationNumber())
        .isEqualTo("2026-000002");
    assertThat(register.findByRegistrationNumber("2026-000001")).isEmpty();
    assertThat(givenUp()).isEqualTo(givenUpBefore + 1);
  }

  @Test
  void concurrentIntakeWithFailuresKeepsNumbersUniqueAndInTheOrderTaken() throws Exception {
    Instant received = Instant.parse("2026-05-04T09:00:00Z");
    int threads = 8;
    int perThread = 25;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> givenUp = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<List<String>> takenPerThread = new ConcurrentLinkedQueue<>();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Void> intake =
            () -> {
              List<String> taken = new ArrayList<>();
              start.await();
              for (int i = 0; i < perThread; i++) {
                boolean fail = i % 5 == 2; // every fifth registration rolls back
                String[] number = new String[1];
                try {
                  transaction.executeWithoutResult(
                      status -> {
                        number[0] = register.register(newComplaint(received)).registrationNumber();
                        if (fail) {
                          throw new IllegalStateException("forced");
                        }
                      });
                  registered.add(number[0]);
                } catch (IllegalStateException e) {
                  givenUp.add(number[0]);
                }
                taken.add(number[0]);
              }
              takenPerThread.add(taken);
              return null;
            };
        futures.add(executor.submit(intake));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    assertThat(givenUp).hasSize(threads * perThread / 5);
    assertThat(registered).hasSize(threads * perThread * 4 / 5).doesNotHaveDuplicates();
    assertThat(registered).doesNotContainAnyElementsOf(givenUp);
    assertThat(Stream.concat(registered.stream(), givenUp.stream()).sorted())
        .containsExactlyElementsOf(expectedNumbers(2026, threads * perThread));
    for (List<String> taken : takenPerThread) {
      assertThat(taken).isSorted().doesNotHaveDuplicates();
    }
    assertThat(
            jdbc.sql("select registration_number from complaint order by registration_number")
                .query(String.class)
                .list())
        .containsExactlyElementsOf(registered.stream().sorted().toList());
    // the series goes on after the gaps
    assertThat(register.register(newComplaint(received)).registrationNumber())
        .isEqualTo(RegistrationNumbers.format(2026, threads * perThread + 1));
  }

  @Test
  void yearsSeriesContinuesAfterTheCounterOfEarlierReleases() {
    // a year no other test uses: its sequence is created on first use, after the counter's number
    jdbc.sql("insert into registration_counter (counter_year, last_number) values (2031, 41)")
        .update();

    assertThat(
            register
                .register(newComplaint(Instant.parse("2031-02-03T09:00:00Z")))
                .registrationNumber())
        .isEqualTo("2031-000042");
    assertThat(
            jdbc.sql("select count(*) from registration_counter where counter_year = 2031")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            register
                .register(newComplaint(Instant.parse("2031-02-03T09:00:00Z")))
                .registrationNumber())
        .isEqualTo("2031-000043");
  }

  @Test
  void yearFirstNeededIsPreparedInTheRegisteringTransactionItself() {
    // a year no other test uses and no start-up prepares: the last resort, on first use
    jdbc.sql("insert into registration_counter (counter_year, last_number) values (2032, 9)")
        .update();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);

    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      assertThat(
                              register
                                  .register(newComplaint(Instant.parse("2032-03-02T09:00:00Z")))
                                  .registrationNumber())
                          .isEqualTo("2032-000010");
                      throw new IllegalStateException("the process did not start");
                    }))
        .hasMessage("the process did not start");

    // no connection of its own: the sequence and the counter's conversion rolled back with it
    assertThat(
            jdbc.sql(
                    "select count(*) from information_schema.sequences"
                        + " where sequence_name = 'registration_number_2032'")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select last_number from registration_counter where counter_year = 2032")
                .query(Long.class)
                .single())
        .isEqualTo(9L);
    assertThat(
            register
                .register(newComplaint(Instant.parse("2032-03-02T09:00:00Z")))
                .registrationNumber())
        .isEqualTo("2032-000010");
  }

  @Test
  void concurrentFirstUseOfAYearGetsDistinctNumbers() throws Exception {
    // several intakes create the missing sequence at once: one creates it, the others wait for it
    assertThat(registerConcurrently(register, 8, 5, Instant.parse("2033-07-01T09:00:00Z")))
        .containsExactlyElementsOf(expectedNumbers(2033, 40));
  }

  private double givenUp() {
    return meters.counter(RegistrationNumbers.GIVEN_UP).count();
  }

  /** Registers threads × perThread complaints at once; returns the numbers, sorted. */
  static List<String> registerConcurrently(
      ComplaintRegister register, int threads, int perThread, Instant receivedAt) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<Void> intake =
            () -> {
              start.await();
              for (int i = 0; i < perThread; i++) {
                numbers.add(register.register(newComplaint(receivedAt)).registrationNumber());
              }
              return null;
            };
        futures.add(executor.submit(intake));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    return numbers.stream().sorted().toList();
  }

  static List<String> expectedNumbers(int year, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(n -> RegistrationNumbers.format(year, n))
        .toList();
  }
}
