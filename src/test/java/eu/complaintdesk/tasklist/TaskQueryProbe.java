package eu.complaintdesk.tasklist;

import com.zaxxer.hikari.HikariDataSource;
import eu.complaintdesk.ComplaintDeskApplication;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A measuring harness, not a test (its name keeps Surefire and Failsafe away): starts the
 * application on embedded PostgreSQL as the integration tests do, registers N complaints through
 * the intake service with several threads, waits until each has its first task, then prints the
 * rows and bytes each complaint added per table, and times the Tasklist filters of a registrar, a
 * handler and a supervisor as Tasklist asks for them (first 15 by due date, the variables the
 * filter shows, the count), with EXPLAIN ANALYZE of the task queries.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) eu.complaintdesk.tasklist.TaskQueryProbe 5000
 * </pre>
 */
public final class TaskQueryProbe {

  private static final List<String> USERS = List.of("registrar", "handler", "supervisor");
  private static final int RUNS = 15;

  /** The statements recorded while {@link #RECORDING} is set: SQL and its parameters. */
  private static final ThreadLocal<List<Recorded>> RECORDING = new ThreadLocal<>();

  private record Recorded(String sql, List<Object[]> parameters) {}

  private TaskQueryProbe() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      HikariDataSource pool = new RecordingDataSource();
      pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      pool.setUsername("postgres");
      pool.setPassword("postgres");
      pool.setMaximumPoolSize(20);
      ConfigurableApplicationContext app =
          new SpringApplicationBuilder(ComplaintDeskApplication.class)
              .initializers(
                  context ->
                      ((GenericApplicationContext) context)
                          .registerBean("dataSource", DataSource.class, () -> pool))
              .properties(
                  "server.port=0",
                  "complaints.demo-users=true",
                  "complaints.retention.enabled=false",
                  "spring.main.banner-mode=off",
                  "logging.level.root=WARN",
                  "logging.level.eu.complaintdesk.tasklist.TaskQueryProbe=INFO")
              .run();
      try {
        probe(app, postgres.getPostgresDatabase(), n, threads);
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  private static void probe(ConfigurableApplicationContext app, DataSource db, int n, int threads)
      throws Exception {
    IntakeService intake = app.getBean(IntakeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    ManagementService management = app.getBean(ManagementService.class);
    Map<String, Long> rowsBefore = rows(db);
    long bytesBefore = databaseBytes(db);

    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                  intake.submit(submission(i), Channel.API, Instant.now(), null, null);
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    long registered = System.nanoTime();
    while (tasks.createTaskQuery().count() < n
        || management.createJobQuery().executable().count() > 0) {
      TimeUnit.MILLISECONDS.sleep(500);
    }
    long atFirstTask = System.nanoTime();
    print(
        "seeded %d complaints: registered in %.1f s (%.0f/s), all at their first task after %.1f s",
        n,
        (registered - started) / 1e9,
        n / ((registered - started) / 1e9),
        (atFirstTask - started) / 1e9);

    analyze(db);
    Map<String, Long> rowsAfter = rows(db);
    long bytesAfter = databaseBytes(db);
    long total = 0;
    print("%-36s %10s", "table", "rows/case");
    for (Map.Entry<String, Long> e : rowsAfter.entrySet()) {
      long delta = e.getValue() - rowsBefore.getOrDefault(e.getKey(), 0L);
      if (delta != 0) {
        print("%-36s %10.2f", e.getKey(), (double) delta / n);
        total += delta;
      }
    }
    print("%-36s %10.2f", "TOTAL rows per complaint", (double) total / n);
    print("database bytes per complaint: %.0f", (double) (bytesAfter - bytesBefore) / n);
    tableBytes(db, n);

    FilterService filters = app.getBean(FilterService.class);
    IdentityService identity = app.getBean(IdentityService.class);
    RuntimeService runtime = app.getBean(RuntimeService.class);
    print(
        "%-12s %-24s %8s %8s %8s %8s %7s",
        "user", "filter", "page ms", "vars ms", "count ms", "sum ms", "count");
    for (String user : USERS) {
      List<String> groups =
          identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      for (Filter filter : filters.createTaskFilterQuery().orderByFilterId().asc().list()) {
        identity.setAuthentication(user, groups);
        try {
          if (filters.createFilterQuery().filterId(filter.getId()).count() == 0) {
            continue; // not this user's filter
          }
          double[] page = new double[RUNS];
          double[] vars = new double[RUNS];
          double[] count = new double[RUNS];
          long c = 0;
          for (int r = 0; r < RUNS + 3; r++) {
            long t0 = System.nanoTime();
            List<Task> shown = filters.listPage(filter.getId(), 0, 15);
            long t1 = System.nanoTime();
            variables(runtime, shown);
            long t2 = System.nanoTime();
            c = filters.count(filter.getId());
            long t3 = System.nanoTime();
            if (r >= 3) {
              page[r - 3] = (t1 - t0) / 1e6;
              vars[r - 3] = (t2 - t1) / 1e6;
              count[r - 3] = (t3 - t2) / 1e6;
            }
          }
          double p = median(page);
          double v = median(vars);
          double k = median(count);
          print(
              "%-12s %-24s %8.1f %8.1f %8.1f %8.1f %7d",
              user, filter.getName(), p, v, k, p + v + k, c);
        } finally {
          identity.clearAuthentication();
        }
      }
    }
    for (String user : USERS) {
      List<String> groups =
          identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      Filter filter =
          filters
              .createTaskFilterQuery()
              .filterName(TasklistFilters.MY_GROUPS_TASKS)
              .singleResult();
      identity.setAuthentication(user, groups);
      List<Recorded> recorded = new ArrayList<>();
      RECORDING.set(recorded);
      try {
        variables(runtime, filters.listPage(filter.getId(), 0, 15));
        filters.count(filter.getId());
      } finally {
        RECORDING.remove();
        identity.clearAuthentication();
      }
      for (Recorded r : recorded) {
        if (r.sql().contains("ACT_RU_TASK") || r.sql().contains("ACT_RU_VARIABLE")) {
          print(
              "---- EXPLAIN ANALYZE, %s, %s:%n%s",
              user, TasklistFilters.MY_GROUPS_TASKS, oneLine(r.sql()));
          explain(db, r);
        }
      }
    }
  }

  /** As Tasklist's filter list asks for the variables its columns show (engine REST). */
  private static void variables(RuntimeService runtime, List<Task> shown) {
    if (shown.isEmpty()) {
      return;
    }
    List<String> scopes = new ArrayList<>();
    for (Task t : shown) {
      scopes.add(t.getId());
      scopes.add(t.getExecutionId());
      scopes.add(t.getProcessInstanceId());
    }
    runtime
        .createVariableInstanceQuery()
        .disableBinaryFetching()
        .disableCustomObjectDeserialization()
        .variableNameIn(
            "registrationNumber",
            TaskListVariables.CASE_TYPE,
            TaskListVariables.CASE_CATEGORY,
            TaskListVariables.CASE_PRIORITY,
            "channel",
            "repeatComplaint")
        .variableScopeIdIn(scopes.stream().distinct().toArray(String[]::new))
        .list();
  }

  private static Submission submission(int i) {
    String[] hints = {"BILLING", "HEATING_QUALITY", "METERING", "CONTRACT", null};
    return new Submission(
        Language.values()[i % Language.values().length],
        new Submission.Customer(
            "Probe Customer " + i,
            "probe" + i + "@example.lv",
            null,
            "C-" + i,
            "Brīvības iela " + (i % 200) + ", Rīga"),
        PreferredContact.EMAIL,
        "Radiators are cold " + i,
        "No heating in the flat since Monday. Case " + i + ". ".repeat(1 + i % 5),
        i % 3 == 0 ? "Restore heating and recalculate the bill" : null,
        hints[i % hints.length],
        null,
        null,
        null);
  }

  private static Map<String, Long> rows(DataSource db) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select table_name from information_schema.tables where table_schema = 'public'"
                  + " and table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
          rs.next();
          rows.put(table, rs.getLong(1));
        }
      }
    }
    return rows;
  }

  private static void analyze(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute("vacuum analyze");
    }
  }

  private static long databaseBytes(DataSource db) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void tableBytes(DataSource db, int n) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select relname, pg_total_relation_size(relid) total, pg_relation_size(relid) heap"
                    + " from pg_stat_user_tables order by 2 desc limit 15")) {
      print("%-36s %12s %12s", "largest tables", "total B/case", "heap B/case");
      while (rs.next()) {
        print("%-36s %12.0f %12.0f", rs.getString(1), rs.getDouble(2) / n, rs.getDouble(3) / n);
      }
    }
  }

  private static void explain(DataSource db, Recorded recorded) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("explain (analyze, buffers, costs off) " + recorded.sql())) {
      for (Object[] p : recorded.parameters()) {
        s.setObject((Integer) p[0], p[1]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          System.out.println("  " + rs.getString(1));
        }
      }
    }
  }

  private static String oneLine(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(format, args));
  }

  /** Hands out connections that record the prepared statements of a thread that asks for it. */
  private static final class RecordingDataSource extends HikariDataSource {
    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = super.getConnection();
      return (Connection)
          Proxy.newProxyInstance(
              TaskQueryProbe.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                Object result = invoke(method, connection, args);
                List<Recorded> recording = RECORDING.get();
                if (recording != null
                    && method.getName().equals("prepareStatement")
                    && result instanceof PreparedStatement statement) {
                  Recorded r = new Recorded((String) args[0], new ArrayList<>());
                  recording.add(r);
                  return recordingStatement(statement, r);
                }
                return result;
              });
    }

    private static PreparedStatement recordingStatement(PreparedStatement statement, Recorded r) {
      return (PreparedStatement)
          Proxy.newProxyInstance(
              TaskQueryProbe.class.getClassLoader(),
              new Class<?>[] {PreparedStatement.class},
              (proxy, method, args) -> {
                if (method.getName().startsWith("set")
                    && args != null
                    && args.length >= 2
                    && args[0] instanceof Integer index) {
                  r.parameters()
                      .add(
                          new Object[] {
                            index, method.getName().equals("setNull") ? null : args[1]
                          });
                }
                return invoke(method, statement, args);
              });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
