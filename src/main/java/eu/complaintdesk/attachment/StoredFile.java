package eu.complaintdesk.attachment;

/** A stored attachment with its content, for download. */
public record StoredFile(AttachmentInfo info, byte[] content) {

  @Override
  public String toString() {
    return "StoredFile[" + info + "]";
  }
}
