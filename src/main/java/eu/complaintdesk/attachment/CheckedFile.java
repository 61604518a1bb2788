package eu.complaintdesk.attachment;

/**
 * A file that passed the checks, ready to store.
 *
 * @param fileName the sanitised name, extension matching the type
 * @param mediaType the type found in the content
 * @param sha256 hex SHA-256 of the content
 */
public record CheckedFile(
    String fileName, String mediaType, long size, String sha256, byte[] content) {

  @Override
  public String toString() {
    return "CheckedFile[" + mediaType + ", " + size + " bytes, " + sha256 + "]";
  }
}
