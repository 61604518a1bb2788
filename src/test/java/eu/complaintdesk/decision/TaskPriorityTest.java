package eu.complaintdesk.decision;

import static eu.complaintdesk.decision.DecisionTester.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dmn/TaskPriority.dmn}, rule by rule. */
class TaskPriorityTest {

  private static final String KEY = "TaskPriority";
  private static final DecisionTester DECISION = DecisionTester.forDecision(KEY);

  static Stream<Arguments> cases() {
    return Stream.of(
        // rule, priority, repeat, escalated, task priority
        arguments("High", "HIGH", false, null, 75),
        arguments("High", "HIGH", null, false, 75),
        arguments("HighRepeat", "HIGH", true, null, 85),
        arguments("Normal", "NORMAL", false, false, 50),
        arguments("Normal", "NORMAL", null, null, 50),
        arguments("Normal", null, false, null, 50),
        arguments("Normal", null, null, null, 50),
        arguments("Normal", "URGENT", false, null, 50),
        arguments("NormalRepeat", "NORMAL", true, false, 60),
        arguments("NormalRepeat", null, true, null, 60),
        arguments("Low", "LOW", false, null, 25),
        arguments("Low", "LOW", null, false, 25),
        arguments("LowRepeat", "LOW", true, null, 35),
        // an overdue draft goes to the top, whatever its priority and repeat
        arguments("Escalated", "LOW", false, true, 100),
        arguments("Escalated", "HIGH", true, true, 100),
        arguments("Escalated", null, null, true, 100),
        arguments("Escalated", "URGENT", true, true, 100));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}, repeat {2}, escalated {3} -> {4}")
  @MethodSource("cases")
  void mapsThePriorityAndAddsTheRepeatBonus(
      String rule, String priority, Boolean repeat, Boolean escalated, int taskPriority) {
    assertThat(
            DECISION.evaluate(
                variables("priority", priority, "repeat", repeat, "escalated", escalated)))
        .containsOnlyKeys("taskPriority")
        .containsEntry("taskPriority", taskPriority);
    assertThat(DECISION.matchedRule(KEY)).isEqualTo(rule);
  }

  /** The model's {@code BusinessRuleTask_PrioritiseCase} does not set it: not escalated. */
  @Test
  void escalatedThatIsNotSetCountsAsNotEscalated() {
    assertThat(DECISION.evaluate(variables("priority", "HIGH", "repeat", false)))
        .containsEntry("taskPriority", 75);
    assertThat(DECISION.matchedRule(KEY)).isEqualTo("High");
  }

  @Test
  void casesCoverEveryRule() {
    DECISION.assertCasesCoverEveryRule(KEY, cases().map(a -> (String) a.get()[0]));
  }
}
