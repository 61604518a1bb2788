package eu.complaintdesk.staffweb;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Moments and days in each staff language's numeric form, in the organisation's zone. */
class StaffTimesTest {

  private static final ZoneId RIGA = ZoneId.of("Europe/Riga");
  private static final Instant MOMENT = Instant.parse("2026-12-07T08:15:00Z");
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

  @Test
  void eachLanguageWritesMomentsAndDaysInItsOwnForm() {
    assertThat(new StaffTimes(RIGA, Language.en).format(MOMENT)).isEqualTo("2026-12-07 10:15");
    assertThat(new StaffTimes(RIGA, Language.lt).format(MOMENT)).isEqualTo("2026-12-07 10:15");
    assertThat(new StaffTimes(RIGA, Language.lv).format(MOMENT)).isEqualTo("07.12.2026. 10:15");
    assertThat(new StaffTimes(RIGA, Language.ru).format(MOMENT)).isEqualTo("07.12.2026 10:15");
    assertThat(new StaffTimes(RIGA).date(DAY)).isEqualTo("2026-12-07");
    assertThat(new StaffTimes(RIGA, Language.lv).date(DAY)).isEqualTo("07.12.2026.");
    assertThat(new StaffTimes(RIGA, Language.ru).date(DAY)).isEqualTo("07.12.2026");
  }

  @Test
  void noMomentAndNoDayAreNothing() {
    assertThat(new StaffTimes(RIGA, Language.lv).format(null)).isEmpty();
    assertThat(new StaffTimes(RIGA, Language.lv).date(null)).isEmpty();
  }
}
