package eu.complaintdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.testing.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** A database known to be away is not waited for again at every connection of a request. */
class FailFastDataSourceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));
  private final AtomicInteger asked = new AtomicInteger();

  /** A pool that answers as Hikari does when the database is away (after its timeout). */
  private final AbstractDataSource unreachable =
      new AbstractDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
          asked.incrementAndGet();
          throw new SQLTransientConnectionException("Connection is not available", "08001");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
          return getConnection();
        }
      };

  @Test
  void afterAnOutageConnectionsAreRefusedAtOnceForAMomentThenTriedAgain() {
    FailFastDataSource dataSource = new FailFastDataSource(unreachable, clock);

    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLTransientConnectionException.class);
    assertThat(asked).hasValue(1);

    clock.advance(FailFastDataSource.WINDOW.minusMillis(1));
    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLTransientConnectionException.class)
        .satisfies(e -> assertThat(DatabaseOutage.isCause(e)).isTrue());
    assertThat(asked).as("the pool is not asked within the window").hasValue(1);

    clock.advance(Duration.ofMillis(1));
    assertThatThrownBy(dataSource::getConnection)
        .isInstanceOf(SQLTransientConnectionException.class);
    assertThat(asked).as("after the window the database is tried again").hasValue(2);
  }

  @Test
  void aFailureThatIsNotAnOutageRefusesNothingAfterIt() {
    AtomicInteger calls = new AtomicInteger();
    FailFastDataSource dataSource =
        new FailFastDataSource(
            new AbstractDataSource() {
              @Override
              public Connection getConnection() throws SQLException {
                calls.incrementAndGet();
                throw new SQLSyntaxErrorException("not an outage", "42601");
              }

              @Override
              public Connection getConnection(String username, String password)
                  throws SQLException {
                return getConnection();
              }
            },
            clock);

    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLSyntaxErrorException.class);
    assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLSyntaxErrorException.class);
    assertThat(calls).hasValue(2);
  }
}
