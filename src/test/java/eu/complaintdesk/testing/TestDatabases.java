package eu.complaintdesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Databases for register tests: one embedded PostgreSQL (real binaries, no Docker) per test JVM,
 * and in-memory H2 databases, both migrated with the application's Flyway scripts.
 */
public final class TestDatabases {

  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  public static synchronized DataSource postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
      }
      EmbeddedPostgres started = postgres;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started)));
      migrate(postgres.getPostgresDatabase());
    }
    return postgres.getPostgresDatabase();
  }

  public static DataSource h2(String name) {
    DataSource dataSource =
        new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    migrate(dataSource);
    return dataSource;
  }

  /** Runs the application's migrations as configured in application.yaml. */
  public static void migrate(DataSource dataSource) {
    String vendor;
    try {
      vendor =
          org.springframework.boot.jdbc.DatabaseDriver.fromJdbcUrl(
                  org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(
                      dataSource, java.sql.DatabaseMetaData::getURL))
              .getId();
    } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
      throw new IllegalStateException(e);
    }
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
        .table("complaint_desk_schema_history")
        .load()
        .migrate();
  }

  /** Empties the register's tables. */
  public static void clean(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    for (String table :
        new String[] {
          "case_read",
          "attachment",
          "inbound_email",
          "inbound_email_attempt",
          "outbound_message",
          "answer_letter",
          "survey",
          "customer_message",
          "external_inquiry",
          "inquiry_question",
          "answer_draft",
          "complaint_event",
          "complaint",
          "registration_counter"
        }) {
      jdbc.update("delete from " + table);
    }
    // the registration numbers' sequences (docs/adr/0015) start again at 1, as the counter did
    for (String sequence :
        jdbc.queryForList(
            "select sequence_name from information_schema.sequences"
                + " where lower(sequence_name) like 'registration_number_%'",
            String.class)) {
      jdbc.update("alter sequence " + sequence + " restart with 1");
    }
  }

  private static void close(EmbeddedPostgres database) {
    try {
      database.close();
    } catch (IOException e) {
      // the JVM is exiting anyway
    }
  }
}
