package eu.complaintdesk.customermessage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The customer messages' part of anonymising a case ({@code privacy/}): each message keeps its date
 * (and its attachments' link) and loses its text.
 */
@Component
public class CustomerMessageAnonymisation {

  private final JdbcClient jdbc;

  CustomerMessageAnonymisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empties the texts of the case's messages; how many still held one. */
  public int anonymise(long complaintId) {
    return jdbc.sql(
            "update customer_message set message = '' where complaint_id = :id and message <> ''")
        .param("id", complaintId)
        .update();
  }
}
