package eu.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.testing.H2TestConfiguration;
import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.RegisterTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The report queries on H2 (the default run's database; {@code ReportsIT} runs them on PostgreSQL),
 * with cases written straight into the register. Now is Tuesday 10 March 2026, 12:00 in Riga; the
 * period is Monday 2 to Wednesday 4 March.
 */
@SpringJUnitConfig(H2TestConfiguration.class)
class ComplaintReportsTest {

  static final ReportPeriod PERIOD =
      new ReportPeriod(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 4));

  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;
  @Autowired WorkingCalendar calendar;
  @Autowired MutableClock clock;

  ComplaintReports reports;
  String rejected;
  String upheldLate;
  String unclassified;

  @BeforeEach
  void casesOfTheFirstWeekOfMarch() {
    TestDatabases.clean(dataSource);
    clock.set(RegisterTestConfiguration.NOW);
    reports = new ComplaintReports(dataSource, transactions, calendar, clock);

    // Monday 10:00 in Riga; rejected on Friday (4 working days, on time), appeal notice, rated 4.
    var a = register.register(complaint(Channel.WEB_FORM, "2026-03-02T08:00:00Z", null));
    rejected = a.registrationNumber();
    register.classify(a.id(), "SERVICE_COMPLAINT", "BILLING", "NORMAL", false, "registrar");
    answer(a.id(), "REJECTED", "2026-03-06T10:00:00Z", ComplaintStatus.CLOSED);
    register.addEvent(a.id(), "APPEAL_NOTICE", "system", "Public Utilities Commission", true);
    surveys.answer(surveys.open(a.id(), clock.instant().plusSeconds(3600)), 4, "");

    // Tuesday 18:30 in Riga counts from Wednesday; extended, yet upheld late on Monday (3 working
    // days); a repeat complaint.
    var b = register.register(complaint(Channel.PHONE, "2026-03-03T16:30:00Z", "registrar"));
    upheldLate = b.registrationNumber();
    register.classify(
        b.id(), "CUSTOMER_SERVICE_COMPLAINT", "STAFF_CONDUCT", "HIGH", true, "registrar");
    register.setResponseDue(b.id(), Instant.parse("2026-03-05T16:00:00Z"), true, "Utility asked");
    answer(b.id(), "UPHELD", "2026-03-09T08:00:00Z", ComplaintStatus.ANSWERED);

    // Wednesday; never classified, open and overdue since yesterday; invited to a survey.
    var c = register.register(complaint(Channel.WEB_FORM, "2026-03-04T07:00:00Z", null));
    unclassified = c.registrationNumber();
    register.setResponseDue(c.id(), Instant.parse("2026-03-09T16:00:00Z"), false, null);
    surveys.open(c.id(), clock.instant().plusSeconds(3600));

    // Before the period (Friday 27 February): counts only in the register's backlog.
    register.register(complaint(Channel.EMAIL, "2026-02-27T10:00:00Z", null));
  }

  @Test
  void keyFiguresCountTheCasesReceivedInThePeriod() {
    Kpis kpis = reports.kpis(PERIOD);

    assertThat(kpis.period()).isEqualTo(new Kpis.Period(PERIOD.from(), PERIOD.to(), "Europe/Riga"));
    assertThat(kpis.received()).isEqualTo(3);
    assertThat(kpis.byFeedbackType())
        .containsEntry("SERVICE_COMPLAINT", 1L)
        .containsEntry("CUSTOMER_SERVICE_COMPLAINT", 1L)
        .containsEntry("PROPOSAL", 0L)
        .containsEntry("UNCLASSIFIED", 1L);
    assertThat(kpis.byChannel()).containsEntry("WEB_FORM", 2L).containsEntry("PHONE", 1L);
    assertThat(kpis.byChannel()).containsEntry("EMAIL", 0L);
    assertThat(kpis.byCategory())
        .containsExactly(
            Map.entry("BILLING", 1L),
            Map.entry("STAFF_CONDUCT", 1L),
            Map.entry("UNCLASSIFIED", 1L));
    assertThat(kpis.timeliness()).isEqualTo(new Kpis.Timeliness(2, 1, 1, 0.5));
    assertThat(kpis.responseTime()).isEqualTo(new Kpis.ResponseTime(2, 3.5, 3.5));
    assertThat(kpis.extension()).isEqualTo(new Kpis.Extension(2, 1, 0.5));
    assertThat(kpis.appealNotice()).isEqualTo(new Kpis.AppealNotice(2, 1, 1, 0.5));
    assertThat(kpis.satisfaction().invited()).isEqualTo(2);
    assertThat(kpis.satisfaction().answers()).isEqualTo(1);
    assertThat(kpis.satisfaction().responseRate()).isEqualTo(0.5);
    assertThat(kpis.satisfaction().averageScore()).isEqualTo(4.0);
    assertThat(kpis.satisfaction().distribution()).containsEntry("4", 1L).containsEntry("5", 0L);
    assertThat(kpis.backlog()).isEqualTo(new Kpis.Backlog(1, 1, 2, 1));
    assertThat(kpis.repeatComplaints()).isEqualTo(1);
    assertThat(kpis.outcomes())
        .containsEntry("UPHELD", 1L)
        .containsEntry("PARTIALLY_UPHELD", 0L)
        .containsEntry("REJECTED", 1L);
  }

  @Test
  void periodEndsAreDaysInTheCalendarsZone() {
    // 2026-03-04T07:00Z is Wednesday in Riga; 2026-02-27T10:00Z is Friday: neither on Tuesday.
    assertThat(
            reports
                .kpis(new ReportPeriod(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3)))
                .received())
        .isEqualTo(1);
    assertThat(
            reports
                .kpis(new ReportPeriod(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10)))
                .received())
        .isZero();
  }

  @Test
  void csvHasOneRowPerCaseOldestFirstWithoutPersonalData() {
    StringWriter out = new StringWriter();
    reports.exportCsv(PERIOD, out);
    String csv = out.toString();
    String[] lines = csv.split("\r\n");

    assertThat(lines).hasSize(4);
    assertThat(lines[0]).isEqualTo(String.join(",", ComplaintsCsv.COLUMNS));
    assertThat(lines[1])
        .isEqualTo(
            rejected
                + ",2026-03-02T10:00:00+02:00,WEB_FORM,SERVICE_COMPLAINT,BILLING,NORMAL,CLOSED,"
                + "2026-03-16,false,2026-03-06T12:00:00+02:00,REJECTED,4,true,true,false,4");
    assertThat(lines[2])
        .isEqualTo(
            upheldLate
                + ",2026-03-03T18:30:00+02:00,PHONE,CUSTOMER_SERVICE_COMPLAINT,STAFF_CONDUCT,HIGH,"
                + "ANSWERED,2026-03-05,true,2026-03-09T10:00:00+02:00,UPHELD,3,false,false,true,");
    assertThat(lines[3])
        .isEqualTo(
            unclassified
                + ",2026-03-04T09:00:00+02:00,WEB_FORM,,,,REGISTERED,2026-03-09,false,,,,,false,"
                + "false,");
    assertThat(csv)
        .doesNotContain("Bērziņa", "example.lv", "+3712", "C-1001", "Brīvības", "Radiators")
        .doesNotContain("apkures", "Pārrēķināt", "Atbilde");
  }

  private void answer(long id, String outcome, String answeredAt, ComplaintStatus status) {
    register.recordAnswer(id, outcome, "Atbilde", Instant.parse(answeredAt));
    register.changeStatus(id, status, "system", null);
  }

  private NewComplaint complaint(Channel channel, String receivedAt, String registeredBy) {
    Instant received = Instant.parse(receivedAt);
    return new NewComplaint(
        channel,
        Language.lv,
        "Anna Bērziņa",
        "anna.berzina@example.lv",
        "+37120000000",
        "C-1001",
        "Brīvības iela 1, Rīga",
        PreferredContact.EMAIL,
        "Radiators ir auksts",
        "Kopš pirmdienas nav apkures.",
        "Pārrēķināt rēķinu",
        null,
        received,
        calendar.deadline(received, 10),
        registeredBy);
  }
}
