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
 * <p>A session attribute is written with an upsert: Tasklist sends several requests at once, and
 * two of them setting the same new attribute (on two nodes, too) would otherwise collide on the
 * attribute's primary key and answer 500. PostgreSQL has Spring Session's own customizer; H2 (the
 * default database of {@code mvn spring-boot:run}) has none, so it gets its {@code MERGE ... KEY}.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

  /** H2's upsert of an attribute, with the parameters of Spring Session's insert. */
  static final String H2_CREATE_SESSION_ATTRIBUTE_QUERY =
      "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)"
          + " KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributeUpsert(
      DataSource dataSource) throws MetaDataAccessException {
    return forDatabase(
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
  }

  /** The upsert for the database product (JDBC's name); none for other databases. */
  static SessionRepositoryCustomizer<JdbcIndexedSessionRepository> forDatabase(String product) {
    return switch (product) {
      case "PostgreSQL" -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
      case "H2" ->
          repository ->
              repository.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE_QUERY);
      default -> repository -> {};
    };
  }
}
