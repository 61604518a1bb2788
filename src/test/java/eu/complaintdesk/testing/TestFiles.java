package eu.complaintdesk.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Real files of each kind for attachment tests: made here, nothing downloaded. */
public final class TestFiles {

  private TestFiles() {}

  /** A one-page PDF. */
  public static byte[] pdf() {
    String pdf =
        """
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """;
    return pdf.getBytes(StandardCharsets.US_ASCII);
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  /** The start of a Windows executable ("MZ" header and the DOS stub text). */
  public static byte[] exe() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    exe[0x3c] = (byte) 0x80;
    byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(stub, 0, exe, 0x4e, stub.length);
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  public static byte[] text() {
    return "Just some words, not a picture.\n".getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF of exactly this many bytes (a real PDF start, padded with a comment). */
  public static byte[] pdfOfSize(int size) {
    byte[] start = pdf();
    byte[] file = new byte[size];
    System.arraycopy(start, 0, file, 0, start.length);
    for (int i = start.length; i < size; i++) {
      file[i] = (i - start.length) % 80 == 0 ? (byte) '%' : (byte) ' ';
    }
    return file;
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No image writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
