package eu.complaintdesk.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The intake's part of anonymising a case ({@code privacy/}): the idempotent submission (the first
 * answer, with the plain access code, and the hash of the request) and an access code still held
 * for the acknowledgement are deleted. A retry with the same Idempotency-Key afterwards is a new
 * submission.
 */
@Component
public class IntakeAnonymisation {

  private final JdbcClient jdbc;

  IntakeAnonymisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes the case's idempotent submissions and access code hand-over; how many rows. */
  public int anonymise(long complaintId) {
    return jdbc.sql("delete from idempotent_submission where complaint_id = :id")
            .param("id", complaintId)
            .update()
        + jdbc.sql("delete from access_code_handover where complaint_id = :id")
            .param("id", complaintId)
            .update();
  }
}
