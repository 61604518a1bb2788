package eu.complaintdesk.postroom;

import eu.complaintdesk.notification.OutboundMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the post room as one self-contained HTML page: every value escaped, no scripts, one
 * inline style sheet allowed by a per-response nonce, one form per letter that posts back to this
 * site. Links are relative to {@code /staff/post}, so the page works under a context path too.
 */
final class PostRoomPage {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:1rem 1.5rem;color:#1b1b1b;line-height:1.4}
      h1{font-size:1.4rem;margin:0 0 .25rem}
      table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;\
      text-align:left;vertical-align:top}
      .address{white-space:pre-wrap}.muted{color:#555}form{margin:0}
      """;

  private PostRoomPage() {}

  static String render(List<OutboundMessage> messages, ZoneId zone, String nonce) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Post room</title><style nonce=\"")
        .append(e(nonce))
        .append("\">")
        .append(STYLE)
        .append("</style></head><body><main>")
        .append("<h1>Post room</h1>")
        .append("<p class=\"muted\">Messages to customers who asked for post, oldest first.")
        .append(" Print each letter, post it, then mark it as posted.</p>");
    if (messages.isEmpty()) {
      html.append("<p class=\"muted\">Nothing to post.</p>");
    } else {
      html.append("<table><thead><tr>");
      for (String heading :
          List.of("Registration number", "Kind", "Language", "Created", "Postal address", "")) {
        html.append("<th scope=\"col\">").append(e(heading)).append("</th>");
      }
      html.append("</tr></thead><tbody>");
      for (OutboundMessage m : messages) {
        String number = URLEncoder.encode(m.registrationNumber(), StandardCharsets.UTF_8);
        html.append("<tr><td><a href=\"complaints/")
            .append(e(number))
            .append("\">")
            .append(e(m.registrationNumber()))
            .append("</a></td><td>")
            .append(e(m.kind()))
            .append("</td><td>")
            .append(e(m.language()))
            .append("</td><td>")
            .append(e(time(m.createdAt(), zone)))
            .append("</td><td class=\"address\">")
            .append(e(m.recipient()))
            .append("</td><td><a href=\"post/")
            .append(m.id())
            .append(".pdf\">Print (PDF)</a>")
            .append("<form method=\"post\" action=\"post/")
            .append(m.id())
            .append("/posted\"><button type=\"submit\">Mark as posted</button></form></td></tr>");
      }
      html.append("</tbody></table>");
    }
    html.append("</main></body></html>");
    return html.toString();
  }

  private static String time(Instant instant, ZoneId zone) {
    return instant == null ? "" : TIME.format(instant.atZone(zone));
  }

  private static String e(Object value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
  }
}
