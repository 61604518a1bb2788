package eu.complaintdesk.inbox;

import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.register.Language;
import java.time.Instant;
import java.util.List;

/**
 * An e-mail as the inbox registers it.
 *
 * @param messageKey hex SHA-256 of the Message-ID (or, lacking one, of sender, date and subject)
 * @param referencedMessageIds the Message-IDs of {@code References} and {@code In-Reply-To}, oldest
 *     first: the e-mails this one answers
 * @param automatic an auto-reply, out-of-office notice, bounce or bulk mail ({@link
 *     EmailParser#isAutomatic}): never registered, never answered
 */
record IncomingEmail(
    String messageKey,
    String fromAddress,
    String fromName,
    String subject,
    String text,
    Language language,
    List<UploadedFile> files,
    Instant receivedAt,
    List<String> referencedMessageIds,
    boolean automatic) {

  @Override
  public String toString() {
    return "IncomingEmail["
        + messageKey
        + ", "
        + files.size()
        + " files"
        + (automatic ? ", automatic" : "")
        + "]";
  }
}
