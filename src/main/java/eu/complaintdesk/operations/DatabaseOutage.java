package eu.complaintdesk.operations;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means "the database cannot be reached" rather than "this request is wrong" or
 * "our code is wrong". Such a request did nothing lasting — the transaction that would have
 * registered anything never began or did not commit — so it is answered 503 with {@code
 * Retry-After} instead of 500 ({@link OutageAnswer}).
 *
 * <p>The exception may come wrapped several times: Spring's {@link
 * CannotCreateTransactionException} when the pool has no connection to begin a transaction with,
 * {@link CannotGetJdbcConnectionException} and {@link DataAccessResourceFailureException} from
 * {@code JdbcTemplate}, the engine's {@code ProcessEngineException} around MyBatis's {@code
 * PersistenceException} around the driver's {@link SQLException}. So the whole chain of causes is
 * read: the pool's {@link SQLTransientConnectionException} (no connection within {@code
 * spring.datasource.hikari.connection-timeout}), and any {@link SQLException} of SQL state class
 * {@code 08} (connection exception) or {@code 57P01}–{@code 57P03} (the server shutting down or
 * starting up), as PostgreSQL reports a connection cut by a stopping server; and a commit or
 * rollback that failed on the connection ({@link TransactionSystemException}).
 */
final class DatabaseOutage {

  private static final int MAX_DEPTH = 20;

  private DatabaseOutage() {}

  static boolean isCause(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
      if (cause instanceof CannotGetJdbcConnectionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (cause instanceof CannotCreateTransactionException && isConnectionFailure(cause)) {
        return true;
      }
      if (cause instanceof TransactionSystemException ended && hasEndedWithTheConnection(ended)) {
        return true;
      }
      if (cause instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    return false;
  }

  /** Spring could not begin a transaction; whether because of the connection is in its causes. */
  private static boolean isConnectionFailure(Throwable cannotBegin) {
    for (Throwable cause = cannotBegin.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * Commit or rollback failed. The rollback after a cut connection fails too ("Connection is
   * closed", without an SQL state) and hides the first failure, which Spring keeps as the
   * application exception.
   */
  private static boolean hasEndedWithTheConnection(TransactionSystemException ended) {
    Throwable application = ended.getApplicationException();
    if (application != null && isCause(application)) {
      return true;
    }
    return ended.getCause() instanceof SQLException sql
        && (sql.getSQLState() == null || isConnectionState(sql.getSQLState()));
  }

  private static boolean isConnectionState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
