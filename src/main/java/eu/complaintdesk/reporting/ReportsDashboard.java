package eu.complaintdesk.reporting;

import eu.complaintdesk.register.Language;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffTimes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
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

  /** The dashboard with the figures of the period, in English. */
  static ReportsDashboard of(Kpis k, LocalDate today) {
    return of(k, today, StaffTexts.of(Language.en));
  }

  /** The dashboard with the figures of the period, in the language of the texts. */
  static ReportsDashboard of(Kpis k, LocalDate today, StaffTexts w) {
    Kpis.Period period = k.period();
    String query = "?from=" + period.from() + "&to=" + period.to();
    Kpis.Timeliness t = k.timeliness();
    Kpis.ResponseTime r = k.responseTime();
    Kpis.Satisfaction s = k.satisfaction();
    Kpis.Backlog b = k.backlog();
    Kpis.Extension x = k.extension();
    Kpis.AppealNotice a = k.appealNotice();
    StaffTimes times = new StaffTimes(ZoneId.of(period.zone()), Language.valueOf(w.language()));
    Figures figures =
        new Figures(
            times.date(period.from()),
            times.date(period.to()),
            period.zone(),
            times.format(k.generatedAt()),
            "/api/reports/complaints.csv" + query,
            "/api/reports/kpis" + query,
            List.of(
                new Card(
                    w.get("reports.received"),
                    count(k.received()),
                    w.get("reports.casesInPeriod"),
                    false),
                new Card(
                    w.get("reports.answeredOnTime"),
                    percent(t.onTimeRate()),
                    w.format("reports.of", t.onTime(), t.answered()),
                    false),
                new Card(w.get("reports.medianDays"), days(r.medianWorkingDays()), null, false),
                new Card(w.get("reports.averageDays"), days(r.averageWorkingDays()), null, false),
                new Card(
                    w.get("reports.openNow"),
                    count(b.open()),
                    w.get("reports.receivedInPeriod"),
                    false),
                new Card(
                    w.get("reports.overdueNow"),
                    count(b.overdue()),
                    w.get("reports.receivedInPeriod"),
                    b.overdue() > 0),
                new Card(
                    w.get("reports.satisfaction"),
                    s.averageScore() == null ? NONE : days(s.averageScore()) + " / 5",
                    w.get("reports.averageScoreOf"),
                    false),
                new Card(
                    w.get("reports.surveyResponseRate"),
                    percent(s.responseRate()),
                    w.format("reports.of", s.answers(), s.invited()),
                    false)),
            List.of(
                shares(
                    w.get("reports.type"),
                    w.get("reports.byType"),
                    w.get("reports.cases"),
                    labelled(k.byFeedbackType(), w, "type"),
                    k.received()),
                shares(
                    w.get("reports.channel"),
                    w.get("reports.byChannel"),
                    w.get("reports.cases"),
                    labelled(k.byChannel(), w, "channel"),
                    k.received()),
                shares(
                    w.get("reports.category"),
                    w.get("reports.byCategory"),
                    w.get("reports.cases"),
                    labelled(k.byCategory(), w, "category"),
                    k.received())),
            List.of(
                new Figure(w.get("reports.answered"), count(t.answered())),
                new Figure(w.get("reports.onTime"), count(t.onTime())),
                new Figure(w.get("reports.late"), count(t.late())),
                new Figure(w.get("reports.onTimeRate"), percent(t.onTimeRate())),
                new Figure(w.get("reports.answersCounted"), count(r.answered())),
                new Figure(w.get("reports.medianDays"), days(r.medianWorkingDays())),
                new Figure(w.get("reports.averageDays"), days(r.averageWorkingDays()))),
            shares(
                w.get("reports.decision"),
                null,
                w.get("reports.cases"),
                labelled(k.outcomes(), w, "outcome"),
                k.outcomes().values().stream().mapToLong(Long::longValue).sum()),
            List.of(
                new Figure(w.get("reports.complaintsReceived"), count(x.complaints())),
                new Figure(w.get("reports.deadlineExtended"), count(x.extended())),
                new Figure(w.get("reports.extensionRate"), percent(x.rate()))),
            List.of(
                new Figure(w.get("reports.answeredWithDecision"), count(a.answeredComplaints())),
                new Figure(w.get("reports.notFullyUpheld"), count(a.notFullyUpheld())),
                new Figure(w.get("reports.appealNoticesSent"), count(a.appealNotices())),
                new Figure(w.get("reports.appealNoticeRate"), percent(a.rate()))),
            List.of(
                new Figure(w.get("reports.invited"), count(s.invited())),
                new Figure(w.get("reports.surveysAnswered"), count(s.answers())),
                new Figure(w.get("reports.responseRate"), percent(s.responseRate())),
                new Figure(w.get("reports.averageScore"), days(s.averageScore()))),
            shares(
                w.get("reports.score"),
                w.get("reports.answersPerScore"),
                w.get("reports.answers"),
                scores(s.distribution(), w),
                s.answers()),
            List.of(
                new Backlog(w.get("reports.receivedInThePeriod"), b.open(), b.overdue()),
                new Backlog(
                    w.get("reports.wholeRegister"), b.openInRegister(), b.overdueInRegister())),
            List.of(
                new Figure(w.get("reports.flaggedRepeat"), count(k.repeatComplaints())),
                new Figure(
                    w.get("reports.shareOfReceived"),
                    percent(ratio(k.repeatComplaints(), k.received())))));
    return new ReportsDashboard(
        w.format("reports.title", times.date(period.from()), times.date(period.to())),
        period(period.from().toString(), period.to().toString(), null, null, today, w),
        figures);
  }

  /** The period form again, the error next to its field (status 400). */
  static ReportsDashboard invalidPeriod(
      String from, String to, String field, String detail, LocalDate today, StaffTexts w) {
    return new ReportsDashboard(
        w.get("reports.titleInvalid"), period(from, to, field, detail, today, w), null);
  }

  /** Refusal for staff who are not report readers (status 403). */
  static ReportsDashboard refused(StaffTexts w) {
    return new ReportsDashboard(w.get("reports.titleRefused"), null, null);
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
      String from, String to, String errorField, String detail, LocalDate today, StaffTexts w) {
    return List.of(
        dateField("from", w.get("reports.from"), from, errorField, detail, today),
        dateField("to", w.get("reports.to"), to, errorField, detail, today));
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

  private static List<Map.Entry<String, Long>> labelled(
      Map<String, Long> counts, StaffTexts w, String group) {
    return counts.entrySet().stream()
        .map(c -> Map.entry(label(c.getKey(), w, group), c.getValue()))
        .toList();
  }

  private static List<Map.Entry<String, Long>> scores(
      Map<String, Long> distribution, StaffTexts w) {
    return distribution.entrySet().stream()
        .map(
            c ->
                Map.entry(
                    c.getKey()
                        + (c.getKey().equals("1")
                            ? " " + w.get("reports.worst")
                            : c.getKey().equals("5") ? " " + w.get("reports.best") : ""),
                    c.getValue()))
        .toList();
  }

  /**
   * A code as the staff language's words ({@code category.BILLING} of the staff texts); where the
   * texts have none (English), as {@link #label(String)} makes it.
   */
  static String label(String code, StaffTexts w, String group) {
    if (code.equals("UNCLASSIFIED") && !w.language().equals("en")) {
      return w.get("reports.unclassified");
    }
    String word = w.code(group, code);
    return word.equals(code) ? label(code) : word;
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
