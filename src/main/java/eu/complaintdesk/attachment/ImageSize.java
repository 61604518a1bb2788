package eu.complaintdesk.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Width and height of a JPEG or PNG as its header states them, read with an ImageIO reader that
 * never decodes the pixels: a small file may claim 20000×20000 pixels, and decoding it (by whoever
 * opens it later, a thumbnailer or a browser) would take gigabytes.
 */
final class ImageSize {

  record Dimensions(int width, int height) {
    int longerSide() {
      return Math.max(width, height);
    }
  }

  private ImageSize() {}

  /** Whether the type is an image whose size is checked (JPEG, PNG). */
  static boolean applies(AllowedType type) {
    return type == AllowedType.JPEG || type == AllowedType.PNG;
  }

  /**
   * The dimensions, or empty when the header cannot be read (truncated, garbled, no dimensions) or
   * the type is not an image: the caller refuses such an image, since its size is unknown.
   */
  static Optional<Dimensions> of(AllowedType type, byte[] content) {
    String format =
        switch (type) {
          case JPEG -> "jpeg";
          case PNG -> "png";
          default -> null;
        };
    if (format == null) {
      return Optional.empty();
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      return Optional.empty();
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(content))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      return width > 0 && height > 0
          ? Optional.of(new Dimensions(width, height))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } finally {
      reader.dispose();
    }
  }
}
