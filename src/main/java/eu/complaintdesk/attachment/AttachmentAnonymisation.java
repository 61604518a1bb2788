package eu.complaintdesk.attachment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The attachments' part of anonymising a case ({@code privacy/}) and of the retention of documents:
 * the files of the case are deleted, content and names. The timeline keeps that files were
 * received.
 */
@Component
public class AttachmentAnonymisation {

  private final JdbcClient jdbc;

  AttachmentAnonymisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Deletes the case's files; how many there were. */
  public int remove(long complaintId) {
    return jdbc.sql("delete from attachment where complaint_id = :id")
        .param("id", complaintId)
        .update();
  }
}
