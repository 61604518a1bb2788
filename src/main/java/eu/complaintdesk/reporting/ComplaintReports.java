package eu.complaintdesk.reporting;

import eu.complaintdesk.calendar.WorkingCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The managers' reports, read from the complaint register (not the engine's history): one query
 * streams the facts of every case received in the period, row by row, into the key figures or the
 * CSV export; nothing holds all cases in memory. Portable SQL (H2 and PostgreSQL).
 */
@Service
class ComplaintReports {

  /** Rows fetched per round trip; PostgreSQL streams only inside a transaction. */
  private static final int FETCH_SIZE = 500;

  private static final String CASES =
      "select c.registration_number, c.received_at, c.channel, c.feedback_type, c.category,"
          + " c.priority, c.status, c.response_due_at, c.extended, c.answered_at, c.outcome,"
          + " c.repeat_complaint,"
          + " case when exists (select 1 from complaint_event e where e.complaint_id = c.id"
          + "   and e.event_type = 'APPEAL_NOTICE') then 1 else 0 end as appeal_notice,"
          + " case when exists (select 1 from survey s where s.complaint_id = c.id)"
          + "   then 1 else 0 end as survey_invited,"
          + " (select s.score from survey s where s.complaint_id = c.id and s.score is not null"
          + "   order by s.answered_at desc, s.id desc fetch first 1 rows only) as survey_score"
          + " from complaint c where c.received_at >= :start and c.received_at < :end"
          + " order by c.received_at, c.id";

  /** Open cases: not in a final status ({@link ReportedCase#NOT_OPEN}). */
  private static final String OPEN =
      ReportedCase.NOT_OPEN.stream()
          .sorted()
          .map(status -> "'" + status + "'")
          .collect(Collectors.joining(", ", "c.status not in (", ")"));

  private final JdbcClient streaming;
  private final TransactionTemplate readOnly;
  private final WorkingCalendar calendar;
  private final Clock clock;

  ComplaintReports(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      WorkingCalendar calendar,
      Clock clock) {
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(FETCH_SIZE);
    this.streaming = JdbcClient.create(template);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Today's date in the calendar's time zone. */
  LocalDate today() {
    return calendar.localDate(clock.instant());
  }

  Kpis kpis(ReportPeriod period) {
    Instant now = clock.instant();
    KpiTally tally = new KpiTally(now);
    return readOnly.execute(
        status -> {
          eachCase(period, tally::add);
          long open =
              streaming
                  .sql("select count(*) from complaint c where " + OPEN)
                  .query(Long.class)
                  .single();
          long overdue =
              streaming
                  .sql(
                      "select count(*) from complaint c where "
                          + OPEN
                          + " and c.status <> 'AWAITING_INFORMATION'"
                          + " and c.response_due_at < :now")
                  .param("now", now.atOffset(ZoneOffset.UTC))
                  .query(Long.class)
                  .single();
          return tally.result(period, calendar.zone().getId(), open, overdue);
        });
  }

  /** Writes the period's cases as CSV (header first, no byte order mark) to {@code out}. */
  void exportCsv(ReportPeriod period, Writer out) {
    ComplaintsCsv csv = new ComplaintsCsv(out, calendar.zone());
    readOnly.executeWithoutResult(
        status -> {
          try {
            csv.header();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          eachCase(
              period,
              c -> {
                try {
                  csv.add(c);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
        });
  }

  private void eachCase(ReportPeriod period, Consumer<ReportedCase> consumer) {
    streaming
        .sql(CASES)
        .param("start", period.start(calendar.zone()).atOffset(ZoneOffset.UTC))
        .param("end", period.end(calendar.zone()).atOffset(ZoneOffset.UTC))
        .query((RowCallbackHandler) rs -> consumer.accept(reportedCase(rs)));
  }

  private ReportedCase reportedCase(ResultSet rs) throws SQLException {
    Instant receivedAt = instant(rs, "received_at");
    Instant due = instant(rs, "response_due_at");
    Instant answeredAt = instant(rs, "answered_at");
    return new ReportedCase(
        rs.getString("registration_number"),
        receivedAt,
        rs.getString("channel"),
        rs.getString("feedback_type"),
        rs.getString("category"),
        rs.getString("priority"),
        rs.getString("status"),
        due,
        rs.getBoolean("extended"),
        answeredAt,
        rs.getString("outcome"),
        rs.getBoolean("repeat_complaint"),
        rs.getInt("appeal_notice") == 1,
        rs.getInt("survey_invited") == 1,
        rs.getObject("survey_score", Integer.class),
        answeredAt == null ? null : calendar.workingDaysTaken(receivedAt, answeredAt),
        answeredAt == null || due == null ? null : !answeredAt.isAfter(due));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
