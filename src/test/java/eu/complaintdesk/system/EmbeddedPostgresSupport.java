package eu.complaintdesk.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (embedded binaries from Maven Central, no Docker) for all
 * integration tests of a test run.
 */
public final class EmbeddedPostgresSupport {

  private static EmbeddedPostgres postgres;

  private EmbeddedPostgresSupport() {}

  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresSupport::stop));
    }
    return postgres;
  }

  /** Points Spring's data source at the embedded server. */
  public static void register(DynamicPropertyRegistry registry) {
    EmbeddedPostgres server = postgres();
    registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  private static void stop() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is going away anyway
    }
  }
}
