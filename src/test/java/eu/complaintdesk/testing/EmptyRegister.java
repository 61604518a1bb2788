package eu.complaintdesk.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before each test: the register's tables empty, and the test's clock (if the context has one) at
 * {@link RegisterTestConfiguration#NOW}. For tests of {@link RegisterTestConfiguration}'s context.
 */
public class EmptyRegister implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    TestDatabases.clean(spring.getBean(DataSource.class));
    spring
        .getBeanProvider(MutableClock.class)
        .ifAvailable(clock -> clock.set(RegisterTestConfiguration.NOW));
  }
}
