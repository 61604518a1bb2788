package eu.complaintdesk.attachment;

import org.springframework.http.HttpStatus;

/**
 * A file that was refused, and why.
 *
 * @param field the request field, e.g. {@code attachments[2]}
 * @param fileName the name it came with, made harmless to show
 * @param status how an API answers this refusal: 413 too large, 422 not an allowed type, 400 too
 *     many files or empty
 * @param reason why, in words for the sender
 */
public record RefusedFile(String field, String fileName, HttpStatus status, String reason) {

  /** E.g. {@code attachments[2] (scan.exe): the content is not a PDF, JPEG or PNG file}. */
  public String describe() {
    return field + " (" + fileName + "): " + reason;
  }
}
