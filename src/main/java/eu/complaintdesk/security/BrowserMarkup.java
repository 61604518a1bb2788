package eu.complaintdesk.security;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

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

  private BrowserMarkup() {}

  /** An element of HTML, SVG, MathML or XSLT. */
  static boolean isActive(String namespaceUri) {
    return namespaceUri != null && ACTIVE_NAMESPACES.contains(namespaceUri.strip());
  }

  /** A processing instruction that makes a browser transform the file with a style sheet. */
  static boolean hasStyleSheet(byte[] xml) {
    return new String(xml, StandardCharsets.UTF_8)
        .toLowerCase(Locale.ROOT)
        .contains("<?xml-stylesheet");
  }
}
