package eu.complaintdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Evaluates one decision of {@code dmn/<decisionKey>.dmn} (the project's own file, not a copy) in
 * the standalone DMN engine and remembers which rule matched in the decision and in each decision
 * it requires. Rule ids are {@code DecisionRule_<decision>_<RuleName>}; tests name rules by {@code
 * RuleName}.
 */
final class DecisionTester {

  static final Path DMN_DIRECTORY = Path.of("dmn");

  private final DmnEngine engine;
  private final DmnDecision decision;
  private final DmnModelInstance model;
  private final Map<String, List<String>> matchedRules = new HashMap<>();

  private DecisionTester(String decisionKey) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration)
            DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionEvaluationListeners(List.of(this::recordMatchedRules));
    this.engine = configuration.buildEngine();
    Path file = file(decisionKey);
    try (InputStream in = Files.newInputStream(file)) {
      this.decision = engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
    this.model = Dmn.readModelFromFile(file.toFile());
  }

  /** One engine per tester; create one tester per test class, in a static field. */
  static DecisionTester forDecision(String decisionKey) {
    return new DecisionTester(decisionKey);
  }

  static Path file(String decisionKey) {
    return DMN_DIRECTORY.resolve(decisionKey + ".dmn");
  }

  static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  /** Evaluates the decision and returns its single result (fails unless there is exactly one). */
  Map<String, Object> evaluate(Map<String, Object> variables) {
    matchedRules.clear();
    DmnDecisionResult result = engine.evaluateDecision(decision, variables);
    assertThat(result.getResultList()).as("results for %s", variables).hasSize(1);
    return result.getSingleResult().getEntryMap();
  }

  /** The name of the single rule that matched in {@code decisionKey} at the last evaluation. */
  String matchedRule(String decisionKey) {
    List<String> rules = matchedRules.getOrDefault(decisionKey, List.of());
    assertThat(rules).as("rules of %s that matched", decisionKey).hasSize(1);
    return rules.get(0);
  }

  /** The names of all rules of a decision table in the file. */
  Set<String> ruleNames(String decisionKey) {
    Decision table = model.getModelElementById(decisionKey);
    Set<String> names = new TreeSet<>();
    for (Rule rule : ((DecisionTable) table.getExpression()).getRules()) {
      names.add(ruleName(decisionKey, rule.getId()));
    }
    return names;
  }

  /** Asserts that the given cases name every rule of the decision table, and only existing ones. */
  void assertCasesCoverEveryRule(String decisionKey, Stream<String> expectedRulesOfCases) {
    Set<String> covered = new TreeSet<>();
    expectedRulesOfCases.forEach(covered::add);
    assertThat(covered)
        .as("rules of %s hit by the test cases", decisionKey)
        .containsExactlyInAnyOrderElementsOf(ruleNames(decisionKey));
  }

  private void recordMatchedRules(DmnDecisionEvaluationEvent event) {
    record(event.getDecisionResult());
    event.getRequiredDecisionResults().forEach(this::record);
  }

  private void record(DmnDecisionLogicEvaluationEvent event) {
    if (event instanceof DmnDecisionTableEvaluationEvent tableEvent) {
      String key = tableEvent.getDecision().getKey();
      List<String> names = new ArrayList<>();
      for (DmnEvaluatedDecisionRule rule : tableEvent.getMatchingRules()) {
        names.add(ruleName(key, rule.getId()));
      }
      matchedRules.put(key, names);
    }
  }

  private static String ruleName(String decisionKey, String ruleId) {
    String prefix = "DecisionRule_" + decisionKey + "_";
    assertThat(ruleId).as("rule id").startsWith(prefix);
    return ruleId.substring(prefix.length());
  }
}
