package eu.complaintdesk.testing;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How much is stored: complaints, attachments, customer messages and cases ever started (history
 * counts finished ones too). A refused request must leave all of it as it was.
 */
public record StoredState(long complaints, long attachments, long messages, long cases) {

  public static StoredState of(JdbcTemplate jdbc, HistoryService history) {
    return new StoredState(
        count(jdbc, "complaint"),
        count(jdbc, "attachment"),
        count(jdbc, "customer_message"),
        history.createHistoricProcessInstanceQuery().count());
  }

  private static long count(JdbcTemplate jdbc, String table) {
    Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
    return count == null ? 0 : count;
  }
}
