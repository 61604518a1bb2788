package eu.complaintdesk.customermessage;

import static eu.complaintdesk.register.SqlValues.generatedId;
import static eu.complaintdesk.register.SqlValues.instant;
import static eu.complaintdesk.register.SqlValues.toDb;

import eu.complaintdesk.register.ComplaintRegister;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages the customer adds to their case after submitting it (through the API, the web pages or a
 * reply e-mail). The text is kept here; the timeline only notes that a message came.
 */
@Component
public class CustomerMessages {

  private final JdbcClient jdbc;
  private final ComplaintRegister register;
  private final Clock clock;

  CustomerMessages(JdbcClient jdbc, ComplaintRegister register, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.clock = clock;
  }

  /**
   * Stores a message from the customer; timeline entry CUSTOMER_MESSAGE (visible, no text). {@link
   * IllegalArgumentException} for an unknown complaint.
   */
  @Transactional
  public long add(long complaintId, String message) {
    register.requireExists(complaintId);
    Instant now = clock.instant();
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into customer_message (complaint_id, message, received_at)"
                + " values (:complaintId, :message, :now)")
        .param("complaintId", complaintId)
        .param("message", message)
        .param("now", toDb(now))
        .update(key, "id");
    register.addEvent(
        complaintId, now, "CUSTOMER_MESSAGE", ComplaintRegister.CUSTOMER_ACTOR, null, true);
    return generatedId(key);
  }

  /** Messages from the customer, oldest first. */
  public List<CustomerMessage> list(long complaintId) {
    return jdbc.sql(
            "select id, message, received_at from customer_message"
                + " where complaint_id = :complaintId order by received_at, id")
        .param("complaintId", complaintId)
        .query(
            (rs, row) ->
                new CustomerMessage(
                    rs.getLong("id"), rs.getString("message"), instant(rs, "received_at")))
        .list();
  }
}
