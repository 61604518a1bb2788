package eu.complaintdesk.casefile;

import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.answer.InquiryReplies;
import eu.complaintdesk.attachment.AttachmentInfo;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.register.Complaint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Other organisations' replies that came by e-mail, as the case file shows them (issue 12): every
 * reply e-mail, whether it became the inquiry's reply or came after one was recorded (by phone,
 * post or an earlier e-mail), and the files each organisation sent, by inquiry.
 */
@Component
class CaseInquiryReplies {

  /** The model attribute of the reply e-mails ({@link InquiryReplies.EmailReply}, oldest first). */
  static final String EMAILS = "inquiryEmails";

  /** The model attribute of the organisations' files: inquiry id → files. */
  static final String FILES = "inquiryFiles";

  private final InquiryReplies replies;
  private final AttachmentService attachments;

  CaseInquiryReplies(InquiryReplies replies, AttachmentService attachments) {
    this.replies = replies;
    this.attachments = attachments;
  }

  /** Both model attributes for the case file of the complaint with these inquiries. */
  Map<String, Object> model(Complaint complaint, List<ExternalInquiry> inquiries) {
    Map<Long, List<AttachmentInfo>> sent = attachments.listOfInquiries(complaint.id());
    Map<Long, List<CaseAttachments.Attachment>> files = new HashMap<>();
    for (ExternalInquiry inquiry : inquiries) {
      files.put(
          inquiry.id(),
          sent.getOrDefault(inquiry.id(), List.of()).stream()
              .map(
                  a ->
                      new CaseAttachments.Attachment(
                          a.fileName(),
                          a.mediaType(),
                          a.size(),
                          AttachmentService.downloadPath(complaint.registrationNumber(), a.id())))
              .toList());
    }
    return Map.of(EMAILS, replies.emailReplies(complaint.id()), FILES, files);
  }
}
