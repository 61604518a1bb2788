package eu.complaintdesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.calendar.CalendarProperties.Country;
import eu.complaintdesk.calendar.CalendarProperties.YearOverrides;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CalendarPropertiesTest {

  @Test
  void shippedConfigurationIsLatviaInRigaFromNineToSix() {
    CalendarProperties shipped = ShippedCalendar.properties();

    assertThat(shipped.country()).isEqualTo(Country.LV);
    assertThat(shipped.zone()).isEqualTo(ZoneId.of("Europe/Riga"));
    assertThat(shipped.workingHoursStart()).isEqualTo(LocalTime.of(9, 0));
    assertThat(shipped.workingHoursEnd()).isEqualTo(LocalTime.of(18, 0));
  }

  @Test
  void shippedOverrideTableBindsPerCountryAndYear() {
    Map<Country, Map<Integer, YearOverrides>> overrides = ShippedCalendar.properties().overrides();

    assertThat(overrides.get(Country.LV).get(2023).daysOff()).contains(LocalDate.of(2023, 11, 20));
    assertThat(overrides.get(Country.LV).get(2026).workingDays())
        .containsExactly(LocalDate.of(2026, 1, 17), LocalDate.of(2026, 6, 27));
    assertThat(overrides.get(Country.LT).get(2026).daysOff())
        .containsExactly(LocalDate.of(2026, 12, 24));
    assertThat(overrides.get(Country.LT).get(2026).workingDays()).isEmpty();
    assertThat(overrides.get(Country.RU).get(2026).workingDays())
        .containsExactly(LocalDate.of(2026, 1, 12));
  }

  @Test
  void missingSettingsFallBackToLatviaNineToSixWithoutOverrides() {
    CalendarProperties bound =
        new Binder(new MapConfigurationPropertySource(Map.of("other.key", "x")))
            .bindOrCreate("complaints.calendar", CalendarProperties.class);

    assertThat(bound).isEqualTo(CalendarProperties.defaults());
    assertThat(bound.country()).isEqualTo(Country.LV);
    assertThat(bound.zone()).isEqualTo(ZoneId.of("Europe/Riga"));
    assertThat(bound.workingHoursStart()).isEqualTo(LocalTime.of(9, 0));
    assertThat(bound.workingHoursEnd()).isEqualTo(LocalTime.of(18, 0));
    assertThat(bound.overrides()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"LV, Europe/Riga", "LT, Europe/Vilnius", "RU, Europe/Moscow"})
  void zoneIsDerivedFromTheCountryWhenNotSet(String country, String zone) {
    CalendarProperties bound =
        new Binder(
                new MapConfigurationPropertySource(Map.of("complaints.calendar.country", country)))
            .bindOrCreate("complaints.calendar", CalendarProperties.class);

    assertThat(bound.zone()).isEqualTo(ZoneId.of(zone));
  }

  @Test
  void explicitZoneWinsOverTheCountryDefault() {
    CalendarProperties bound =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "complaints.calendar.country", "RU",
                        "complaints.calendar.zone", "Asia/Yekaterinburg",
                        "complaints.calendar.working-hours-start", "08:30")))
            .bindOrCreate("complaints.calendar", CalendarProperties.class);

    assertThat(bound.zone()).isEqualTo(ZoneId.of("Asia/Yekaterinburg"));
    assertThat(bound.workingHoursStart()).isEqualTo(LocalTime.of(8, 30));
  }

  @Test
  void overrideDateOutsideItsYearIsRejectedAtBinding() {
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of("complaints.calendar.overrides.lv.2026.days-off[0]", "2025-12-24")));

    assertThatThrownBy(() -> binder.bindOrCreate("complaints.calendar", CalendarProperties.class))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("LV.2026.days-off")
        .hasMessageContaining("2025-12-24 does not lie in 2026");
  }

  @Test
  void dayListedBothOffAndWorkingIsRejected() {
    LocalDate day = LocalDate.of(2026, 6, 27);
    Map<Country, Map<Integer, YearOverrides>> overrides =
        Map.of(Country.LV, Map.of(2026, new YearOverrides(List.of(day), List.of(day))));

    assertThatThrownBy(() -> new CalendarProperties(Country.LV, null, null, null, overrides))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-06-27 is listed both as a day off and as a working day");
  }

  @Test
  void openingMustBeBeforeClosing() {
    assertThatThrownBy(
            () ->
                new CalendarProperties(
                    Country.LV, null, LocalTime.of(18, 0), LocalTime.of(9, 0), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("working-hours-start");
  }
}
