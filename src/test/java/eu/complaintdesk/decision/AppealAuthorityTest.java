package eu.complaintdesk.decision;

import static eu.complaintdesk.decision.DecisionTester.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dmn/AppealAuthority.dmn}, rule by rule. */
class AppealAuthorityTest {

  private static final String KEY = "AppealAuthority";
  private static final DecisionTester DECISION = DecisionTester.forDecision(KEY);

  private static final String SPRK = "Sabiedrisko pakalpojumu regulēšanas komisija";
  private static final String PTAC = "Patērētāju tiesību aizsardzības centrs";
  private static final String VERT = "Valstybinė energetikos reguliavimo taryba";
  private static final String VVTAT = "Valstybinė vartotojų teisių apsaugos tarnyba";
  private static final String HOUSING_INSPECTORATE = "Государственная жилищная инспекция";
  private static final String ROSPOTREBNADZOR = "Роспотребнадзор";

  static Stream<Arguments> cases() {
    return Stream.of(
        // rule, country, sector, authority name contains, website
        arguments("LatviaRegulatedUtilities", "LV", "HEATING", SPRK, "https://www.sprk.gov.lv"),
        arguments("LatviaRegulatedUtilities", "LV", "ELECTRICITY", SPRK, "https://www.sprk.gov.lv"),
        arguments("LatviaRegulatedUtilities", "LV", "GAS", SPRK, "https://www.sprk.gov.lv"),
        arguments("LatviaRegulatedUtilities", "LV", "WATER", SPRK, "https://www.sprk.gov.lv"),
        arguments("LatviaOther", "LV", "TRUST_SERVICES", PTAC, "https://www.ptac.gov.lv"),
        arguments("LatviaOther", "LV", "TRANSPORT", PTAC, "https://www.ptac.gov.lv"),
        arguments("LatviaOther", "LV", "OTHER", PTAC, "https://www.ptac.gov.lv"),
        arguments("LatviaOther", "LV", null, PTAC, "https://www.ptac.gov.lv"),
        arguments("LithuaniaEnergyAndWater", "LT", "HEATING", VERT, "https://www.vert.lt"),
        arguments("LithuaniaEnergyAndWater", "LT", "ELECTRICITY", VERT, "https://www.vert.lt"),
        arguments("LithuaniaEnergyAndWater", "LT", "GAS", VERT, "https://www.vert.lt"),
        arguments("LithuaniaEnergyAndWater", "LT", "WATER", VERT, "https://www.vert.lt"),
        arguments("LithuaniaOther", "LT", "TRUST_SERVICES", VVTAT, "https://www.vvtat.lt"),
        arguments("LithuaniaOther", "LT", "TRANSPORT", VVTAT, "https://www.vvtat.lt"),
        arguments("LithuaniaOther", "LT", "OTHER", VVTAT, "https://www.vvtat.lt"),
        arguments(
            "RussiaHousingUtilities",
            "RU",
            "HEATING",
            HOUSING_INSPECTORATE,
            "https://dom.gosuslugi.ru"),
        arguments(
            "RussiaHousingUtilities",
            "RU",
            "WATER",
            HOUSING_INSPECTORATE,
            "https://dom.gosuslugi.ru"),
        arguments(
            "RussiaHousingUtilities",
            "RU",
            "ELECTRICITY",
            HOUSING_INSPECTORATE,
            "https://dom.gosuslugi.ru"),
        arguments(
            "RussiaHousingUtilities",
            "RU",
            "GAS",
            HOUSING_INSPECTORATE,
            "https://dom.gosuslugi.ru"),
        arguments(
            "RussiaOther", "RU", "TRANSPORT", ROSPOTREBNADZOR, "https://www.rospotrebnadzor.ru"),
        arguments(
            "RussiaOther",
            "RU",
            "TRUST_SERVICES",
            ROSPOTREBNADZOR,
            "https://www.rospotrebnadzor.ru"),
        arguments(
            "RussiaOther",
            "RU",
            "SOMETHING_NEW",
            ROSPOTREBNADZOR,
            "https://www.rospotrebnadzor.ru"),
        arguments("UnknownCountry", "EE", "HEATING", "consumer rights protection authority", ""),
        arguments("UnknownCountry", null, null, "consumer rights protection authority", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} / {2}")
  @MethodSource("cases")
  void choosesAuthorityByCountryAndSector(
      String rule, String country, String sector, String name, String website) {
    Map<String, Object> result = DECISION.evaluate(variables("country", country, "sector", sector));

    assertThat(result)
        .containsOnlyKeys(
            "authorityName",
            "authorityAddress",
            "authorityEmail",
            "authorityPhone",
            "authorityWebsite")
        .containsEntry("authorityWebsite", website);
    assertThat((String) result.get("authorityName")).contains(name);
    assertThat(DECISION.matchedRule(KEY)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void knownCountriesGiveUsableContacts(String rule, String country, String sector) {
    Map<String, Object> result = DECISION.evaluate(variables("country", country, "sector", sector));
    if (rule.equals("UnknownCountry")) {
      return;
    }
    assertThat((String) result.get("authorityAddress")).isNotBlank();
    assertThat((String) result.get("authorityWebsite")).startsWith("https://");
    if (!rule.equals("RussiaHousingUtilities")) { // regional: no single e-mail or phone
      assertThat((String) result.get("authorityEmail")).matches("[a-z.]+@[a-z.-]+\\.[a-z]+");
      assertThat((String) result.get("authorityPhone")).matches("\\+\\d[\\d -]+");
    }
  }

  @Test
  void casesCoverEveryRule() {
    DECISION.assertCasesCoverEveryRule(KEY, cases().map(a -> (String) a.get()[0]));
  }
}
