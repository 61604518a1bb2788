package eu.complaintdesk.testing;

import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** {@link RegisterTestConfiguration} on in-memory H2. */
@TestConfiguration(proxyBeanMethods = false)
@Import(RegisterTestConfiguration.class)
public class H2TestConfiguration {

  @Bean
  DataSource dataSource() {
    return TestDatabases.h2("register");
  }
}
