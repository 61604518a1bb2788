package eu.complaintdesk.register;

import eu.complaintdesk.ComplaintDeskApplication;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Intake throughput through the registration service ({@link IntakeService#submit}: register
 * insert, number, process start up to its first wait state) on embedded PostgreSQL, with the job
 * executor on, at concurrency 1 and 8. Run by hand, never by the build (docs/adr/0015):
 *
 * <pre>
 * mvn -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     eu.complaintdesk.register.NumberingThroughput 400 1 8
 * </pre>
 *
 * Arguments: complaints per run (default 400), then the concurrencies (default 1 8). Each run is
 * preceded by a warm-up of a quarter as many complaints.
 */
public final class NumberingThroughput {

  private NumberingThroughput() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int[] concurrencies =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
            : new int[] {1, 8};
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(ComplaintDeskApplication.class)
                .run(
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=postgres",
                    "--server.port=0",
                    "--complaints.demo-users=false",
                    "--complaints.admin.password=numbering-throughput",
                    "--complaints.retention.enabled=false",
                    "--logging.level.root=WARN")) {
      IntakeService intake = app.getBean(IntakeService.class);
      List<String> lines = new ArrayList<>();
      for (int concurrency : concurrencies) {
        run(intake, concurrency, Math.max(count / 4, concurrency));
        lines.add(run(intake, concurrency, count));
      }
      System.out.println();
      System.out.println("concurrency | complaints | per second | p50 ms | p99 ms");
      lines.forEach(System.out::println);
    }
  }

  private static String run(IntakeService intake, int concurrency, int count) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    AtomicInteger next = new AtomicInteger();
    long[] latencies = new long[count];
    long start = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        futures.add(
            threads.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long began = System.nanoTime();
                    intake.submit(submission(i), Channel.API, Instant.now(), null, null);
                    latencies[i] = System.nanoTime() - began;
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    return String.format(
        "%11d | %10d | %10.1f | %6.1f | %6.1f",
        concurrency,
        count,
        count / seconds,
        latencies[count / 2] / 1e6,
        latencies[Math.min(count - 1, (int) (count * 0.99))] / 1e6);
  }

  private static Submission submission(int i) {
    return new Submission(
        Language.lv,
        new Submission.Customer("Jānis Bērziņš", "janis" + i + "@example.lv", null, null, null),
        PreferredContact.EMAIL,
        "Auksti radiatori",
        "Dzīvoklī nav apkures kopš pirmdienas.",
        null,
        "HEATING_QUALITY",
        null,
        null,
        null);
  }
}
