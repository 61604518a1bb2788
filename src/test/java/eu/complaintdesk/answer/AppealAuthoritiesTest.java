package eu.complaintdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authority's name in the case's language, the contacts on one line. */
class AppealAuthoritiesTest {

  private static final String SPRK = "Sabiedrisko pakalpojumu regulēšanas komisija";
  private static final String SPRK_RU =
      "Комиссия по регулированию общественных услуг (" + SPRK + ")";

  private final AppealAuthorities authorities = new AppealAuthorities();

  private static Map<String, Object> commission() {
    Map<String, Object> authority = new HashMap<>();
    authority.put("authorityName", SPRK);
    authority.put("authorityAddress", "Unijas iela 45, Rīga, LV-1039, Latvija");
    authority.put("authorityEmail", "sprk@sprk.gov.lv");
    authority.put("authorityPhone", "+371 67097200");
    authority.put("authorityWebsite", "https://www.sprk.gov.lv");
    authority.put("authorityNameLv", SPRK);
    authority.put("authorityNameRu", SPRK_RU);
    authority.put("authorityNameLt", "");
    return authority;
  }

  @Test
  void nameIsTheCaseLanguagesColumn() {
    assertThat(authorities.name(commission(), "ru")).isEqualTo(SPRK_RU);
    assertThat(authorities.name(commission(), "lv")).isEqualTo(SPRK);
  }

  @Test
  void withoutTheLanguagesColumnTheOfficialName() {
    // a blank cell, a column the table lacks (a table deployed before issue 14), no language
    assertThat(authorities.name(commission(), "lt")).isEqualTo(SPRK);
    assertThat(authorities.name(commission(), "en")).isEqualTo(SPRK);
    assertThat(authorities.name(commission(), null)).isEqualTo(SPRK);
    assertThat(authorities.name(commission(), " ")).isEqualTo(SPRK);
  }

  @Test
  void contactsLeaveOutWhatIsBlank() {
    Map<String, Object> housing = new HashMap<>(commission());
    housing.put("authorityAddress", "");
    housing.put("authorityWebsite", "");

    assertThat(authorities.contacts(commission()))
        .isEqualTo(
            "Unijas iela 45, Rīga, LV-1039, Latvija; +371 67097200; sprk@sprk.gov.lv;"
                + " https://www.sprk.gov.lv");
    assertThat(authorities.contacts(housing)).isEqualTo("+371 67097200; sprk@sprk.gov.lv");
  }
}
