package eu.complaintdesk.testing;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** {@link RegisterTestConfiguration} on embedded PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@Import(RegisterTestConfiguration.class)
public class PostgresTestConfiguration {

  @Bean
  DataSource dataSource() {
    return TestDatabases.postgres();
  }
}
