package eu.complaintdesk.casefile;

import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.register.Complaint;
import java.util.List;
import org.springframework.stereotype.Component;

/** The files a customer sent with a complaint or a later message, as the case file lists them. */
@Component
class CaseAttachments {

  /** A file the customer sent, and where staff download it (a URL on this server). */
  record Attachment(String fileName, String contentType, long size, String href) {}

  private final AttachmentService attachments;

  CaseAttachments(AttachmentService attachments) {
    this.attachments = attachments;
  }

  List<Attachment> of(Complaint complaint) {
    return attachments.list(complaint.id()).stream()
        .map(
            a ->
                new Attachment(
                    a.fileName(),
                    a.mediaType(),
                    a.size(),
                    AttachmentService.downloadPath(complaint.registrationNumber(), a.id())))
        .toList();
  }
}
