package eu.complaintdesk.directory;

import eu.complaintdesk.register.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The other organisations handlers may ask for information: the rows of the decision table {@code
 * OrganisationDirectory} ({@code dmn/OrganisationDirectory.dmn}, hit policy COLLECT, no inputs),
 * which process owners keep in Camunda Modeler and deploy with the models. The latest deployed
 * version counts: a directory entry is a contact, not a rule a running case must keep.
 */
@Component
public class OrganisationDirectory {

  /** The decision key. */
  public static final String DECISION = "OrganisationDirectory";

  private final DecisionService decisions;

  OrganisationDirectory(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** Every entry, in the table's order. */
  public List<DirectoryEntry> entries() {
    return decisions
        .evaluateDecisionTableByKey(DECISION)
        .variables(Variables.createVariables())
        .evaluate()
        .stream()
        .map(OrganisationDirectory::entry)
        .toList();
  }

  /** The entry with the id, if the directory has one. */
  public Optional<DirectoryEntry> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String wanted = id.strip();
    return entries().stream().filter(e -> e.id().equals(wanted)).findFirst();
  }

  private static DirectoryEntry entry(DmnDecisionRuleResult row) {
    Map<Language, String> names = new EnumMap<>(Language.class);
    for (Language language : Language.values()) {
      String name = text(row, "name" + capitalised(language));
      if (name != null) {
        names.put(language, name);
      }
    }
    String language = text(row, "language");
    Object days = row.get("answerWorkingDays");
    return new DirectoryEntry(
        text(row, "organisationId"),
        names,
        text(row, "email"),
        language == null ? Language.en : Language.valueOf(language.toLowerCase(Locale.ROOT)),
        days instanceof Number number ? number.intValue() : 10);
  }

  private static String capitalised(Language language) {
    String code = language.name();
    return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
  }

  private static String text(DmnDecisionRuleResult row, String name) {
    Object value = row.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
