package eu.complaintdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplaintsCsvTest {

  @ParameterizedTest(name = "[{0}] is written as [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          BILLING         | BILLING
          a,b             | "a,b"
          =SUM(A1:A9)     | '=SUM(A1:A9)
          +371 2000       | '+371 2000
          -1+1            | '-1+1
          @cmd            | '@cmd
          =1,2            | "'=1,2"
          """)
  void cellsAreQuotedPerRfc4180AndNeverStartAFormula(String value, String written) {
    assertThat(ComplaintsCsv.cell(value)).isEqualTo(written);
  }

  @Test
  void quotesAndLineBreaksAreQuotedAndEmptyValuesLeftEmpty() {
    assertThat(ComplaintsCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(ComplaintsCsv.cell("cr\r")).isEqualTo("\"cr\r\"");
    assertThat(ComplaintsCsv.cell(null)).isEmpty();
    assertThat(ComplaintsCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  void rowsHaveTheHeaderColumnsDatesInTheCalendarsZoneAndCrlfEnds() throws Exception {
    StringWriter out = new StringWriter();
    ComplaintsCsv csv = new ComplaintsCsv(out, ZoneId.of("Europe/Riga"));
    csv.header();
    csv.add(
        new ReportedCase(
            "2026-000042",
            Instant.parse("2026-11-23T08:15:30.123Z"),
            "PHONE",
            "SERVICE_COMPLAINT",
            "=HYPERLINK",
            null,
            "CLOSED",
            Instant.parse("2026-12-07T16:00:00Z"),
            true,
            Instant.parse("2026-11-30T10:00:00Z"),
            "REJECTED",
            false,
            true,
            true,
            4,
            5,
            true));

    String[] lines = out.toString().split("\r\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(String.join(",", ComplaintsCsv.COLUMNS));
    assertThat(lines[1])
        .isEqualTo(
            "2026-000042,2026-11-23T10:15:30+02:00,PHONE,SERVICE_COMPLAINT,'=HYPERLINK,,CLOSED,"
                + "2026-12-07,true,2026-11-30T12:00:00+02:00,REJECTED,5,true,true,false,4");
    assertThat(lines[2]).isEmpty();
  }
}
