package eu.complaintdesk.directory;

import eu.complaintdesk.register.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The other organisations handlers may ask for information: the rows of the decision table {@code
 * OrganisationDirectory} ({@code dmn/OrganisationDirectory.dmn}, hit policy COLLECT, no inputs),
 * which process owners keep in Camunda Modeler and deploy with the models. The latest deployed
 * version counts: a directory entry is a contact, not a rule a running case must keep. A deployment
 * with a broken row is refused ({@link DirectoryDeploymentRule}); should one be deployed anyway (an
 * older deployment), its broken rows are left out and logged by position, never a case's failure.
 */
@Component
public class OrganisationDirectory {

  /** The decision key. */
  public static final String DECISION = "OrganisationDirectory";

  private static final Logger log = LoggerFactory.getLogger(OrganisationDirectory.class);

  private final DecisionService decisions;

  OrganisationDirectory(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** Every valid entry, in the table's order. */
  public List<DirectoryEntry> entries() {
    DirectoryRows.Checked checked = checked();
    checked.problems().forEach(problem -> log.warn("Directory entry left out: {}", problem));
    return checked.entries();
  }

  /** What is wrong with rows of the latest deployed table (empty when nothing is). */
  public List<String> problems() {
    return checked().problems();
  }

  /** The entry with the id, if the directory has one. */
  public Optional<DirectoryEntry> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip();
    return entries().stream().filter(e -> e.id().equals(wanted)).findFirst();
  }

  /**
   * The entries as the options of a form's choice ({@code [{label, value}]}): label the name in the
   * language, value the id.
   */
  public List<Map<String, String>> options(Language language) {
    return entries().stream()
        .map(
            entry -> {
              Map<String, String> option = new LinkedHashMap<>();
              option.put("label", entry.name(language));
              option.put("value", entry.id());
              return option;
            })
        .toList();
  }

  private DirectoryRows.Checked checked() {
    return DirectoryRows.check(
        decisions
            .evaluateDecisionTableByKey(DECISION)
            .variables(Variables.createVariables())
            .evaluate()
            .stream()
            .map(OrganisationDirectory::row)
            .toList());
  }

  static Map<String, Object> row(DmnDecisionRuleResult result) {
    return new LinkedHashMap<>(result.getEntryMap());
  }
}
