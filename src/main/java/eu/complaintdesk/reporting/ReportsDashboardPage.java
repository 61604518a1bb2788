package eu.complaintdesk.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the managers' KPI dashboard as one self-contained HTML page, as the case file does: every
 * value escaped, no scripts, one inline style sheet allowed by a per-response nonce. Bars are
 * widths in that style sheet (one class per width used), since the policy allows no {@code style}
 * attributes. Rates are shown as percentages, missing figures as "—".
 */
final class ReportsDashboardPage {

  static final String PATH = "/staff/reports";

  private static final String NONE = "—";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:1rem 1.5rem;color:#1b1b1b;line-height:1.4;\
      max-width:72rem}
      h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem;\
      border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1rem 0 .25rem}
      a{color:#0b5cad}a:focus,input:focus,button:focus{outline:2px solid #0b5cad;outline-offset:2px}
      .muted{color:#555}nav{margin:.25rem 0 0}nav a{margin-right:1rem}
      form{display:flex;flex-wrap:wrap;gap:.75rem 1.25rem;align-items:flex-start;\
      margin:1rem 0;padding:.75rem 1rem;background:#f4f6f8;border:1px solid #dde1e5}
      .field{display:flex;flex-direction:column;gap:.2rem}label{font-weight:600}
      input{font:inherit;padding:.2rem .4rem;border:1px solid #888;border-radius:3px}
      input[aria-invalid=true]{border-color:#a00;outline-color:#a00}
      button{font:inherit;margin-top:1.6rem;padding:.25rem 1rem;border:1px solid #0b5cad;\
      border-radius:3px;background:#0b5cad;color:#fff;cursor:pointer}
      .error{color:#a00;font-weight:600;margin:0;max-width:22rem}
      .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;\
      margin:0}
      .card{border:1px solid #dde1e5;border-radius:4px;padding:.5rem .75rem}
      .card dt{color:#555;font-size:.9rem}.card dd{margin:.1rem 0 0;font-size:1.6rem;\
      font-weight:600}.card .of{display:block;font-size:.85rem;font-weight:400;color:#555}
      .card.alert dd{color:#a00}
      .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 2rem}
      table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #dde1e5;\
      padding:.25rem .5rem;text-align:left;vertical-align:middle}
      thead th{border-bottom:2px solid #bbb;font-size:.9rem}tbody th{font-weight:400}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.bar{width:25%}.bar span{display:block;height:.8rem;background:#4a7fb5;border-radius:2px}
      """;

  /** Codes whose words need more than lower case. */
  private static final Map<String, String> LABELS =
      Map.of("UNCLASSIFIED", "Not yet classified", "EMAIL", "E-mail", "E_ADDRESS", "E-address");

  private final StringBuilder html = new StringBuilder();
  private final SortedSet<Integer> widths = new TreeSet<>();

  private ReportsDashboardPage() {}

  /** The dashboard with the figures of the period. */
  static String render(Kpis kpis, LocalDate today, String nonce) {
    return new ReportsDashboardPage().dashboard(kpis, today, nonce);
  }

  /** The period form again, the error next to its field (status 400). */
  static String invalidPeriod(
      String from, String to, String field, String detail, LocalDate today, String nonce) {
    ReportsDashboardPage page = new ReportsDashboardPage();
    page.html.append("<h1>Complaint reports</h1>");
    page.html.append("<p class=\"muted\">The period could not be shown; correct it below.</p>");
    page.form(from, to, field, detail, today);
    return page.document("Complaint reports: period not valid", nonce);
  }

  /** Refusal for staff who are not report readers (status 403). */
  static String refused(String nonce) {
    ReportsDashboardPage page = new ReportsDashboardPage();
    page.html
        .append("<h1>Complaint reports</h1><p>")
        .append(e("The reports are for managers, supervisors, process owners and administrators."))
        .append("</p>");
    return page.document("Complaint reports: not allowed", nonce);
  }

  private String dashboard(Kpis k, LocalDate today, String nonce) {
    Kpis.Period period = k.period();
    String query = "?from=" + period.from() + "&to=" + period.to();
    html.append("<header><h1>Complaint reports</h1>");
    html.append("<p class=\"muted\">Cases received ")
        .append(e(period.from()))
        .append(" to ")
        .append(e(period.to()))
        .append(" (days in ")
        .append(e(period.zone()))
        .append(") · figures as of ")
        .append(e(TIME.format(k.generatedAt().atZone(ZoneId.of(period.zone())))))
        .append("</p>");
    html.append("<nav aria-label=\"Downloads and links\">")
        .append(link("/api/reports/complaints.csv" + query, "Download the cases (CSV)"))
        .append(link("/api/reports/kpis" + query, "Figures as JSON"))
        .append(link("/camunda/app/cockpit/", "Cockpit"))
        .append(link("/camunda/app/tasklist/", "Tasklist"))
        .append("</nav></header>");
    form(period.from().toString(), period.to().toString(), null, null, today);

    Kpis.Timeliness t = k.timeliness();
    Kpis.ResponseTime r = k.responseTime();
    Kpis.Satisfaction s = k.satisfaction();
    Kpis.Backlog b = k.backlog();
    html.append("<section aria-labelledby=\"headline\"><h2 id=\"headline\">At a glance</h2>");
    html.append("<dl class=\"cards\">");
    card("Received", count(k.received()), "cases in the period", false);
    card("Answered on time", percent(t.onTimeRate()), t.onTime() + " of " + t.answered(), false);
    card("Median working days to answer", days(r.medianWorkingDays()), null, false);
    card("Average working days to answer", days(r.averageWorkingDays()), null, false);
    card("Open now", count(b.open()), "received in the period", false);
    card("Overdue now", count(b.overdue()), "received in the period", b.overdue() > 0);
    card(
        "Satisfaction",
        s.averageScore() == null ? NONE : days(s.averageScore()) + " / 5",
        "average score of 1–5",
        false);
    card(
        "Survey response rate",
        percent(s.responseRate()),
        s.answers() + " of " + s.invited(),
        false);
    html.append("</dl></section>");

    section("volumes", "Volumes");
    html.append("<div class=\"grid\">");
    shares("Type", "By type", "Cases", labelled(k.byFeedbackType()), k.received());
    shares("Channel", "By channel", "Cases", labelled(k.byChannel()), k.received());
    shares("Category", "By category", "Cases", labelled(k.byCategory()), k.received());
    html.append("</div></section>");

    html.append("<div class=\"grid\">");
    section("timeliness", "Timeliness");
    figures(
        "Answered",
        count(t.answered()),
        "On time",
        count(t.onTime()),
        "Late",
        count(t.late()),
        "On-time rate",
        percent(t.onTimeRate()),
        "Answers with a working-day count",
        count(r.answered()),
        "Median working days to answer",
        days(r.medianWorkingDays()),
        "Average working days to answer",
        days(r.averageWorkingDays()));
    html.append("</section>");

    section("outcomes", "Outcomes");
    shares(
        "Decision",
        null,
        "Cases",
        labelled(k.outcomes()),
        k.outcomes().values().stream().mapToLong(Long::longValue).sum());
    html.append("</section>");

    Kpis.Extension x = k.extension();
    section("extension", "Deadline extensions");
    figures(
        "Complaints received",
        count(x.complaints()),
        "Deadline extended",
        count(x.extended()),
        "Extension rate",
        percent(x.rate()));
    html.append("</section>");

    Kpis.AppealNotice a = k.appealNotice();
    section("appeal", "Appeal notices");
    figures(
        "Complaints answered with a decision",
        count(a.answeredComplaints()),
        "Not fully upheld",
        count(a.notFullyUpheld()),
        "Appeal notices sent",
        count(a.appealNotices()),
        "Appeal-notice rate",
        percent(a.rate()));
    html.append("</section>");

    section("satisfaction", "Satisfaction");
    figures(
        "Customers invited to the survey",
        count(s.invited()),
        "Surveys answered",
        count(s.answers()),
        "Response rate",
        percent(s.responseRate()),
        "Average score (1–5)",
        days(s.averageScore()));
    shares("Score", "Answers per score", "Answers", scores(s.distribution()), s.answers());
    html.append("</section>");

    section("backlog", "Backlog now");
    html.append("<table><thead><tr><th scope=\"col\">Cases</th>")
        .append("<th scope=\"col\" class=\"n\">Open</th>")
        .append("<th scope=\"col\" class=\"n\">Overdue</th></tr></thead><tbody>");
    backlogRow("Received in the period", b.open(), b.overdue());
    backlogRow("Whole register", b.openInRegister(), b.overdueInRegister());
    html.append("</tbody></table>");
    html.append(
        "<p class=\"muted\">Overdue: open and past the due date, except cases waiting for the"
            + " customer (their clock stands still).</p></section>");

    section("repeat", "Repeat complaints");
    figures(
        "Flagged as repeat complaints",
        count(k.repeatComplaints()),
        "Share of cases received",
        percent(ratio(k.repeatComplaints(), k.received())));
    html.append("</section>");
    html.append("</div>");

    html.append(
        "<p class=\"muted\">Figures from the complaint register for the cases received in the"
            + " period; definitions in the README, section Reports. No personal data.</p>");
    return document("Complaint reports " + period.from() + " to " + period.to(), nonce);
  }

  // --- parts ---------------------------------------------------------------------------------

  private void form(String from, String to, String errorField, String detail, LocalDate today) {
    html.append("<form method=\"get\" action=\"").append(PATH).append("\" aria-label=\"Period\">");
    dateField("from", "From (day received)", from, errorField, detail, today);
    dateField("to", "To (day received)", to, errorField, detail, today);
    html.append("<button type=\"submit\">Show figures</button></form>");
  }

  private void dateField(
      String name, String label, String value, String errorField, String detail, LocalDate today) {
    boolean invalid = name.equals(errorField);
    html.append("<div class=\"field\"><label for=\"")
        .append(name)
        .append("\">")
        .append(e(label))
        .append("</label><input type=\"date\" id=\"")
        .append(name)
        .append("\" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(e(value))
        .append("\" min=\"")
        .append(ReportPeriod.EARLIEST)
        .append("\" max=\"")
        .append(today)
        .append("\"");
    if (invalid) {
      html.append(" aria-invalid=\"true\" aria-describedby=\"").append(name).append("-error\"");
    }
    html.append(">");
    if (invalid) {
      String message =
          detail.startsWith(name + ": ") ? detail.substring(name.length() + 2) : detail;
      html.append("<p class=\"error\" id=\"")
          .append(name)
          .append("-error\">")
          .append(e(capitalised(message)))
          .append("</p>");
    }
    html.append("</div>");
  }

  private void card(String title, String value, String of, boolean alert) {
    html.append(alert ? "<div class=\"card alert\">" : "<div class=\"card\">")
        .append("<dt>")
        .append(e(title))
        .append("</dt><dd>")
        .append(e(value));
    if (of != null) {
      html.append("<span class=\"of\">").append(e(of)).append("</span>");
    }
    html.append("</dd></div>");
  }

  private void section(String id, String title) {
    html.append("<section aria-labelledby=\"")
        .append(id)
        .append("\"><h2 id=\"")
        .append(id)
        .append("\">")
        .append(e(title))
        .append("</h2>");
  }

  /** A two-column table of named figures: name, value, name, value, … */
  private void figures(String... pairs) {
    html.append("<table><tbody>");
    for (int i = 0; i < pairs.length; i += 2) {
      html.append("<tr><th scope=\"row\">")
          .append(e(pairs[i]))
          .append("</th><td class=\"n\">")
          .append(e(pairs[i + 1]))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
  }

  /** Counts per label with their share of {@code total}, as a number and as a bar. */
  private void shares(
      String heading,
      String caption,
      String counted,
      List<Map.Entry<String, Long>> rows,
      long total) {
    if (caption != null) {
      html.append("<div><h3>").append(e(caption)).append("</h3>");
    } else {
      html.append("<div>");
    }
    html.append("<table><thead><tr><th scope=\"col\">")
        .append(e(heading))
        .append("</th><th scope=\"col\" class=\"n\">")
        .append(e(counted))
        .append("</th>")
        .append("<th scope=\"col\" colspan=\"2\">Share of ")
        .append(total)
        .append("</th></tr></thead><tbody>");
    for (Map.Entry<String, Long> row : rows) {
      Double share = ratio(row.getValue(), total);
      html.append("<tr><th scope=\"row\">")
          .append(e(row.getKey()))
          .append("</th><td class=\"n\">")
          .append(row.getValue())
          .append("</td><td class=\"n\">")
          .append(e(percent(share)))
          .append("</td><td class=\"bar\">")
          .append(bar(share))
          .append("</td></tr>");
    }
    if (rows.isEmpty()) {
      html.append("<tr><td colspan=\"4\" class=\"muted\">None.</td></tr>");
    }
    html.append("</tbody></table></div>");
  }

  private void backlogRow(String label, long open, long overdue) {
    html.append("<tr><th scope=\"row\">")
        .append(e(label))
        .append("</th><td class=\"n\">")
        .append(open)
        .append("</td><td class=\"n\">")
        .append(overdue)
        .append("</td></tr>");
  }

  /** A bar as wide as the share, drawn by a width class of the page's style sheet. */
  private String bar(Double share) {
    int width = share == null ? 0 : (int) Math.round(share * 100);
    widths.add(width);
    return "<span class=\"w" + width + "\" aria-hidden=\"true\"></span>";
  }

  private String document(String title, String nonce) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(e(title))
        .append("</title><style nonce=\"")
        .append(e(nonce))
        .append("\">")
        .append(STYLE);
    widths.forEach(w -> page.append(".bar .w").append(w).append("{width:").append(w).append("%}"));
    page.append("</style></head><body><main>").append(html).append("</main></body></html>");
    return page.toString();
  }

  // --- values --------------------------------------------------------------------------------

  private static List<Map.Entry<String, Long>> labelled(Map<String, Long> counts) {
    return counts.entrySet().stream().map(c -> Map.entry(label(c.getKey()), c.getValue())).toList();
  }

  private static List<Map.Entry<String, Long>> scores(Map<String, Long> distribution) {
    return distribution.entrySet().stream()
        .map(
            c ->
                Map.entry(
                    c.getKey()
                        + (c.getKey().equals("1")
                            ? " (worst)"
                            : c.getKey().equals("5") ? " (best)" : ""),
                    c.getValue()))
        .toList();
  }

  /** A code as words: {@code SERVICE_COMPLAINT} → "Service complaint"; short codes stay. */
  static String label(String code) {
    String special = LABELS.get(code);
    if (special != null) {
      return special;
    }
    if (code.length() <= 3) {
      return code;
    }
    return capitalised(code.replace('_', ' ').toLowerCase(Locale.ROOT));
  }

  /** A fraction 0–1 as a percentage with at most one decimal: 0.3333 → "33.3%"; null → "—". */
  static String percent(Double rate) {
    if (rate == null) {
      return NONE;
    }
    return plain(BigDecimal.valueOf(rate).movePointRight(2).setScale(1, RoundingMode.HALF_UP))
        + "%";
  }

  /** Working days or a score with at most two decimals; null → "—". */
  static String days(Double value) {
    return value == null
        ? NONE
        : plain(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
  }

  private static String count(long value) {
    return Long.toString(value);
  }

  private static Double ratio(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String link(String href, String text) {
    return "<a href=\"" + e(href) + "\">" + e(text) + "</a>";
  }

  private static String e(Object value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value.toString(), "UTF-8");
  }
}
