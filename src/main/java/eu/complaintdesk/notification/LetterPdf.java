package eu.complaintdesk.notification;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns the XHTML of a letter ({@code notifications/letter.html} for the answer letter, {@code
 * notifications/message-letter.html} for any other message to print; filled) into an A4 PDF with
 * the DejaVu Sans font embedded, which covers Latvian, Lithuanian and Cyrillic letters.
 */
@Component
class LetterPdf {

  static final String FONT_FAMILY = "DejaVu Sans";
  private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

  private final TemplateFiles files;

  LetterPdf(NotificationTemplates templates) {
    this.files = templates.files();
  }

  /** The answer letter ({@code letter.html}). */
  byte[] render(Map<String, String> values) {
    return render("letter.html", values);
  }

  /** The named layout, filled with the values, as a PDF. */
  byte[] render(String template, Map<String, String> values) {
    String xhtml = files.fill(template, values);
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, FontStyle.NORMAL, true);
    builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, FontStyle.NORMAL, true);
    builder.withHtmlContent(xhtml, null);
    builder.toStream(pdf);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot render the letter", e);
    }
    return pdf.toByteArray();
  }

  private static InputStream font(String file) {
    InputStream in = LetterPdf.class.getClassLoader().getResourceAsStream(FONTS + file);
    if (in == null) {
      throw new IllegalStateException("Font " + file + " is missing from the classpath");
    }
    return in;
  }
}
