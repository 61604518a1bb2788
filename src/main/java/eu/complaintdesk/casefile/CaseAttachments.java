package eu.complaintdesk.casefile;

import java.util.List;

/**
 * The attachments of a complaint, for the case file. Implemented by the attachment storage; while
 * no implementation exists the case file shows none.
 */
public interface CaseAttachments {

  /** A file the customer sent, and where staff download it (a URL on this server). */
  record Attachment(String fileName, String contentType, long size, String href) {}

  List<Attachment> of(long complaintId);
}
