package eu.complaintdesk.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One node at a time through start-up on a shared PostgreSQL database: an advisory lock, taken
 * before the engine is built and released when the application is ready (or its start failed).
 * Without it, nodes started at once (a fresh install, a rolling restart gone parallel) both create
 * what they find missing: the engine creates its tables without a lock of its own, and the start-up
 * runners create groups, authorizations, users and Tasklist filters when absent, so one node fails
 * on a duplicate. The deployment alone would be safe (the engine's deployment lock and the Spring
 * auto-deployment's duplicate filtering); Flyway locks its migrations itself, but not the creation
 * of its history table on a fresh database, so it runs under the lock as well.
 *
 * <p>On H2 (the default run: one file, one process) it does nothing.
 */
@Configuration(proxyBeanMethods = false)
class NodeStartupLock {

  /** The advisory lock's key: any number no other user of the database takes ("CmplDesk"). */
  static final long KEY = 0x436d706c4465736bL;

  @Bean
  Held engineStartupLock(DataSource dataSource) throws SQLException {
    return Held.take(dataSource);
  }

  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor engineAfterStartupLock() {
    return new AbstractDependsOnBeanFactoryPostProcessor(
        ProcessEngine.class, ProcessEngineFactoryBean.class, "engineStartupLock") {};
  }

  /**
   * Flyway under the lock too: its migrations lock themselves, but creating the history table and
   * its baseline on a fresh database does not — a second node finds the table created and still
   * empty and fails ("Unable to baseline schema history table … as it already exists, and is
   * empty").
   */
  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor migrationsAfterStartupLock() {
    return new AbstractDependsOnBeanFactoryPostProcessor(
        FlywayMigrationInitializer.class, "engineStartupLock") {};
  }

  /** The lock while held: its own connection, given back once the node is ready. */
  static final class Held implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NodeStartupLock.class);

    private Connection connection;

    private Held(Connection connection) {
      this.connection = connection;
    }

    static Held take(DataSource dataSource) throws SQLException {
      Connection connection = dataSource.getConnection();
      try {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
          connection.close();
          return new Held(null);
        }
        // a transaction's lock: it ends with the transaction, also when the pool takes the
        // connection back (it rolls back what is open) or the connection dies
        connection.setAutoCommit(false);
        if (!lock(connection, "select pg_try_advisory_xact_lock(?)")) {
          log.info("Another node is starting on this database; waiting until it is ready");
          lock(connection, "select true from (select pg_advisory_xact_lock(?)) as waited");
        }
        return new Held(connection);
      } catch (SQLException | RuntimeException e) {
        connection.close();
        throw e;
      }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
      release();
    }

    @Override
    public void destroy() {
      release();
    }

    synchronized void release() {
      if (connection == null) {
        return;
      }
      try (Connection held = connection) {
        connection = null;
        held.rollback();
        held.setAutoCommit(true);
      } catch (SQLException e) {
        log.warn("Start-up lock not released cleanly: {}", e.getMessage());
      }
    }

    private static boolean lock(Connection connection, String sql) throws SQLException {
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setLong(1, KEY);
        try (ResultSet result = statement.executeQuery()) {
          return result.next() && result.getBoolean(1);
        }
      }
    }
  }
}
