package eu.complaintdesk.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The ceilings intake is compared with, on the same PostgreSQL server in a database of their own: a
 * bare Camunda engine starting a process of the complaint's shape (start → asynchronous service
 * task → user task, six variables, history full, job executor on) through the Java API, and plain
 * single-row inserts with autocommit.
 */
final class Ceilings {

  static final String PROCESS = "CeilingProcess";

  private final String jdbcUrl;

  Ceilings(String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
  }

  /** A bare engine with Camunda's defaults but for history full and the job executor on. */
  ProcessEngine bareEngine() {
    ProcessEngineConfiguration configuration =
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
            .setProcessEngineName("ceiling")
            .setJdbcUrl(jdbcUrl)
            .setJdbcUsername("postgres")
            .setJdbcPassword("postgres")
            .setJdbcDriver("org.postgresql.Driver")
            .setJdbcMaxActiveConnections(20)
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            .setJobExecutorActivate(true);
    ProcessEngine engine = configuration.buildProcessEngine();
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(180)
            .startEvent()
            .serviceTask("ServiceTask_Work")
            .camundaAsyncBefore()
            .camundaExpression("${execution.setVariable('worked', true)}")
            .userTask("UserTask_First")
            .camundaCandidateGroups("registrars")
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(PROCESS + ".bpmn", model)
        .deploy();
    return engine;
  }

  /** The six variables a case starts with (numbers, texts, a date, a flag). */
  static Map<String, Object> variables(int n) {
    return Map.of(
        "complaintId",
        (long) n,
        "registrationNumber",
        "2026-" + n,
        "channel",
        "API",
        "language",
        "lv",
        "responseDueAt",
        new java.util.Date(),
        "extended",
        false);
  }

  /** Single-row inserts with autocommit, one connection per thread. */
  Connection connection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
  }

  void createInsertTable() throws SQLException {
    try (Connection c = connection();
        Statement s = c.createStatement()) {
      s.execute(
          "create table if not exists bench_insert"
              + " (id bigserial primary key, payload varchar(200), created_at timestamptz)");
    }
  }

  static void insertOne(PreparedStatement insert, int n) throws SQLException {
    insert.setString(1, "row " + n);
    insert.setObject(2, java.time.OffsetDateTime.now());
    insert.executeUpdate();
  }

  static final String INSERT = "insert into bench_insert (payload, created_at) values (?, ?)";
}
