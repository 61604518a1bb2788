package eu.complaintdesk.attachment;

import java.util.List;
import java.util.Optional;

/** The file types a customer may send, as detected from the content. */
enum AllowedType {
  PDF("application/pdf", List.of("pdf")),
  JPEG("image/jpeg", List.of("jpg", "jpeg")),
  PNG("image/png", List.of("png"));

  private final String mediaType;
  private final List<String> extensions;

  AllowedType(String mediaType, List<String> extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  String mediaType() {
    return mediaType;
  }

  List<String> extensions() {
    return extensions;
  }

  static Optional<AllowedType> ofMediaType(String mediaType) {
    for (AllowedType type : values()) {
      if (type.mediaType.equals(mediaType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
