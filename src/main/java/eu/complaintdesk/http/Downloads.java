package eu.complaintdesk.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** How our files leave as downloads. */
public final class Downloads {

  private Downloads() {}

  /**
   * {@code Content-Disposition} of a download: {@code filename*} with the real name (RFC 6266, what
   * browsers use) and a plain {@code filename} for the rest (curl {@code -OJ}): the name without
   * its diacritics (rēķins → rekins), any other character outside ASCII, a quote or a backslash as
   * {@code _}.
   */
  public static String attachment(String fileName) {
    String ascii =
        Normalizer.normalize(fileName, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
