package eu.complaintdesk.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes on the engine's tables that Camunda 7.24 does not create and that its statements need at
 * 100,000 open cases (docs/adr/0016), created on PostgreSQL when the engine starts. Each is created
 * once: a node that finds it does nothing, so no start takes a lock on an engine table.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

  /** An index of our own on an engine table: its name, the table and the columns. */
  record Index(String name, String table, String columns) {}

  /**
   * The tasks in Tasklist's order (every filter sorts by due date, then priority descending),
   * followed by the columns the engine's {@code select distinct} sorts next ({@code REV_, ID_}):
   * the engine's task query ({@link TaskQueryAuthorizationJoin}) then reads the first page from
   * this index and stops (an incremental sort over groups of one task), instead of reading,
   * checking and sorting every task the user may see.
   */
  static final Index TASK_PAGE =
      new Index("CD_IDX_TASK_PAGE", "ACT_RU_TASK", "(DUE_DATE_, PRIORITY_ desc, REV_, ID_)");

  /**
   * The jobs locked until a time still to come. Every job acquisition asks, for each exclusive job
   * it considers, whether another job of the same process instance is locked now ({@code
   * LOCK_OWNER_ is not null and LOCK_EXP_TIME_ >= now}); without an index PostgreSQL answered by
   * reading every job, timers included: 70 ms per acquisition with 150,000 jobs (the benchmark's
   * 100k seeding), 0.2 ms with it, as only the few locked jobs have a lock time still to come. The
   * price: a job's lock and unlock now update an index, where PostgreSQL could otherwise update the
   * row in place; small beside a read of every job at each acquisition.
   */
  static final Index LOCKED_JOBS = new Index("CD_IDX_JOB_LOCK", "ACT_RU_JOB", "(LOCK_EXP_TIME_)");

  /**
   * The jobs by due date. Job acquisition looks for jobs due now ({@code DUEDATE_ is null or
   * DUEDATE_ <= now}); with a timer per open case (deadline reminders) most jobs are due later, and
   * without an index PostgreSQL read them all whenever few were due: 139 ms per acquisition at
   * 108,000 jobs, 0.1–0.2 ms with it. The due date is set when a job is made and changes only on a
   * retry, so the index costs the job writes little (the lock columns change far more often).
   */
  static final Index DUE_JOBS = new Index("CD_IDX_JOB_DUE", "ACT_RU_JOB", "(DUEDATE_)");

  static final List<Index> INDEXES = List.of(TASK_PAGE, LOCKED_JOBS, DUE_JOBS);

  private static final Logger LOG = LoggerFactory.getLogger(EngineIndexes.class);

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      return;
    }
    // under the node start-up lock (system/NodeStartupLock), after the engine created its tables
    for (Index index : INDEXES) {
      try (Connection connection = configuration.getDataSource().getConnection()) {
        create(connection, configuration.getDatabaseTablePrefix(), index);
      } catch (SQLException e) {
        // a missing index makes the engine slower at scale, nothing more
        LOG.warn("The index {} could not be created: {}", index.name(), e.getMessage());
      }
    }
  }

  /**
   * Creates the index if it is missing. The first build holds the writes of the other nodes to the
   * table for as long as it takes (well under a second at 100,000 open cases); a lock it cannot get
   * within seconds makes it give up until the next start rather than queue every write behind it.
   * Not {@code concurrently}: that waits for the transactions older than it, and the start-up
   * lock's is one.
   */
  static void create(Connection connection, String tablePrefix, Index index) throws SQLException {
    String prefix = tablePrefix == null ? "" : tablePrefix;
    try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?)")) {
      exists.setString(1, prefix + index.name().toLowerCase(Locale.ROOT));
      try (ResultSet row = exists.executeQuery()) {
        if (row.next() && row.getString(1) != null) {
          return;
        }
      }
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try (Statement statement = connection.createStatement()) {
      statement.execute("set lock_timeout = '5s'");
      try {
        statement.execute(
            "create index if not exists "
                + index.name()
                + " on "
                + prefix
                + index.table()
                + " "
                + index.columns());
      } finally {
        statement.execute("reset lock_timeout");
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
