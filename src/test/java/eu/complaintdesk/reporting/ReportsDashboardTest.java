package eu.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffTemplates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the dashboard shows figures: percentages, days, words for codes, bars; rendered by its
 * template as the application renders it.
 */
class ReportsDashboardTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 2);

  @Test
  void ratesArePercentagesWithAtMostOneDecimalAndMissingFiguresADash() {
    assertThat(ReportsDashboard.percent(0.5)).isEqualTo("50%");
    assertThat(ReportsDashboard.percent(0.6667)).isEqualTo("66.7%");
    assertThat(ReportsDashboard.percent(1.0)).isEqualTo("100%");
    assertThat(ReportsDashboard.percent(0.0)).isEqualTo("0%");
    assertThat(ReportsDashboard.percent(null)).isEqualTo("—");
    assertThat(ReportsDashboard.days(12.5)).isEqualTo("12.5");
    assertThat(ReportsDashboard.days(3.0)).isEqualTo("3");
    assertThat(ReportsDashboard.days(4.333)).isEqualTo("4.33");
    assertThat(ReportsDashboard.days(null)).isEqualTo("—");
  }

  @Test
  void codesAreShownAsWords() {
    assertThat(ReportsDashboard.label("CUSTOMER_SERVICE_COMPLAINT"))
        .isEqualTo("Customer service complaint");
    assertThat(ReportsDashboard.label("UNCLASSIFIED")).isEqualTo("Not yet classified");
    assertThat(ReportsDashboard.label("EMAIL")).isEqualTo("E-mail");
    assertThat(ReportsDashboard.label("API")).isEqualTo("API");
  }

  @Test
  void everyFigureIsShownAndBarsAreWidthClassesOfTheNoncedStyleSheet() {
    Map<String, Long> distribution = new LinkedHashMap<>();
    for (int score = 1; score <= 5; score++) {
      distribution.put(Integer.toString(score), score == 4 ? 1L : score == 5 ? 2L : 0L);
    }
    Kpis kpis =
        new Kpis(
            new Kpis.Period(DAY, DAY.plusDays(6), "Europe/Riga"),
            Instant.parse("2026-11-10T08:00:00Z"),
            3,
            Map.of("SERVICE_COMPLAINT", 3L),
            Map.of("PHONE", 2L, "EMAIL", 1L),
            Map.of("HEATING_QUALITY", 3L),
            new Kpis.Timeliness(3, 2, 1, 0.6667),
            new Kpis.ResponseTime(3, 7.0, 8.33),
            new Kpis.Extension(3, 1, 0.3333),
            new Kpis.AppealNotice(3, 1, 1, 0.3333),
            new Kpis.Satisfaction(3, 3, 1.0, 4.67, distribution),
            new Kpis.Backlog(0, 0, 12, 5),
            1,
            Map.of("UPHELD", 2L, "PARTIALLY_UPHELD", 0L, "REJECTED", 1L));

    String html =
        StaffTemplates.render(
            ReportsDashboardController.TEMPLATE,
            Map.of(
                "reports",
                ReportsDashboard.of(kpis, DAY.plusDays(8)),
                StaffTexts.ATTRIBUTE,
                StaffTexts.of(Language.en)));

    assertThat(html)
        .startsWith("<!DOCTYPE html><html lang=\"en\">")
        .contains("<style nonce=\"n0nce\">")
        .contains(".bar .w67{width:67%}", ".bar .w33{width:33%}", ".bar .w100{width:100%}")
        .contains("figures as of 2026-11-10 10:00")
        .contains("<dt>Answered on time</dt><dd>66.7%<span class=\"of\">2 of 3</span>")
        .contains("<dt>Median working days to answer</dt><dd>7<")
        .contains("<dt>Average working days to answer</dt><dd>8.33<")
        .contains("<dt>Satisfaction</dt><dd>4.67 / 5<")
        .contains("<dt>Survey response rate</dt><dd>100%<")
        .contains("<th scope=\"row\">Extension rate</th><td class=\"n\">33.3%</td>")
        .contains("<th scope=\"row\">Appeal-notice rate</th><td class=\"n\">33.3%</td>")
        .contains("<th scope=\"row\">Heating quality</th><td class=\"n\">3</td>")
        .contains("<th scope=\"row\">E-mail</th><td class=\"n\">1</td><td class=\"n\">33.3%</td>")
        .contains("<th scope=\"row\">Upheld</th><td class=\"n\">2</td><td class=\"n\">66.7%</td>")
        .contains("<th scope=\"row\">5 (best)</th><td class=\"n\">2</td><td class=\"n\">66.7%</td>")
        .contains(
            "<th scope=\"row\">Whole register</th><td class=\"n\">12</td><td class=\"n\">5</td>")
        .contains("<th scope=\"row\">Flagged as repeat complaints</th><td class=\"n\">1</td>")
        .contains("max=\"2026-11-10\"")
        .doesNotContain("<script", " style=", " th:");
  }
}
