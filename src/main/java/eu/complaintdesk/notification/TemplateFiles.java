package eu.complaintdesk.notification;

import eu.complaintdesk.text.TextCharacters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layout templates of notifications ({@code email.html}) and letters ({@code letter.html}):
 * from {@code complaints.notifications.template-dir} when that folder has the file, otherwise the
 * built-in one under {@code classpath:notifications/}. Read on every use, so an edited override
 * takes effect without a restart.
 *
 * <p>Placeholders are {@code {name}}; values are HTML-escaped, except those whose name ends in
 * {@code Html}, which the application builds itself from escaped text.
 */
final class TemplateFiles {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  private final Path dir;

  TemplateFiles(String templateDir) {
    this.dir = templateDir == null || templateDir.isBlank() ? null : Path.of(templateDir.strip());
  }

  /** The message base names with the override folder's {@code messages} first, if configured. */
  String[] withOverride(String[] baseNames) {
    if (dir == null) {
      return baseNames;
    }
    List<String> names = new ArrayList<>();
    names.add(dir.toUri() + "messages");
    names.addAll(List.of(baseNames));
    return names.toArray(String[]::new);
  }

  String read(String name) {
    if (dir != null && Files.isRegularFile(dir.resolve(name))) {
      try {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read template " + name, e);
      }
    }
    try (InputStream in =
        TemplateFiles.class.getClassLoader().getResourceAsStream("notifications/" + name)) {
      if (in == null) {
        throw new IllegalStateException("No template notifications/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template " + name, e);
    }
  }

  /** Fills the named layout; every placeholder must have a value. */
  String fill(String name, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(read(name));
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1);
      if (!values.containsKey(key)) {
        throw new IllegalArgumentException("Template " + name + " needs a value for {" + key + "}");
      }
      String value = values.get(key) == null ? "" : values.get(key);
      matcher.appendReplacement(
          out, Matcher.quoteReplacement(key.endsWith("Html") ? value : escape(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * The text as HTML text; characters that XML 1.0 refuses (control characters of old data) are
   * dropped, so that no stored text can keep a letter from rendering.
   */
  static String escape(String text) {
    text = TextCharacters.strip(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"']+");

  /**
   * Plain text as HTML: paragraphs at blank lines, line breaks kept, lines starting with "- " as a
   * list, web addresses as links. Everything escaped.
   */
  static String paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    StringBuilder html = new StringBuilder();
    for (String paragraph : text.strip().split("\\n\\s*\\n")) {
      List<String> lines = paragraph.lines().toList();
      if (lines.stream().allMatch(line -> line.startsWith("- "))) {
        html.append("<ul>");
        lines.forEach(
            line -> html.append("<li>").append(linked(line.substring(2))).append("</li>"));
        html.append("</ul>\n");
      } else {
        html.append("<p>")
            .append(String.join("<br/>", lines.stream().map(TemplateFiles::linked).toList()))
            .append("</p>\n");
      }
    }
    return html.toString();
  }

  private static String linked(String line) {
    Matcher matcher = LINK.matcher(line);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      out.append(escape(line.substring(last, matcher.start())));
      String url = escape(matcher.group());
      out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
      last = matcher.end();
    }
    out.append(escape(line.substring(last)));
    return out.toString();
  }
}
