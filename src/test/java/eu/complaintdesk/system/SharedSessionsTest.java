package eu.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.testing.TestDatabases;
import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests of one session that add the same new attribute (Tasklist sends several at once) both
 * succeed, the later value kept: on H2 (the default local database) and on PostgreSQL, with the
 * tables of the application's Flyway scripts. Without the upsert the second one fails on the
 * attribute's primary key, as the first test shows.
 */
class SharedSessionsTest {

  @Test
  void withoutTheUpsertTheSecondNewAttributeCollidesOnH2() throws Exception {
    assertCollides(repository(TestDatabases.h2("shared-sessions-plain"), false));
  }

  @Test
  void theSameNewAttributeFromTwoRequestsIsKeptOnH2() throws Exception {
    assertUpserted(repository(TestDatabases.h2("shared-sessions"), true));
  }

  @Test
  void theSameNewAttributeFromTwoRequestsIsKeptOnPostgres() throws Exception {
    assertUpserted(repository(TestDatabases.postgres(), true));
  }

  private static <S extends Session> void assertCollides(SessionRepository<S> sessions) {
    List<S> copies = twoCopiesAddingOneAttribute(sessions);

    sessions.save(copies.get(0));
    assertThatThrownBy(() -> sessions.save(copies.get(1)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  private static <S extends Session> void assertUpserted(SessionRepository<S> sessions) {
    List<S> copies = twoCopiesAddingOneAttribute(sessions);

    sessions.save(copies.get(0));
    sessions.save(copies.get(1));

    assertThat(sessions.findById(copies.get(0).getId()).<String>getAttribute("formToken"))
        .isEqualTo("second");
  }

  /** One saved session, read by two requests that each set the same attribute it lacks. */
  private static <S extends Session> List<S> twoCopiesAddingOneAttribute(
      SessionRepository<S> sessions) {
    S session = sessions.createSession();
    session.setAttribute("caseAccess", "2026-000042");
    sessions.save(session);
    S first = sessions.findById(session.getId());
    S second = sessions.findById(session.getId());
    first.setAttribute("formToken", "first");
    second.setAttribute("formToken", "second");
    return List.of(first, second);
  }

  private static JdbcIndexedSessionRepository repository(DataSource dataSource, boolean customized)
      throws Exception {
    JdbcIndexedSessionRepository sessions =
        new JdbcIndexedSessionRepository(
            new JdbcTemplate(dataSource),
            new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    if (customized) {
      SharedSessions.forDatabase(
              JdbcUtils.extractDatabaseMetaData(
                  dataSource, DatabaseMetaData::getDatabaseProductName))
          .customize(sessions);
    }
    return sessions;
  }
}
