package eu.complaintdesk.attachment;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits follow the attachment limits, so that they can never
 * disagree: a file may be as large as {@code complaints.intake.max-attachment-size}, a request as
 * large as all the files it may carry plus {@link #FORM_ALLOWANCE} for its text parts. The
 * container refuses anything larger before it reaches the application (answered 413).
 */
@Configuration(proxyBeanMethods = false)
class AttachmentUploadConfiguration {

  /** Room for the JSON or text parts beside the files. */
  static final DataSize FORM_ALLOWANCE = DataSize.ofMegabytes(1);

  @Bean
  MultipartConfigElement multipartConfigElement(
      MultipartProperties multipart, AttachmentProperties limits) {
    long fileSize = limits.maxAttachmentSize().toBytes();
    long requestSize = fileSize * Math.max(1, limits.maxAttachments()) + FORM_ALLOWANCE.toBytes();
    DataSize threshold = multipart.getFileSizeThreshold();
    return new MultipartConfigElement(
        multipart.getLocation() == null ? "" : multipart.getLocation(),
        fileSize,
        requestSize,
        threshold == null ? 0 : (int) threshold.toBytes());
  }
}
