package eu.complaintdesk.attachment;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * File names as they are stored and offered for download: no path, no control or direction
 * characters, nothing a file system or a header would misread, at most {@link #MAX} characters, and
 * an extension that matches the type found in the content.
 */
final class FileNames {

  static final int MAX = 200;
  static final String FALLBACK = "attachment";

  private FileNames() {}

  /** The name as sent, made harmless to show; the extension is left as it came. */
  static String clean(String name) {
    String base = name == null ? "" : name;
    base = base.substring(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
    base = Normalizer.normalize(base, Normalizer.Form.NFC);
    base = base.replaceAll("\\s+", " ");
    base = base.replaceAll("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}<>:\"|?*;=]", "_");
    base = base.replaceAll("^[\\s.]+|[\\s.]+$", "");
    base = truncate(base, MAX);
    return base.isEmpty() ? FALLBACK : base;
  }

  /**
   * The stored name: {@link #clean} and, unless it already ends with one of the type's extensions,
   * the type's extension appended ({@code invoice.exe} that is really a PDF becomes {@code
   * invoice.exe.pdf}).
   */
  static String forType(String name, AllowedType type) {
    String cleaned = clean(name);
    String lower = cleaned.toLowerCase(Locale.ROOT);
    List<String> extensions = type.extensions();
    if (extensions.stream().anyMatch(e -> lower.endsWith("." + e))) {
      return cleaned;
    }
    String extension = "." + extensions.get(0);
    return truncate(cleaned, MAX - extension.length()) + extension;
  }

  private static String truncate(String value, int max) {
    if (value.codePointCount(0, value.length()) <= max) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, max)).strip();
  }
}
