package eu.complaintdesk.register;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.testing.PostgresTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
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
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Concurrent intake on PostgreSQL: every registration gets its own number, without gaps. */
@SpringJUnitConfig(PostgresTestConfiguration.class)
class RegistrationNumberConcurrencyTest {

  @Autowired ComplaintRegister register;
  @Autowired DataSource dataSource;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
  }

  @Test
  void concurrentIntakeGetsDistinctGapFreeNumbers() throws Exception {
    assertThat(registerConcurrently(register, 8, 25, Instant.parse("2026-05-04T09:00:00Z")))
        .containsExactlyElementsOf(expectedNumbers(2026, 200));
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
