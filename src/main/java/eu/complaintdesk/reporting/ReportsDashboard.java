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
import java.util.stream.Stream;

/**
 * The managers' KPI dashboard as {@code templates/staff/reports.html} shows it: every figure as the
 * text to show (rates as percentages, missing figures as "—", codes as words), shares with the
 * width of their bar. Bars are widths in the page's style sheet (one class per width used), since
 * the policy allows no {@code style} attributes.
 *
 * @param period the period form, or {@code null} for the refusal
 * @param figures the figures, or {@code null} for the refusal and a period not valid
 */
record ReportsDashboard(String title, List<DateField> period, Figures figures) {

  private static final String NONE = "—";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Codes whose words need more than lower case. */
  private static final Map<String, String> LABELS =
      Map.of("UNCLASSIFIED", "Not yet classified", "EMAIL", "E-mail", "E_ADDRESS", "E-address");

  /** A date input of the period form, with its error when the period is not valid for it. */
  record DateField(
      String name, String label, String value, String error, LocalDate min, LocalDate max) {}

  /** A headline figure; {@code of} what it counts, when it says. */
  record Card(String title, String value, String of, boolean alert) {}

  /** A named figure. */
  record Figure(String name, String value) {}

  /** Counts per label with their share of {@code total}, as a number and as a bar. */
  record Shares(String heading, String caption, String counted, long total, List<Share> rows) {}

  record Share(String label, long count, String percent, int width) {}

  record Backlog(String label, long open, long overdue) {}

  /** Everything the dashboard shows of a period. */
  record Figures(
      String from,
      String to,
      String zone,
      String asOf,
      String csvHref,
      String jsonHref,
      List<Card> cards,
      List<Shares> volumes,
      List<Figure> timeliness,
      Shares outcomes,
      List<Figure> extension,
      List<Figure> appealNotices,
      List<Figure> satisfaction,
      Shares scores,
      List<Backlog> backlog,
      List<Figure> repeatComplaints) {}

  /** The dashboard with the figures of the period. */
  static ReportsDashboard of(Kpis k, LocalDate today) {
    Kpis.Period period = k.period();
    String query = "?from=" + period.from() + "&to=" + period.to();
    Kpis.Timeliness t = k.timeliness();
    Kpis.ResponseTime r = k.responseTime();
    Kpis.Satisfaction s = k.satisfaction();
    Kpis.Backlog b = k.backlog();
    Kpis.Extension x = k.extension();
    Kpis.AppealNotice a = k.appealNotice();
    Figures figures =
        new Figures(
            period.from().toString(),
            period.to().toString(),
            period.zone(),
            TIME.format(k.generatedAt().atZone(ZoneId.of(period.zone()))),
            "/api/reports/complaints.csv" + query,
            "/api/reports/kpis" + query,
            List.of(
                new Card("Received", count(k.received()), "cases in the period", false),
                new Card(
                    "Answered on time",
                    percent(t.onTimeRate()),
                    t.onTime() + " of " + t.answered(),
                    false),
                new Card("Median working days to answer", days(r.medianWorkingDays()), null, false),
                new Card(
                    "Average working days to answer", days(r.averageWorkingDays()), null, false),
                new Card("Open now", count(b.open()), "received in the period", false),
                new Card(
                    "Overdue now", count(b.overdue()), "received in the period", b.overdue() > 0),
                new Card(
                    "Satisfaction",
                    s.averageScore() == null ? NONE : days(s.averageScore()) + " / 5",
                    "average score of 1–5",
                    false),
                new Card(
                    "Survey response rate",
                    percent(s.responseRate()),
                    s.answers() + " of " + s.invited(),
                    false)),
            List.of(
                shares("Type", "By type", "Cases", labelled(k.byFeedbackType()), k.received()),
                shares("Channel", "By channel", "Cases", labelled(k.byChannel()), k.received()),
                shares("Category", "By category", "Cases", labelled(k.byCategory()), k.received())),
            List.of(
                new Figure("Answered", count(t.answered())),
                new Figure("On time", count(t.onTime())),
                new Figure("Late", count(t.late())),
                new Figure("On-time rate", percent(t.onTimeRate())),
                new Figure("Answers with a working-day count", count(r.answered())),
                new Figure("Median working days to answer", days(r.medianWorkingDays())),
                new Figure("Average working days to answer", days(r.averageWorkingDays()))),
            shares(
                "Decision",
                null,
                "Cases",
                labelled(k.outcomes()),
                k.outcomes().values().stream().mapToLong(Long::longValue).sum()),
            List.of(
                new Figure("Complaints received", count(x.complaints())),
                new Figure("Deadline extended", count(x.extended())),
                new Figure("Extension rate", percent(x.rate()))),
            List.of(
                new Figure("Complaints answered with a decision", count(a.answeredComplaints())),
                new Figure("Not fully upheld", count(a.notFullyUpheld())),
                new Figure("Appeal notices sent", count(a.appealNotices())),
                new Figure("Appeal-notice rate", percent(a.rate()))),
            List.of(
                new Figure("Customers invited to the survey", count(s.invited())),
                new Figure("Surveys answered", count(s.answers())),
                new Figure("Response rate", percent(s.responseRate())),
                new Figure("Average score (1–5)", days(s.averageScore()))),
            shares("Score", "Answers per score", "Answers", scores(s.distribution()), s.answers()),
            List.of(
                new Backlog("Received in the period", b.open(), b.overdue()),
                new Backlog("Whole register", b.openInRegister(), b.overdueInRegister())),
            List.of(
                new Figure("Flagged as repeat complaints", count(k.repeatComplaints())),
                new Figure(
                    "Share of cases received",
                    percent(ratio(k.repeatComplaints(), k.received())))));
    return new ReportsDashboard(
        "Complaint reports " + period.from() + " to " + period.to(),
        period(period.from().toString(), period.to().toString(), null, null, today),
        figures);
  }

  /** The period form again, the error next to its field (status 400). */
  static ReportsDashboard invalidPeriod(
      String from, String to, String field, String detail, LocalDate today) {
    return new ReportsDashboard(
        "Complaint reports: period not valid", period(from, to, field, detail, today), null);
  }

  /** Refusal for staff who are not report readers (status 403). */
  static ReportsDashboard refused() {
    return new ReportsDashboard("Complaint reports: not allowed", null, null);
  }

  /** The widths of the bars shown, each a class of the page's style sheet (public for SpEL). */
  public SortedSet<Integer> widths() {
    SortedSet<Integer> widths = new TreeSet<>();
    if (figures != null) {
      Stream.concat(figures.volumes().stream(), Stream.of(figures.outcomes(), figures.scores()))
          .flatMap(shares -> shares.rows().stream())
          .forEach(share -> widths.add(share.width()));
    }
    return widths;
  }

  // --- parts ---------------------------------------------------------------------------------

  private static List<DateField> period(
      String from, String to, String errorField, String detail, LocalDate today) {
    return List.of(
        dateField("from", "From (day received)", from, errorField, detail, today),
        dateField("to", "To (day received)", to, errorField, detail, today));
  }

  private static DateField dateField(
      String name, String label, String value, String errorField, String detail, LocalDate today) {
    String error = null;
    if (name.equals(errorField)) {
      String message =
          detail.startsWith(name + ": ") ? detail.substring(name.length() + 2) : detail;
      error = capitalised(message);
    }
    return new DateField(
        name, label, value == null ? "" : value, error, ReportPeriod.EARLIEST, today);
  }

  private static Shares shares(
      String heading,
      String caption,
      String counted,
      List<Map.Entry<String, Long>> rows,
      long total) {
    return new Shares(
        heading,
        caption,
        counted,
        total,
        rows.stream()
            .map(
                row -> {
                  Double share = ratio(row.getValue(), total);
                  return new Share(
                      row.getKey(),
                      row.getValue(),
                      percent(share),
                      share == null ? 0 : (int) Math.round(share * 100));
                })
            .toList());
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
}
