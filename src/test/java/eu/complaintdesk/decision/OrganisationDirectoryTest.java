package eu.complaintdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The directory of other organisations as the file gives it: every row a usable entry. */
class OrganisationDirectoryTest {

  private static List<Map<String, Object>> rows;

  @BeforeAll
  static void evaluate() throws Exception {
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(DecisionTester.file("OrganisationDirectory"))) {
      DmnDecision decision = engine.parseDecision("OrganisationDirectory", in);
      rows = engine.evaluateDecisionTable(decision, Map.of()).getResultList();
    }
  }

  @Test
  void everyRowIsAnEntryWithAUniqueIdANameInEveryLanguageAndAnAnswerTime() {
    assertThat(rows).isNotEmpty();
    assertThat(rows.stream().map(r -> r.get("organisationId")).distinct()).hasSameSizeAs(rows);
    for (Map<String, Object> row : rows) {
      assertThat((String) row.get("organisationId")).matches("[a-z0-9]+(-[a-z0-9]+)*");
      for (String name : List.of("nameLv", "nameRu", "nameLt", "nameEn")) {
        assertThat((String) row.get(name)).as("%s of %s", name, row).isNotBlank();
      }
      assertThat((String) row.get("language")).isIn("lv", "ru", "lt", "en");
      assertThat(((Number) row.get("answerWorkingDays")).intValue()).isBetween(1, 60);
    }
  }

  @Test
  void theDefaultRunShipsTheBuildingManagerOfTheContract() {
    assertThat(rows)
        .anySatisfy(
            row -> {
              assertThat(row.get("organisationId")).isEqualTo("building-manager");
              assertThat(row.get("email")).isEqualTo("building-manager@partners.example");
            });
    assertThat(rows).allSatisfy(row -> assertThat((String) row.get("email")).endsWith(".example"));
  }
}
