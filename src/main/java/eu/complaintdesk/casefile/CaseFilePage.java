package eu.complaintdesk.casefile;

import static eu.complaintdesk.process.ComplaintVariables.*;

import eu.complaintdesk.answer.AnswerDraft;
import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.customermessage.CustomerMessage;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.TimelineEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders a case file as one self-contained HTML page: every value escaped, no scripts, one inline
 * style sheet allowed by a per-response nonce.
 */
final class CaseFilePage {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:1rem 1.5rem;color:#1b1b1b;line-height:1.4}
      h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem;\
      border-bottom:1px solid #ccc}
      dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
      dt{font-weight:600}dd{margin:0}
      table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;\
      text-align:left;vertical-align:top}
      .text{white-space:pre-wrap}.muted{color:#555}.state-FAILED,.state-UNDELIVERABLE{color:#a00}
      """;

  private final ZoneId zone;
  private final StringBuilder html = new StringBuilder();

  private CaseFilePage(ZoneId zone) {
    this.zone = zone;
  }

  static String render(CaseFile file, ZoneId zone, String nonce) {
    return new CaseFilePage(zone).page(file, nonce);
  }

  private String page(CaseFile file, String nonce) {
    Complaint c = file.complaint();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Case file ")
        .append(e(c.registrationNumber()))
        .append("</title><style nonce=\"")
        .append(e(nonce))
        .append("\">")
        .append(STYLE)
        .append("</style></head><body><main>");
    html.append("<h1>Case file ").append(e(c.registrationNumber())).append("</h1>");
    html.append("<p class=\"muted\">Status ")
        .append(e(c.status()))
        .append(c.repeatComplaint() ? " · repeat complaint" : "")
        .append("</p>");

    section("Customer");
    definitions(
        "Name", c.customerName(),
        "E-mail", c.customerEmail(),
        "Phone", c.customerPhone(),
        "Customer number", c.customerNumber(),
        "Address", c.customerAddress(),
        "Preferred contact", c.preferredContact(),
        "Language", c.language());

    section("Case");
    definitions(
        "Channel", c.channel(),
        "Received", time(c.receivedAt()),
        "Due", time(c.responseDueAt()) + (c.extended() ? " (extended)" : ""),
        "Deadline paused since", time(c.clockPausedAt()),
        "Status", c.status(),
        "Type", c.feedbackType(),
        "Category", c.category(),
        "Priority", c.priority(),
        "Outcome", c.outcome(),
        "Answered", time(c.answeredAt()),
        "Closed", time(c.closedAt()));

    Map<String, Object> facts = file.facts();
    section("Suggested by the rules");
    definitions(
        "Type", facts.get(SUGGESTED_FEEDBACK_TYPE),
        "Category", facts.get(SUGGESTED_CATEGORY),
        "Priority", facts.get(SUGGESTED_PRIORITY),
        "Required data", facts.get(REQUIRED_DATA),
        "Required documents", facts.get(REQUIRED_DOCUMENTS),
        "Department", facts.get(CANDIDATE_GROUP));

    section("Submission");
    definitions("Category hint", c.categoryHint(), "Subject", c.subject());
    html.append("<h3>Description</h3><p class=\"text\">").append(e(c.description())).append("</p>");
    html.append("<h3>Remedy sought</h3><p class=\"text\">")
        .append(c.remedySought() == null ? "—" : e(c.remedySought()))
        .append("</p>");

    section("Attachments");
    table(
        file.attachments(),
        List.of("File", "Type", "Size"),
        a ->
            List.of(
                "<a href=\""
                    + e(a.href())
                    + "\" target=\"_blank\" rel=\"noopener\">"
                    + e(a.fileName())
                    + "</a>",
                e(a.contentType()),
                e(a.size() + " bytes")),
        "No attachments.");

    section("Drafts and reviews");
    table(
        file.drafts(),
        List.of("Drafted", "Outcome", "Answer", "Reasons", "Review"),
        (AnswerDraft d) ->
            List.of(
                e(time(d.draftedAt())) + "<br>" + e(d.draftedBy()),
                e(d.proposedOutcome()),
                text(d.text()),
                text(d.refusalReasons()),
                d.approved() == null
                    ? "not reviewed yet"
                    : (d.approved() ? "approved" : "returned")
                        + " by "
                        + e(d.reviewedBy())
                        + ", "
                        + e(time(d.reviewedAt()))
                        + (d.reviewComment() == null ? "" : text(d.reviewComment()))),
        "No drafts yet.");

    section("Inquiries to other organisations");
    table(
        file.inquiries(),
        List.of("Organisation", "Asked", "Reply", "Replied"),
        (ExternalInquiry i) ->
            List.of(
                e(i.organisation()),
                e(time(i.askedAt())),
                text(i.reply()),
                e(time(i.repliedAt())) + (i.recordedBy() == null ? "" : " · " + e(i.recordedBy()))),
        "No inquiries.");

    section("Messages from the customer");
    table(
        file.customerMessages(),
        List.of("Received", "Message"),
        (CustomerMessage m) -> List.of(e(time(m.receivedAt())), text(m.message())),
        "No messages.");

    section("Messages sent (outbox)");
    table(
        file.messages(),
        List.of("Created", "Kind", "Channel", "To", "State", "Sent", "Message"),
        (OutboundMessage m) ->
            List.of(
                e(time(m.createdAt())),
                e(m.kind()),
                e(m.channel()),
                e(m.recipient()),
                "<span class=\"state-" + e(m.state()) + "\">" + e(m.state()) + "</span>",
                e(time(m.sentAt()))
                    + (m.postedAt() == null
                        ? ""
                        : "<div>posted "
                            + e(time(m.postedAt()))
                            + " by "
                            + e(m.postedBy())
                            + "</div>")
                    + (m.error() == null ? "" : text(m.error())),
                "<details><summary>"
                    + e(m.subject())
                    + "</summary><div class=\"text\">"
                    + e(m.body())
                    + "</div></details>"),
        "No messages sent.");

    section("Timeline");
    table(
        file.timeline(),
        List.of("When", "What", "Who", "Detail", "Customer sees it"),
        (TimelineEntry t) ->
            List.of(
                e(time(t.occurredAt())),
                e(t.type()),
                e(t.actor()),
                text(t.detail()),
                t.visibleToCustomer() ? "yes" : "no"),
        "Nothing recorded.");

    html.append("</main></body></html>");
    return html.toString();
  }

  private void section(String title) {
    html.append("<h2>").append(e(title)).append("</h2>");
  }

  private void definitions(Object... pairs) {
    html.append("<dl>");
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      html.append("<dt>")
          .append(e(pairs[i]))
          .append("</dt><dd>")
          .append(value == null || value.toString().isBlank() ? "—" : e(value))
          .append("</dd>");
    }
    html.append("</dl>");
  }

  private <T> void table(
      List<T> rows, List<String> headings, Function<T, List<String>> cells, String empty) {
    if (rows.isEmpty()) {
      html.append("<p class=\"muted\">").append(e(empty)).append("</p>");
      return;
    }
    html.append("<table><thead><tr>");
    headings.forEach(h -> html.append("<th scope=\"col\">").append(e(h)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (T row : rows) {
      html.append("<tr>");
      cells.apply(row).forEach(cell -> html.append("<td>").append(cell).append("</td>"));
      html.append("</tr>");
    }
    html.append("</tbody></table>");
  }

  private String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant.atZone(zone));
  }

  private static String text(String value) {
    return value == null ? "" : "<div class=\"text\">" + e(value) + "</div>";
  }

  private static String e(Object value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
  }
}
