package eu.complaintdesk.bench;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.testing.EngineRest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

/**
 * The benchmark of issue 13 (README "Performance"): {@code mvn -Pbench verify}, never part of the
 * normal build. Parts ({@code -Dbench.parts=startup,ceiling,intake,lifecycle,scale}, all by
 * default) and scales ({@code -Dbench.scales=1000,10000,100000}) may be chosen. It measures and
 * never asserts a target: it fails only if something errors. Output: one table on the console and
 * {@code target/bench/benchmark.csv} and {@code .txt}.
 */
class ComplaintDeskBenchmark {

  static final Path OUTPUT = Path.of("target", "bench");

  /** Submissions per concurrency level of the intake part (after 100 to warm up). */
  static final int INTAKE_REQUESTS = Integer.getInteger("bench.intake-requests", 400);

  /** Complaints carried through their whole life by the lifecycle part, by 8 threads. */
  static final int LIFECYCLE_CASES = Integer.getInteger("bench.lifecycle-cases", 200);

  private final List<String> parts =
      Arrays.asList(
          System.getProperty("bench.parts", "startup,ceiling,intake,lifecycle,scale").split(","));
  private final List<Integer> scales =
      Arrays.stream(System.getProperty("bench.scales", "1000,10000,100000").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .sorted()
          .toList();
  private final Figures figures = new Figures();

  // what the intake part compares with, from the ceiling part of the same run
  private Double engine1;
  private Double engine8;
  private String loadAtStart;

  @Test
  void run() throws Exception {
    Instant began = Instant.now();
    loadAtStart = loadAverage();
    List<String> header = new ArrayList<>();
    try {
      if (parts.contains("startup")) {
        timed("startup", this::startup);
      }
      try (BenchApplication app = new BenchApplication()) {
        header.addAll(machine(app));
        if (parts.contains("ceiling")) {
          timed("ceiling", () -> ceilings(app));
        }
        app.startApplication();
        Staff.create(app.bean(IdentityService.class));
        if (parts.contains("intake")) {
          timed("intake", () -> intake(app));
        }
        if (parts.contains("lifecycle")) {
          timed("lifecycle", () -> lifecycle(app));
        }
        if (parts.contains("scale")) {
          Scale scale = new Scale(app, figures);
          for (int open : scales) {
            timed("scale " + open, () -> scale.step(open));
          }
        }
      }
    } finally {
      figures.note(
          String.format(
              Locale.ROOT,
              "whole run: %.1f min",
              (Instant.now().toEpochMilli() - began.toEpochMilli()) / 60000.0));
      figures.write(OUTPUT, header);
    }
  }

  // ------------------------------------------------------------------ parts

  private void startup() throws Exception {
    StartupProbe.Result result =
        new StartupProbe(OUTPUT.resolve("startup").toAbsolutePath())
            .run(StartupProbe.defaultRunOptions());
    figures.add(
        "startup", "start-up until /actuator/health is UP", result.seconds(), "s", "< 20", null);
    figures.add(
        "startup",
        "resident memory (VmRSS) when UP",
        result.residentMegabytes(),
        "MB",
        "< 700",
        null);
    figures.note(
        "startup: default run (H2, demo users), with the JVM options of README and pom.xml"
            + " (spring-boot-maven-plugin jvmArguments): "
            + result.command());
  }

  private void ceilings(BenchApplication app) throws Exception {
    Ceilings ceilings = new Ceilings(app.jdbcUrl("ceiling"));
    ProcessEngine engine = ceilings.bareEngine();
    try {
      engineStarts(engine, 8, 200); // warm-up
      engine1 = engineStarts(engine, 1, 500);
      engine8 = engineStarts(engine, 8, 1500);
    } finally {
      engine.close();
    }
    figures.add("ceiling", "bare engine, 1 thread: started to first task", engine1, "/s");
    figures.add("ceiling", "bare engine, 8 threads: started to first task", engine8, "/s");

    ceilings.createInsertTable();
    jdbcInserts(ceilings, 8, 1000); // warm-up
    figures.add(
        "ceiling", "JDBC single-row insert, 1 thread", jdbcInserts(ceilings, 1, 5000), "/s");
    figures.add(
        "ceiling", "JDBC single-row insert, 8 threads", jdbcInserts(ceilings, 8, 20000), "/s");
  }

  /** Instances started per second until all have reached their user task. */
  private static double engineStarts(ProcessEngine engine, int threads, int count) {
    TaskService tasks = engine.getTaskService();
    long before = tasks.createTaskQuery().count();
    long start = System.nanoTime();
    Latencies.closed(
        threads,
        count,
        i ->
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(
                    Ceilings.PROCESS, "ceiling-" + i, Ceilings.variables(i)));
    Staff.until(() -> tasks.createTaskQuery().count() >= before + count ? Boolean.TRUE : null);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static double jdbcInserts(Ceilings ceilings, int threads, int count) {
    ThreadLocal<PreparedStatement> insert =
        ThreadLocal.withInitial(
            () -> {
              try {
                Connection connection = ceilings.connection();
                return connection.prepareStatement(Ceilings.INSERT);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    return Latencies.closed(
            threads,
            count,
            i -> {
              try {
                Ceilings.insertOne(insert.get(), i);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            })
        .perSecond();
  }

  private void intake(BenchApplication app) {
    HttpIntake http = new HttpIntake(app.port());
    TaskService tasks = app.bean(ProcessEngine.class).getTaskService();
    Latencies.closed(8, 100, i -> http.submit(Complaints.body("warm", i)));
    app.awaitNoDueJobs();
    for (int clients : List.of(1, 8, 32)) {
      long before = firstTasks(tasks);
      AtomicInteger refused = new AtomicInteger();
      long start = System.nanoTime();
      Latencies latencies =
          Latencies.closed(
              clients,
              INTAKE_REQUESTS,
              i -> registered(http.post(Complaints.body("c" + clients, i)), refused));
      int registered = INTAKE_REQUESTS - refused.get();
      Arrived arrived = awaitFirstTasks(tasks, before + registered);
      long reached = arrived.count() - before;
      double toFirstTask = reached / ((arrived.lastNanos() - start) / 1e9);
      Double ceiling = clients == 1 ? engine1 : engine8;
      String c = "concurrency " + clients;
      figures.add(
          "intake", "POST /api/complaints, " + c + ": requests", latencies.perSecond(), "/s");
      figures.add(
          "intake",
          "POST /api/complaints, " + c + ": to the first task",
          toFirstTask,
          "/s",
          clients == 8 ? ">= 0.5 x ceiling" : "",
          ceiling);
      figures.add("intake", c + ": latency p50", latencies.percentileMillis(50), "ms");
      figures.add("intake", c + ": latency p95", latencies.percentileMillis(95), "ms");
      figures.add("intake", c + ": latency p99", latencies.percentileMillis(99), "ms");
      figures.add("intake", c + ": refused (not 201)", refused.get(), "requests", "0", null);
      figures.add(
          "intake",
          c + ": registered, no first task 2 min after the last (job awaits a retry)",
          registered - reached,
          "cases",
          "0",
          null);
    }
    AtomicInteger refused = new AtomicInteger();
    Latencies fixed =
        Latencies.open(50, 1000, i -> registered(http.post(Complaints.body("rate50", i)), refused));
    app.awaitNoDueJobs();
    figures.add(
        "intake",
        "at 50 requests/s (1000 requests): latency p50",
        fixed.percentileMillis(50),
        "ms");
    figures.add("intake", "at 50 requests/s: latency p95", fixed.percentileMillis(95), "ms");
    figures.add(
        "intake", "at 50 requests/s: latency p99", fixed.percentileMillis(99), "ms", "< 150", null);
    figures.add(
        "intake", "at 50 requests/s: refused (not 201)", refused.get(), "requests", "0", null);
    app.purgeMail();
  }

  /**
   * Counts a refused submission (a 503 when no database connection came in time) rather than
   * failing: how often that happens under load is a figure of its own.
   */
  private static void registered(EngineRest.Response answer, AtomicInteger refused) {
    if (answer.status() != 201) {
      if (refused.getAndIncrement() == 0) {
        System.out.println("[bench] first refused submission: " + answer);
      }
    }
  }

  private static long firstTasks(TaskService tasks) {
    return tasks
        .createTaskQuery()
        .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
        .taskDefinitionKey(ComplaintProcess.TASK_CHECK_COMPLETENESS)
        .count();
  }

  /**
   * The first tasks now, or {@code seen} while the database refuses (the application's outage guard
   * refuses connections for a few seconds after its pool ran dry under the load just measured).
   */
  private static long firstTasksOr(long seen, TaskService tasks) {
    try {
      return firstTasks(tasks);
    } catch (RuntimeException refused) {
      return seen;
    }
  }

  /** How many first tasks there were, and when the last of them came. */
  private record Arrived(long count, long lastNanos) {}

  /**
   * Waits until there are {@code expected} first tasks, or until none has come for 2 minutes (a
   * case whose step failed waits for its retry).
   */
  private static Arrived awaitFirstTasks(TaskService tasks, long expected) {
    long seen = firstTasks(tasks);
    long lastProgress = System.nanoTime();
    while (seen < expected && System.nanoTime() - lastProgress < 120_000_000_000L) {
      Staff.pause(20);
      long now = firstTasksOr(seen, tasks);
      if (now > seen) {
        seen = now;
        lastProgress = System.nanoTime();
      }
    }
    return new Arrived(seen, lastProgress);
  }

  private void lifecycle(BenchApplication app) {
    HttpIntake http = new HttpIntake(app.port());
    Staff staff = new Staff(app.bean(ProcessEngine.class));
    Latencies.closed(
        4, 20, i -> staff.carryToTheEnd(http.submit(Complaints.body("life-warm", i)), i));
    long start = System.nanoTime();
    Latencies.closed(
        8, LIFECYCLE_CASES, i -> staff.carryToTheEnd(http.submit(Complaints.body("life", i)), i));
    double perSecond = LIFECYCLE_CASES / ((System.nanoTime() - start) / 1e9);
    figures.add(
        "lifecycle", "registration to answer and survey expiry, 8 threads", perSecond, "/s");
    app.purgeMail();
  }

  private void timed(String part, Step step) throws Exception {
    long start = System.nanoTime();
    step.run();
    figures.note(
        String.format(Locale.ROOT, "part %s took %.0f s", part, (System.nanoTime() - start) / 1e9));
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  private List<String> machine(BenchApplication app) throws IOException {
    long memoryKb = 0;
    for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.UTF_8)) {
      if (line.startsWith("MemTotal:")) {
        memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return List.of(
        "date: " + Instant.now(),
        "commit: "
            + git("rev-parse", "--short", "HEAD")
            + (git("status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)"),
        "machine: "
            + Runtime.getRuntime().availableProcessors()
            + " cores, "
            + memoryKb / 1024
            + " MB memory, Java "
            + System.getProperty("java.version")
            + ", PostgreSQL "
            + app.postgresVersion()
            + " (embedded)",
        "load average when the run began (1, 5, 15 min; the machine is shared): " + loadAtStart,
        "parts: " + String.join(",", parts) + "; scales: " + scales);
  }

  private static String loadAverage() {
    try {
      String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return load[0] + " " + load[1] + " " + load[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String git(String... args) {
    try {
      List<String> command = new ArrayList<>(List.of("git"));
      command.addAll(List.of(args));
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      git.waitFor();
      return out;
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
