package eu.complaintdesk.testing;

import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** {@link RegisterTestConfiguration} on embedded PostgreSQL. */
@TestConfiguration(proxyBeanMethods = false)
@Import(RegisterTestConfiguration.class)
public class PostgresTestConfiguration {

  @Bean
  DataSource dataSource() {
    return TestDatabases.postgres();
  }
}
