package eu.complaintdesk.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.complaintdesk.ComplaintDeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * What the benchmark runs against: one embedded PostgreSQL server (as the integration tests use)
 * with a database for the application and one for the bare-engine ceiling, a local SMTP sink
 * (GreenMail), and the application started in this JVM with the production settings.
 */
final class BenchApplication implements AutoCloseable {

  static final String ADMIN_PASSWORD = "bench-admin-password";

  private final EmbeddedPostgres postgres;
  private final GreenMail smtp;
  private ConfigurableApplicationContext context;

  /**
   * Where the embedded PostgreSQL keeps its data ({@code -Dbench.data-dir}): unset, a fresh
   * directory removed at the end; set, a directory kept between runs, so that a database seeded
   * once (10k or 100k open complaints take long to seed) is measured again by the next run, which
   * seeds only what is missing.
   */
  static final String DATA_DIR = System.getProperty("bench.data-dir", "");

  BenchApplication() {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setRegisterShutdownHook(false)
              // a kept data directory (bench.data-dir) may first recover from an interrupted run
              .setPGStartupWait(java.time.Duration.ofMinutes(5))
              // the statements' times for the breakdown of a staff page (Scale, bench.statements)
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .setServerConfig("pg_stat_statements.track", "all");
      if (Scale.STATEMENTS) {
        // and the plan of every statement slower than 100 ms, in the server's log under
        // target/bench/postgres-log (the embedded server's own output ends when it has started)
        builder
            .setServerConfig("session_preload_libraries", "auto_explain")
            .setServerConfig("auto_explain.log_min_duration", "100")
            .setServerConfig("logging_collector", "on")
            .setServerConfig(
                "log_directory",
                ComplaintDeskBenchmark.OUTPUT.resolve("postgres-log").toAbsolutePath().toString());
      }
      if (!DATA_DIR.isBlank()) {
        builder.setDataDirectory(Path.of(DATA_DIR)).setCleanDataDirectory(false);
      }
      postgres = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    createDatabase("complaints");
    createDatabase("ceiling");
    smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  /**
   * Starts the application as production runs it: the {@code postgres} profile (no demo users, an
   * administrator with a password), history level, job executor and pool sizes as configured; mail
   * to the SMTP sink. Only what would refuse or disturb a benchmark is changed: the per-client
   * limits do not apply to this machine's own address (every request comes from it), and the
   * nightly retention job and the e-mail inbox stay off.
   */
  void startApplication() {
    context =
        new SpringApplicationBuilder(ComplaintDeskApplication.class)
            .initializers(
                c ->
                    c.getBeanFactory()
                        .registerSingleton("benchExcludesTestClasses", new ExcludeTestClasses()))
            .run(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + jdbcUrl("complaints"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--server.port=0",
                "--complaints.admin.password=" + ADMIN_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--complaints.limits.unlimited-clients=127.0.0.1,::1",
                "--complaints.limits.acknowledgements-per-contact-per-day=1000000",
                "--complaints.retention.enabled=false",
                "--complaints.inbox.enabled=false",
                // the SMTP sink's own log line for every recipient
                "--logging.level.com.icegreen=warn");
  }

  int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  DataSource applicationDataSource() {
    return context.getBean(DataSource.class);
  }

  String jdbcUrl(String database) {
    return postgres.getJdbcUrl("postgres", database);
  }

  /**
   * Waits until the application's job executor has run every job that is due (timers due later
   * stay), forgetting the e-mails meanwhile.
   */
  void awaitNoDueJobs() {
    ManagementService management = bean(ProcessEngine.class).getManagementService();
    // a database kept from an interrupted 100k run may hold tens of thousands of cases on their
    // way to the first task: the wait ends when the due jobs stop going down for ten minutes
    long due = Long.MAX_VALUE;
    long progress = System.nanoTime();
    for (long now; (now = management.createJobQuery().executable().count()) > 0; ) {
      if (now < due) {
        due = now;
        progress = System.nanoTime();
      } else if (System.nanoTime() - progress > 600_000_000_000L) {
        throw new IllegalStateException(now + " jobs still due, none done for ten minutes");
      }
      purgeMail();
      Staff.pause(250);
    }
  }

  /** Forgets the e-mails received so far (the sink keeps them in memory). */
  void purgeMail() {
    try {
      smtp.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String postgresVersion() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery("show server_version")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void createDatabase(String name) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (rs.next()) {
          return; // kept from an earlier run (bench.data-dir)
        }
      }
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (context != null) {
      context.close();
    }
    smtp.stop();
    postgres.close();
  }

  /**
   * The application's component scan covers {@code eu.complaintdesk}, test classes included on this
   * class path: leave out every class compiled from src/test (the tests' own configurations would
   * start a second database).
   */
  static final class ExcludeTestClasses extends TypeExcludeFilter {

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
      try {
        return reader.getResource().getURI().toString().contains("/test-classes/");
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ExcludeTestClasses;
    }

    @Override
    public int hashCode() {
      return ExcludeTestClasses.class.hashCode();
    }
  }
}
