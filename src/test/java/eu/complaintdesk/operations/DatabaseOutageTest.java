package eu.complaintdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are a database outage (503), as they arrive wrapped. */
class DatabaseOutageTest {

  static final SQLTransientConnectionException POOL_TIMEOUT =
      new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
  static final SQLException SERVER_STOPPING =
      new SQLException("FATAL: terminating connection due to administrator command", "57P01");

  @Test
  void noConnectionFromThePoolIsAnOutageHoweverWrapped() {
    assertThat(
            DatabaseOutage.isCause(
                new CannotCreateTransactionException(
                    "Could not open JDBC Connection", POOL_TIMEOUT)))
        .isTrue();
    assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no", POOL_TIMEOUT)))
        .isTrue();
    assertThat(
            DatabaseOutage.isCause(
                new ProcessEngineException(
                    "ENGINE-03083", new PersistenceException("Error querying", POOL_TIMEOUT))))
        .isTrue();
  }

  @Test
  void aConnectionCutByTheStoppingServerIsAnOutage() {
    assertThat(
            DatabaseOutage.isCause(
                new ProcessEngineException(
                    "flush", new PersistenceException("update", SERVER_STOPPING))))
        .isTrue();
    assertThat(DatabaseOutage.isCause(new SQLException("I/O error", "08006"))).isTrue();
  }

  @Test
  void aFailedRollbackThatHidesTheCutConnectionIsAnOutage() {
    TransactionSystemException rollbackFailed =
        new TransactionSystemException("JDBC rollback failed", new SQLException("closed"));
    rollbackFailed.initApplicationException(
        new ProcessEngineException("flush", new PersistenceException("x", SERVER_STOPPING)));

    assertThat(DatabaseOutage.isCause(rollbackFailed)).isTrue();
    assertThat(
            DatabaseOutage.isCause(
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))))
        .isTrue();
  }

  @Test
  void wrongRequestsAndOurOwnErrorsAreNot() {
    assertThat(DatabaseOutage.isCause(new BadUserRequestException("no such task"))).isFalse();
    assertThat(
            DatabaseOutage.isCause(
                new DataIntegrityViolationException(
                    "duplicate", new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(
            DatabaseOutage.isCause(
                new TransactionSystemException(
                    "commit failed", new SQLException("could not serialize", "40001"))))
        .isFalse();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    assertThat(
            DatabaseOutage.isCause(new CannotCreateTransactionException("no transaction manager")))
        .isFalse();
  }
}
