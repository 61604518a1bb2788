package eu.complaintdesk.answer;

import eu.complaintdesk.notification.DeliveryState;
import java.time.Instant;

/**
 * A request for information sent to another organisation, and its reply once recorded.
 *
 * @param organisation as the handler named it (a directory id or a name)
 * @param organisationId its directory id, or {@code null} for a name not in the directory
 * @param organisationName its directory name in the staff language, else {@link #organisation}
 * @param question what was asked ({@code null}: the default sentence)
 * @param emailState the state of the e-mail that asked it; {@code null} when it was not e-mailed
 *     (it is contacted by phone or post)
 */
public record ExternalInquiry(
    long id,
    String organisation,
    Instant askedAt,
    String reply,
    Instant repliedAt,
    String recordedBy,
    String organisationId,
    String organisationName,
    String question,
    DeliveryState emailState) {

  /** An inquiry as recorded before the directory: not e-mailed, named as given. */
  public ExternalInquiry(
      long id,
      String organisation,
      Instant askedAt,
      String reply,
      Instant repliedAt,
      String recordedBy) {
    this(id, organisation, askedAt, reply, repliedAt, recordedBy, null, organisation, null, null);
  }

  /** Whether it was asked by e-mail (else staff contact it by phone or post). */
  public boolean emailed() {
    return emailState != null;
  }
}
