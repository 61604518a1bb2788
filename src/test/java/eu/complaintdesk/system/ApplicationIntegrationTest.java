package eu.complaintdesk.system;

import com.zaxxer.hikari.HikariDataSource;
import eu.complaintdesk.testing.InboxMailServer;
import eu.complaintdesk.testing.OutboundTestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a random port against real PostgreSQL
 * (embedded binaries, no Docker), with the job executor running, and a real IMAP server as its
 * e-mail inbox ({@link InboxMailServer}). All subclasses share one Spring context, which owns the
 * database server, so the engine stops before it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "complaints.demo-users=true",
      // The limits keep their defaults; the tests' own loopback client is left unlimited, and
      // the limit tests name their clients in X-Forwarded-For (LimitsIT, SignInThrottleIT).
      "complaints.limits.trusted-proxies=127.0.0.1,::1",
      "complaints.limits.unlimited-clients=127.0.0.1,::1",
      // the nightly retention job is run by RetentionIT on its own cases only, never by the
      // clock (a build spanning 02:30 would anonymise other tests' cases)
      "complaints.retention.enabled=false",
      // the morning digest is run by StaffDigestIT for its own users and times only, never by
      // the clock (a build in a working morning would mail the demo users other tests' tasks)
      "complaints.digest.enabled=false",
      // Tasklist's counts stay while a test runs (TasklistCountsIT); no other test compares
      // counts read through Tasklist's API, and the other APIs always count now
      "complaints.tasklist.count-seconds=300"
    })
@Import({ApplicationIntegrationTest.Database.class, InboxMailServer.class})
// the Prometheus registry, as in the application (Spring Boot's tests leave it out by default)
@AutoConfigureObservability(tracing = false)
public abstract class ApplicationIntegrationTest {

  /** A real SMTP server and an SMS gateway for every integration test (one context for all). */
  @DynamicPropertySource
  static void outboundServers(DynamicPropertyRegistry registry) {
    OutboundTestServers.register(registry);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Database {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
      return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
      HikariDataSource dataSource =
          DataSourceBuilder.create()
              .type(HikariDataSource.class)
              .url(postgres.getJdbcUrl("postgres", "postgres"))
              .username("postgres")
              .password("postgres")
              .build();
      // as spring.datasource.hikari.maximum-pool-size in application.yaml: job threads may hold
      // two connections each while a message is recorded
      dataSource.setMaximumPoolSize(20);
      return dataSource;
    }
  }
}
