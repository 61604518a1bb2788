package eu.complaintdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The directory's rows are checked (id shape, unique ids, known language, e-mail shape or empty,
 * days 1–60) and a deployment with a broken row is refused, each broken row named.
 */
class DirectoryRowsTest {

  private static final Path TABLE = Path.of("dmn/OrganisationDirectory.dmn");

  @Test
  void aValidRowIsAnEntryWithItsNamesLanguageAddressAndDays() {
    DirectoryRows.Checked checked = DirectoryRows.check(List.of(row("water-utility")));

    assertThat(checked.problems()).isEmpty();
    assertThat(checked.entries())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.id()).isEqualTo("water-utility");
              assertThat(entry.name(Language.lv)).isEqualTo("Ūdensapgāde");
              assertThat(entry.name(Language.ru)).isEqualTo("Water utility"); // its own language
              assertThat(entry.email()).isEqualTo("water@partners.example");
              assertThat(entry.language()).isEqualTo(Language.en);
              assertThat(entry.answerWorkingDays()).isEqualTo(7);
            });
  }

  @Test
  void anEntryWithoutAnAddressIsReachedByPhoneOrPost() {
    Map<String, Object> row = row("post-only");
    row.put("email", "");

    assertThat(DirectoryRows.check(List.of(row)).entries())
        .singleElement()
        .satisfies(entry -> assertThat(entry.email()).isNull());
  }

  @Test
  void eachBrokenRuleIsNamedWithTheRowAndTheRowLeftOut() {
    Map<String, Object> badId = row("Water Utility");
    Map<String, Object> badLanguage = row("gas-utility");
    badLanguage.put("language", "de");
    Map<String, Object> badEmail = row("heat-utility");
    badEmail.put("email", "heat at partners");
    Map<String, Object> badDays = row("slow-utility");
    badDays.put("answerWorkingDays", 61);
    Map<String, Object> noDays = row("lazy-utility");
    noDays.remove("answerWorkingDays");
    Map<String, Object> twice = row("water-utility");

    DirectoryRows.Checked checked =
        DirectoryRows.check(
            List.of(row("water-utility"), badId, badLanguage, badEmail, badDays, noDays, twice));

    assertThat(checked.entries()).extracting(DirectoryEntry::id).containsExactly("water-utility");
    assertThat(checked.problems())
        .hasSize(6)
        .satisfiesExactly(
            p -> assertThat(p).startsWith("OrganisationDirectory row 2:").contains("the id must"),
            p ->
                assertThat(p)
                    .startsWith("OrganisationDirectory row 3 (gas-utility)")
                    .contains("language"),
            p ->
                assertThat(p)
                    .startsWith("OrganisationDirectory row 4 (heat-utility)")
                    .contains("e-mail"),
            p ->
                assertThat(p)
                    .startsWith("OrganisationDirectory row 5 (slow-utility)")
                    .contains("1 to 60"),
            p ->
                assertThat(p)
                    .startsWith("OrganisationDirectory row 6 (lazy-utility)")
                    .contains("1 to 60"),
            p ->
                assertThat(p)
                    .startsWith("OrganisationDirectory row 7 (water-utility)")
                    .contains("earlier row"));
    // the problems name rows and ids, never an address
    assertThat(String.join(" ", checked.problems())).doesNotContain("heat at partners");
  }

  @Test
  void theShippedTableIsDeployable() throws Exception {
    assertThat(new DirectoryDeploymentRule().problems(TABLE.toString(), Files.readAllBytes(TABLE)))
        .isEmpty();
  }

  @Test
  void aTableWithABrokenRowIsRefusedAtDeploymentNamingTheRow() throws Exception {
    String table = Files.readString(TABLE, StandardCharsets.UTF_8);
    String broken = table.replace("\"building-manager@partners.example\"", "\"building-manager\"");
    assertThat(broken).isNotEqualTo(table);

    assertThat(
            new DirectoryDeploymentRule()
                .problems("OrganisationDirectory.dmn", broken.getBytes(StandardCharsets.UTF_8)))
        .singleElement()
        .asString()
        .contains("(building-manager)", "e-mail");
  }

  @Test
  void otherResourcesAreNotTheRulesConcern() throws Exception {
    DirectoryDeploymentRule rule = new DirectoryDeploymentRule();
    assertThat(
            rule.problems(
                "RouteComplaint.dmn", Files.readAllBytes(Path.of("dmn/RouteComplaint.dmn"))))
        .isEmpty();
    assertThat(rule.problems("Form_DraftAnswer.form", "{}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  private static Map<String, Object> row(String id) {
    Map<String, Object> row = new HashMap<>();
    row.put("organisationId", id);
    row.put("nameLv", "Ūdensapgāde");
    row.put("nameEn", "Water utility");
    row.put("email", "water@partners.example");
    row.put("language", "en");
    row.put("answerWorkingDays", 7);
    return row;
  }
}
