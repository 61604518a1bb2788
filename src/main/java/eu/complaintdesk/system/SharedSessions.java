package eu.complaintdesk.system;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions live in the database (Spring Session JDBC, tables by Flyway V13), so that every
 * node knows every session and a load balancer needs no stickiness: the public pages' case access
 * and form token, and the Camunda webapps' sign-in, which they keep in the session.
 *
 * <p>On PostgreSQL a session attribute is written with an upsert: Tasklist sends several requests
 * at once, and two of them setting the same new attribute (on two nodes, too) would otherwise
 * collide on the attribute's primary key and answer 500.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionUpsertOnPostgres(
      DataSource dataSource) throws MetaDataAccessException {
    String database =
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    return "PostgreSQL".equals(database)
        ? new PostgreSqlJdbcIndexedSessionRepositoryCustomizer()
        : repository -> {};
  }
}
