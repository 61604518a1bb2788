package eu.complaintdesk.reporting;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * The case export as RFC 4180 CSV: a header row, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break (quotes doubled). The caller writes UTF-8 and a byte order mark
 * first, so that Excel reads Latvian and Russian letters. A cell starting with {@code = + - @}, a
 * tab or a carriage return gets a leading apostrophe, so that a spreadsheet never runs it as a
 * formula. Only codes, dates, numbers and flags are written: no personal data, no free text.
 */
final class ComplaintsCsv {

  /** The byte order mark that tells Excel the file is UTF-8. */
  static final String BYTE_ORDER_MARK = "\uFEFF";

  static final List<String> COLUMNS =
      List.of(
          "registrationNumber",
          "receivedAt",
          "channel",
          "feedbackType",
          "category",
          "priority",
          "status",
          "responseDueDate",
          "extended",
          "answeredAt",
          "outcome",
          "workingDaysToAnswer",
          "onTime",
          "appealNotice",
          "repeatComplaint",
          "surveyScore");

  private final Writer out;
  private final ZoneId zone;

  ComplaintsCsv(Writer out, ZoneId zone) {
    this.out = out;
    this.zone = zone;
  }

  void header() throws IOException {
    row(COLUMNS);
  }

  void add(ReportedCase c) throws IOException {
    row(
        Arrays.asList(
            c.registrationNumber(),
            dateTime(c.receivedAt()),
            c.channel(),
            c.feedbackType(),
            c.category(),
            c.priority(),
            c.status(),
            c.responseDueAt() == null
                ? null
                : c.responseDueAt().atZone(zone).toLocalDate().toString(),
            String.valueOf(c.extended()),
            dateTime(c.answeredAt()),
            c.outcome(),
            text(c.workingDaysToAnswer()),
            text(c.onTime()),
            String.valueOf(c.appealNotice()),
            String.valueOf(c.repeatComplaint()),
            text(c.surveyScore())));
  }

  private void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /** One field: neutralised against formulas, then quoted if RFC 4180 asks for it. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = startsLikeAFormula(value) ? "'" + value : value;
    if (safe.indexOf(',') >= 0
        || safe.indexOf('"') >= 0
        || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }

  private static boolean startsLikeAFormula(String value) {
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  /** An instant as ISO date-time with the offset of the calendar's zone, to the second. */
  private String dateTime(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
