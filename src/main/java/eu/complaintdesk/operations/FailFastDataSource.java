package eu.complaintdesk.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * While the database is known to be unreachable, a connection is refused at once instead of after
 * the pool's {@code connection-timeout}. One request may need the database several times (its
 * session, a sign-in check, the handler, the error page, saving the session again); each would wait
 * the whole timeout, and a page took 12 s to say 503. After a connection failed for want of the
 * database ({@link DatabaseOutage}), every request for one in the next {@link #WINDOW} is refused
 * with the same kind of failure; after it, the next request tries the database again, so the
 * application notices within seconds that the database is back. The window is longer than the pause
 * between two of one request's calls on a busy machine (one second was not: a page's second call
 * fell just after it and waited the pool's whole timeout).
 */
final class FailFastDataSource extends DelegatingDataSource {

  static final Duration WINDOW = Duration.ofSeconds(3);

  private final Clock clock;
  private volatile Instant refuseUntil = Instant.MIN;

  FailFastDataSource(DataSource pool, Clock clock) {
    super(pool);
    this.clock = clock;
  }

  @Override
  public Connection getConnection() throws SQLException {
    refuseWhileDown();
    try {
      return super.getConnection();
    } catch (SQLException | RuntimeException failure) {
      noteIfOutage(failure);
      throw failure;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    refuseWhileDown();
    try {
      return super.getConnection(username, password);
    } catch (SQLException | RuntimeException failure) {
      noteIfOutage(failure);
      throw failure;
    }
  }

  private void refuseWhileDown() throws SQLTransientConnectionException {
    if (clock.instant().isBefore(refuseUntil)) {
      // SQL state class 08: a connection exception, as the pool's own timeout is understood
      throw new SQLTransientConnectionException(
          "The database was unreachable a moment ago", "08001");
    }
  }

  private void noteIfOutage(Throwable failure) {
    if (DatabaseOutage.isCause(failure)) {
      refuseUntil = clock.instant().plus(WINDOW);
    }
  }

  /** Puts every {@link DataSource} bean of the application behind a {@link FailFastDataSource}. */
  static BeanPostProcessor wrapping() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource pool && !(bean instanceof FailFastDataSource)
            ? new FailFastDataSource(pool, Clock.systemUTC())
            : bean;
      }
    };
  }
}
