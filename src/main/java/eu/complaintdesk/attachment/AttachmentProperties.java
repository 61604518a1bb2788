package eu.complaintdesk.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code complaints.intake.*} limits of attachments: how many files one submission or message may
 * carry, how large each may be, and how many pixels an image may have on a side. Spring's multipart
 * limits are derived from them ({@link AttachmentUploadConfiguration}).
 */
@ConfigurationProperties("complaints.intake")
public record AttachmentProperties(
    @DefaultValue("5") int maxAttachments,
    @DefaultValue("10MB") DataSize maxAttachmentSize,
    @DefaultValue("12000") int maxImageSide) {

  public AttachmentProperties {
    if (maxAttachments < 0) {
      throw new IllegalArgumentException("complaints.intake.max-attachments must not be negative");
    }
    if (maxAttachmentSize == null || maxAttachmentSize.toBytes() <= 0) {
      throw new IllegalArgumentException("complaints.intake.max-attachment-size must be positive");
    }
    if (maxImageSide <= 0) {
      throw new IllegalArgumentException("complaints.intake.max-image-side must be positive");
    }
  }
}
