package eu.complaintdesk.testing;

import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.directory.OrganisationDirectory;
import eu.complaintdesk.system.Organisation;
import eu.complaintdesk.system.OrganisationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * A minimal Spring context for the register and the notifications: their beans and those of the
 * other owners of the register's tables (drafts, inquiries, surveys, the clock, customer messages),
 * a JdbcClient, a transaction manager and a clock the test moves. The DataSource comes from {@link
 * PostgresTestConfiguration} or {@link H2TestConfiguration}.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableTransactionManagement
@EnableConfigurationProperties(OrganisationProperties.class)
// without the engine: the staff e-mails, which ask it who is concerned, are left out
@ComponentScan(
    basePackages = {"eu.complaintdesk.register", "eu.complaintdesk.notification"},
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "eu\\.complaintdesk\\.notification\\.Staff(Notifications|Recipients)"))
@ComponentScan(
    basePackages = "eu.complaintdesk",
    useDefaultFilters = false,
    includeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = {
              "eu\\.complaintdesk\\.answer\\.(AnswerDrafts|ExternalInquiries)",
              "eu\\.complaintdesk\\.survey\\.Surveys",
              "eu\\.complaintdesk\\.deadline\\.DeadlineClock",
              "eu\\.complaintdesk\\.customermessage\\.CustomerMessages"
            }))
public class RegisterTestConfiguration {

  public static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

  @Bean
  JdbcClient jdbcClient(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new JdbcTransactionManager(dataSource);
  }

  @Bean
  WorkingCalendar workingCalendar() {
    return new WorkingCalendar(CalendarProperties.defaults());
  }

  @Bean
  Organisation organisation(OrganisationProperties properties) {
    return new Organisation(properties, CalendarProperties.defaults());
  }

  /** As the application's (actuator): the notifications count failed deliveries. */
  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  @Bean
  MutableClock clock() {
    return new MutableClock(NOW);
  }

  // --- duplicates read-over (E): the inquiries take the directory plainly ---------------------

  /**
   * The directory of other organisations with no directory deployed (it reads the engine's, and
   * this context has none): every inquiry goes to an organisation not in it.
   */
  @Bean
  OrganisationDirectory organisationDirectory() {
    OrganisationDirectory none = Mockito.mock(OrganisationDirectory.class);
    Mockito.when(none.entries()).thenReturn(List.of());
    Mockito.when(none.find(ArgumentMatchers.any())).thenReturn(Optional.empty());
    return none;
  }
}
