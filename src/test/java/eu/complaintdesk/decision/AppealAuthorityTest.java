package eu.complaintdesk.decision;

import static eu.complaintdesk.decision.DecisionTester.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
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
        arguments("RussiaHousingUtilities", "RU", "HEATING", HOUSING_INSPECTORATE, ""),
        arguments("RussiaHousingUtilities", "RU", "WATER", HOUSING_INSPECTORATE, ""),
        arguments("RussiaHousingUtilities", "RU", "ELECTRICITY", HOUSING_INSPECTORATE, ""),
        arguments("RussiaHousingUtilities", "RU", "GAS", HOUSING_INSPECTORATE, ""),
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
            "authorityWebsite",
            "authorityNameLv",
            "authorityNameRu",
            "authorityNameLt",
            "authorityNameEn")
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
    if (rule.equals("RussiaHousingUtilities")) {
      // regional: one inspectorate per region, so no single address, e-mail, phone or website; the
      // federal housing portal is not an inspectorate's website (issue 14)
      assertThat(result)
          .containsEntry("authorityAddress", "")
          .containsEntry("authorityEmail", "")
          .containsEntry("authorityPhone", "")
          .containsEntry("authorityWebsite", "");
      return;
    }
    assertThat((String) result.get("authorityAddress")).isNotBlank();
    assertThat((String) result.get("authorityWebsite")).startsWith("https://");
    assertThat((String) result.get("authorityEmail")).matches("[a-z.]+@[a-z.-]+\\.[a-z]+");
    assertThat((String) result.get("authorityPhone")).matches("\\+\\d[\\d -]+");
  }

  /** The official name's language: the country's (the generic row has no official name). */
  private static final Map<String, String> OFFICIAL_LANGUAGE =
      Map.of("LV", "Lv", "LT", "Lt", "RU", "Ru");

  /**
   * Issue 14: the customer reads the authority's name in their language, with the official name in
   * brackets where that is another language's; in the official language, the official name alone.
   * Russian rows put the official short name (Роспотребнадзор) or the whole official name there.
   */
  @ParameterizedTest(name = "[{index}] {0}: {1} / {2}")
  @MethodSource("cases")
  void everyLanguageReadsTheNameInItsOwnWordsWithTheOfficialNameInBrackets(
      String rule, String country, String sector) {
    Map<String, Object> result = DECISION.evaluate(variables("country", country, "sector", sector));
    String official = (String) result.get("authorityName");
    String officialLanguage = country == null ? null : OFFICIAL_LANGUAGE.get(country);
    for (String language : List.of("Lv", "Ru", "Lt", "En")) {
      String name = (String) result.get("authorityName" + language);
      assertThat(name).as(language).isNotBlank().doesNotContain("\"");
      if (officialLanguage == null) {
        assertThat(name).as(language + ": a generic name, nothing in brackets").doesNotContain("(");
      } else if (language.equals(officialLanguage)) {
        assertThat(name).as(language).isEqualTo(official);
      } else {
        String bracketed = name.substring(name.lastIndexOf('(') + 1, name.length() - 1);
        assertThat(name).as(language).endsWith(")").doesNotStartWith("(");
        assertThat(official).as(language + ": official name in brackets").contains(bracketed);
      }
    }
    assertThat((String) result.get("authorityNameEn"))
        .as("English in English letters but for the official name")
        .matches("[A-Za-z ,.'-]+( \\(.+\\))?");
  }

  @Test
  void russianCustomersOfALatvianUtilityReadTheCommissionInRussian() {
    Map<String, Object> result = DECISION.evaluate(variables("country", "LV", "sector", "HEATING"));

    assertThat(result)
        .containsEntry(
            "authorityNameRu",
            "Комиссия по регулированию общественных услуг"
                + " (Sabiedrisko pakalpojumu regulēšanas komisija)");
  }

  @Test
  void casesCoverEveryRule() {
    DECISION.assertCasesCoverEveryRule(KEY, cases().map(a -> (String) a.get()[0]));
  }
}
