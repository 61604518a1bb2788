package eu.complaintdesk.directory;

import eu.complaintdesk.engine.DeployedDecisions;
import eu.complaintdesk.register.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The other organisations handlers may ask for information: the rows of the decision table {@code
 * OrganisationDirectory} ({@code dmn/OrganisationDirectory.dmn}, hit policy COLLECT, no inputs),
 * which process owners keep in Camunda Modeler and deploy with the models. The latest deployed
 * version counts: a directory entry is a contact, not a rule a running case must keep. It is read
 * from the engine's deployment cache and evaluated here, once per deployed version (no decision
 * history for every look-up, no authorization the reader needs). A deployment with a broken row is
 * refused ({@link DirectoryDeploymentRule}); should one be deployed anyway (an older deployment),
 * its broken rows are left out and logged once by position, never a case's failure.
 */
@Component
public class OrganisationDirectory {

  /** The decision key. */
  public static final String DECISION = "OrganisationDirectory";

  /** Versions remembered: the latest one is read; a few more cover a deployment under way. */
  private static final int REMEMBERED = 8;

  private static final Logger log = LoggerFactory.getLogger(OrganisationDirectory.class);

  private final DeployedDecisions deployed;
  private final Map<String, DirectoryRows.Checked> versions = new ConcurrentHashMap<>();

  OrganisationDirectory(DeployedDecisions deployed) {
    this.deployed = deployed;
  }

  /** Every valid entry, in the table's order; none when no directory is deployed. */
  public List<DirectoryEntry> entries() {
    return checked().entries();
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
    Optional<DeployedDecisions.Latest> latest = deployed.latest(DECISION);
    if (latest.isEmpty()) {
      return new DirectoryRows.Checked(List.of(), List.of());
    }
    DirectoryRows.Checked known = versions.get(latest.get().definitionId());
    if (known != null) {
      return known;
    }
    DirectoryRows.Checked checked;
    try {
      checked = DirectoryRows.evaluate(latest.get().model());
    } catch (IllegalArgumentException broken) {
      checked = new DirectoryRows.Checked(List.of(), List.of(broken.getMessage()));
    }
    checked.problems().forEach(problem -> log.warn("Directory entry left out: {}", problem));
    if (versions.size() >= REMEMBERED) {
      versions.clear();
    }
    versions.put(latest.get().definitionId(), checked);
    return checked;
  }
}
