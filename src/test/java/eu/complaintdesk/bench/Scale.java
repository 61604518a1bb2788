package eu.complaintdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.engine.TasklistCounts;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.TasklistSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;

/**
 * The application at 1k, 10k, 100k open complaints: seeds the difference quickly (several threads
 * through the intake service, every fourth case then taken on to its draft in one of several
 * departments, so handlers and supervisors have tasks too), and measures what staff and managers
 * wait for: the first Tasklist page and the task counts, as Tasklist asks for them, and the KPIs.
 */
final class Scale {

  /** Tasklist's request for the first page of a filter: 15 tasks, sorted as the filter sorts. */
  static final String FIRST_PAGE = "?firstResult=0&maxResults=15";

  static final String PAGE_BODY =
      """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
       "sorting":[{"sortBy":"dueDate","sortOrder":"asc"},{"sortBy":"priority","sortOrder":"desc"}]}
      """;

  static final int SEED_THREADS = 4;

  private final BenchApplication app;
  private final ProcessEngine engine;
  private final Figures figures;
  private final Staff staff;
  private int seeded;

  Scale(BenchApplication app, Figures figures) {
    this.app = app;
    this.engine = app.bean(ProcessEngine.class);
    this.figures = figures;
    this.staff = new Staff(engine);
    // a database kept from an earlier run (bench.data-dir): new customers after the ones it has
    this.seeded = (int) openComplaints();
  }

  long openComplaints() {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
        .count();
  }

  /** Brings the open complaints up to {@code open} and measures at that size. */
  void step(int open) throws Exception {
    String part = "scale " + (open >= 1000 ? open / 1000 + "k" : String.valueOf(open));
    int missing = (int) Math.max(0, open - openComplaints());
    if (missing > 0) {
      seed(part, missing);
    }
    // a database kept from an interrupted run may hold complaints still on their way to the first
    // task, and fewer than a quarter of the cases at their draft
    app.awaitNoDueJobs();
    advanceQuarter(part);
    figures.add(part, "open complaints", openComplaints(), "cases");
    measureTasklist(part);
    measureKpis(part);
    measureIntake(part); // last: it adds 120 complaints
  }

  private void seed(String part, int count) throws Exception {
    IntakeService intake = app.bean(IntakeService.class);
    ObjectMapper json = app.bean(ObjectMapper.class);
    DataSource db = app.applicationDataSource();
    Map<String, Long> rowsBefore = rowsPerTable(db);
    long bytesBefore = databaseBytes(db);
    int first = seeded;

    long start = System.nanoTime();
    Latencies.closed(
        SEED_THREADS,
        count,
        i -> {
          try {
            Submission submission =
                json.readValue(Complaints.body("seed", first + i), Submission.class);
            intake.submit(submission, Channel.API, Instant.now(), null, null);
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
    seeded += count;
    app.awaitNoDueJobs();
    double seconds = (System.nanoTime() - start) / 1e9;
    figures.add(part, "seeding: complaints to their first task per second", count / seconds, "/s");

    Map<String, Long> rowsAfter = rowsPerTable(db);
    long rows = 0;
    Map<String, Long> delta = new LinkedHashMap<>();
    for (Map.Entry<String, Long> table : rowsAfter.entrySet()) {
      long added = table.getValue() - rowsBefore.getOrDefault(table.getKey(), 0L);
      rows += added;
      delta.put(table.getKey(), added);
    }
    figures.add(
        part, "rows per complaint at its first task", (double) rows / count, "rows", "<= 30", null);
    figures.add(
        part,
        "database bytes per complaint at its first task",
        (databaseBytes(db) - bytesBefore) / 1024.0 / count,
        "KB",
        "<= 20",
        null);
    StringBuilder biggest = new StringBuilder(part + ": rows per complaint by table:");
    delta.entrySet().stream()
        .filter(e -> e.getValue() != 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(12)
        .forEach(
            e ->
                biggest.append(
                    String.format(
                        java.util.Locale.ROOT,
                        " %s %.1f;",
                        e.getKey(),
                        (double) e.getValue() / count)));
    figures.note(biggest.toString());

    figures.note(
        String.format(
            java.util.Locale.ROOT, "%s: seeded %d complaints in %.0f s", part, count, seconds));
  }

  /**
   * Takes every fourth open case on to its draft (a department's task), so that handlers and
   * supervisors have tasks too; counted over every open case, so a database kept from an
   * interrupted run (bench.data-dir) gets its share too.
   */
  private void advanceQuarter(String part) {
    long advance = System.nanoTime();
    int first = seeded;
    TaskService tasks = engine.getTaskService();
    long waiting =
        tasks
            .createTaskQuery()
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .taskDefinitionKey(ComplaintProcess.TASK_CHECK_COMPLETENESS)
            .count();
    int wanted = (int) Math.max(0, openComplaints() / 4 - (openComplaints() - waiting));
    List<String> onward =
        tasks
            .createTaskQuery()
            .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
            .taskDefinitionKey(ComplaintProcess.TASK_CHECK_COMPLETENESS)
            .orderByTaskCreateTime()
            .desc()
            .listPage(0, wanted)
            .stream()
            .map(t -> businessKey(t.getProcessInstanceId()))
            .toList();
    Latencies.closed(
        SEED_THREADS, onward.size(), k -> staff.checkAndClassify(onward.get(k), first + k * 4));
    app.awaitNoDueJobs();
    app.purgeMail();
    figures.note(
        String.format(
            java.util.Locale.ROOT,
            "%s: took %d on to their draft in %.0f s",
            part,
            onward.size(),
            (System.nanoTime() - advance) / 1e9));
  }

  private String businessKey(String processInstanceId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .singleResult()
        .getBusinessKey();
  }

  private void measureIntake(String part) {
    int port = app.port();
    HttpIntake http = new HttpIntake(port);
    Latencies.closed(1, 20, i -> http.submit(Complaints.body(part.replace(' ', '-') + "-warm", i)));
    Latencies latencies =
        Latencies.closed(1, 100, i -> http.submit(Complaints.body(part.replace(' ', '-'), i)));
    figures.add(part, "intake latency p50, concurrency 1", latencies.percentileMillis(50), "ms");
    figures.add(part, "intake latency p99, concurrency 1", latencies.percentileMillis(99), "ms");
    app.awaitNoDueJobs();
  }

  private void measureTasklist(String part) {
    int port = app.port();
    String[][] users = {
      {Staff.REGISTRAR, "registrar"},
      {Staff.HEAT_CLERK, "handler of one department"},
      {Staff.SUPERVISOR, "supervisor"}
    };
    String filter = filterId(port, "My groups' tasks");
    TasklistCounts cache = app.bean(TasklistCounts.class);
    // every role's page once through the code paths first, so that the first role measured does
    // not also pay for the JIT compiling them
    for (String[] user : users) {
      Latencies.closed(1, 20, i -> firstPage(TasklistSession.signIn(port, user[0]), filter));
    }
    for (String[] user : users) {
      TasklistSession tasklist = TasklistSession.signIn(port, user[0]);
      Runnable page = () -> firstPage(tasklist, filter);
      Runnable counts =
          () ->
              ok(
                  tasklist.send(
                      "/filter?resourceType=Task&itemCount=true", null, "application/json"));
      // the same, each time with the counts counted (TasklistCounts keeps them 10 s): what the
      // first page load after that time costs
      Runnable pageCounted = () -> counted(cache, page);
      Runnable countsCounted = () -> counted(cache, counts);
      Latencies pages = repeated(page);
      figures.add(
          part,
          "Tasklist first page (15 by due date), " + user[1] + ", p50",
          pages.percentileMillis(50),
          "ms",
          "< 50 at 100k",
          null);
      figures.add(
          part,
          "Tasklist first page, " + user[1] + ", p95",
          pages.percentileMillis(95),
          "ms",
          "< 50 at 100k",
          null);
      figures.add(
          part,
          "Tasklist filter counts, " + user[1] + ", p50",
          repeated(counts).percentileMillis(50),
          "ms",
          "< 50 at 100k",
          null);
      figures.add(
          part, "tasks in 'My groups' tasks', " + user[1], firstPage(tasklist, filter), "tasks");
      figures.add(
          part,
          "Tasklist first page, count counted, " + user[1] + ", p50",
          repeated(pageCounted).percentileMillis(50),
          "ms");
      figures.add(
          part,
          "Tasklist filter counts counted, " + user[1] + ", p50",
          repeated(countsCounted).percentileMillis(50),
          "ms");
      if (STATEMENTS) {
        // with the counts counted, so that their statements show
        statements(part + ", " + user[1] + ", first page", pageCounted);
        statements(part + ", " + user[1] + ", filter counts", countsCounted);
      }
    }
  }

  /** Tasklist's first page of the filter, as Tasklist asks for it; the count it carries. */
  private static long firstPage(TasklistSession tasklist, String filter) {
    EngineRest.Response listed =
        tasklist.send(
            "/filter/" + filter + "/list" + FIRST_PAGE, PAGE_BODY, "application/hal+json");
    ok(listed);
    return listed.json().get("count").asLong();
  }

  private static void counted(TasklistCounts cache, Runnable request) {
    cache.forget();
    request.run();
  }

  /**
   * {@code -Dbench.statements=true}: what one request costs in the database, statement by statement
   * (pg_stat_statements, the embedded server loads it), beside its time through HTTP.
   */
  static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

  private static final int STATEMENT_REPEATS = 20;

  private void statements(String what, Runnable request) {
    DataSource db = app.applicationDataSource();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("create extension if not exists pg_stat_statements");
      s.execute("select pg_stat_statements_reset()");
      Latencies http = Latencies.closed(1, STATEMENT_REPEATS, i -> request.run());
      StringBuilder report =
          new StringBuilder(
              String.format(
                  java.util.Locale.ROOT,
                  "%s: through HTTP p50 %.1f ms; statements per request (calls, mean ms, total ms"
                      + " per request):",
                  what,
                  http.percentileMillis(50)));
      double database = 0;
      try (ResultSet rs =
          s.executeQuery(
              "select calls, mean_exec_time, total_exec_time, regexp_replace(query, '\\s+', ' ',"
                  + " 'g') from pg_stat_statements where dbid = (select oid from pg_database where"
                  + " datname = current_database()) and query not like '%pg_stat_statements%'"
                  + " order by total_exec_time desc")) {
        while (rs.next()) {
          double perRequest = rs.getDouble(3) / STATEMENT_REPEATS;
          database += perRequest;
          String query = rs.getString(4);
          report.append(
              String.format(
                  java.util.Locale.ROOT,
                  "%n    %5.1f calls  %8.2f ms  %8.2f ms  %s",
                  rs.getDouble(1) / STATEMENT_REPEATS,
                  rs.getDouble(2),
                  perRequest,
                  query.length() > 160 ? query.substring(0, 160) + "…" : query));
        }
      }
      report.append(
          String.format(
              java.util.Locale.ROOT, "%n    database in all: %.1f ms per request", database));
      figures.note(report.toString());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void measureKpis(String part) {
    EngineRest manager = EngineRest.as(app.port(), Staff.MANAGER);
    HttpIntake http = new HttpIntake(app.port());
    Latencies kpis = repeated(() -> ok(http.getAs("/api/reports/kpis", manager)));
    figures.add(
        part,
        "KPI query (GET /api/reports/kpis) p50",
        kpis.percentileMillis(50),
        "ms",
        "< 500 at 100k",
        null);
    figures.add(part, "KPI query p95", kpis.percentileMillis(95), "ms", "< 500 at 100k", null);
  }

  /** 5 calls to warm up, then 30 measured, one after another. */
  private static Latencies repeated(Runnable call) {
    Latencies.closed(1, 5, i -> call.run());
    return Latencies.closed(1, 30, i -> call.run());
  }

  private static void ok(EngineRest.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException("unexpected answer: " + response);
    }
  }

  private static String filterId(int port, String name) {
    EngineRest.Response filters =
        EngineRest.as(port, "admin", BenchApplication.ADMIN_PASSWORD)
            .get(
                "/filter?name="
                    + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
    ok(filters);
    return filters.json().get(0).get("id").asText();
  }

  /** Rows of every table of the database (the engine's and ours), by table. */
  static Map<String, Long> rowsPerTable(DataSource db) throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select table_name from information_schema.tables"
                  + " where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          rs.next();
          rows.put(table.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
        }
      }
    }
    return rows;
  }

  static long databaseBytes(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
