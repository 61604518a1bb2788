package eu.complaintdesk.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Markup a browser runs inside an XML file. Engine REST serves a deployed {@code .bpmn} or {@code
 * .dmn} as {@code application/xml}; a browser that opens it (a signed-in administrator following a
 * link) runs an XHTML {@code <script>}, an SVG element's {@code onload} or a linked XSLT style
 * sheet on this site's origin. Models never need any of them.
 */
final class BrowserMarkup {

  private static final Set<String> ACTIVE_NAMESPACES =
      Set.of(
          "http://www.w3.org/1999/xhtml",
          "http://www.w3.org/2000/svg",
          "http://www.w3.org/1998/Math/MathML",
          "http://www.w3.org/1999/XSL/Transform");

  private static final String STYLE_SHEET = "xml-stylesheet";
  private static final String STYLE_SHEET_PI = "<?" + STYLE_SHEET;

  /** What a browser reads XML in: UTF-8 (and every encoding that keeps ASCII) and UTF-16. */
  private static final List<Charset> ENCODINGS =
      List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

  /** Reads no DTD and no external entity: only the document's own events. */
  private static final XMLInputFactory XML = secureFactory();

  private BrowserMarkup() {}

  /** An element of HTML, SVG, MathML or XSLT. */
  static boolean isActive(String namespaceUri) {
    return namespaceUri != null && ACTIVE_NAMESPACES.contains(namespaceUri.strip());
  }

  /**
   * A processing instruction that makes a browser transform the file with a style sheet. A parser
   * reads the file in its own encoding (byte order mark, XML declaration), as the engine does, and
   * its bytes are searched in each encoding a browser may pick for XML besides: a UTF-16 model does
   * not show the instruction to a UTF-8 reading of its bytes.
   */
  static boolean hasStyleSheet(byte[] xml) {
    return ENCODINGS.stream()
            .anyMatch(
                encoding ->
                    new String(xml, encoding).toLowerCase(Locale.ROOT).contains(STYLE_SHEET_PI))
        || hasStyleSheetInstruction(xml);
  }

  /** Whether the parser meets the instruction; a file it cannot read the engine refuses anyway. */
  private static boolean hasStyleSheetInstruction(byte[] xml) {
    try {
      XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.PROCESSING_INSTRUCTION
              && STYLE_SHEET.equalsIgnoreCase(reader.getPITarget().strip())) {
            return true;
          }
        }
        return false;
      } finally {
        reader.close();
      }
    } catch (XMLStreamException | RuntimeException unreadable) {
      return false;
    }
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
