package eu.complaintdesk.attachment;

import java.time.Instant;

/**
 * A stored attachment without its content.
 *
 * @param customerMessageId the message it came with, {@code null} if it came with the submission
 */
public record AttachmentInfo(
    long id,
    long complaintId,
    Long customerMessageId,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    Instant receivedAt) {}
