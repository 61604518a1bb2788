package eu.complaintdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A file as the customer sent it, before any check: the name and type it came with (both only
 * claims) and its bytes. The web pages, the API and the e-mail inbox hand these to the intake.
 *
 * @param name the file name as sent, may be {@code null} or contain a path
 * @param declaredType the media type the sender claimed, may be {@code null}; never trusted
 */
public record UploadedFile(String name, String declaredType, byte[] content) {

  public UploadedFile {
    Objects.requireNonNull(content, "content");
  }

  /** Reads the whole stream (the caller closes it). */
  public static UploadedFile of(String name, String declaredType, InputStream content) {
    try {
      return new UploadedFile(name, declaredType, content.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("The file could not be read", e);
    }
  }

  public long size() {
    return content.length;
  }

  @Override
  public String toString() {
    return "UploadedFile[" + content.length + " bytes]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UploadedFile file
        && Objects.equals(name, file.name)
        && Objects.equals(declaredType, file.declaredType)
        && Arrays.equals(content, file.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, declaredType, Arrays.hashCode(content));
  }
}
