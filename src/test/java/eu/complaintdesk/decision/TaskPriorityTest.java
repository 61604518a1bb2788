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
        // rule, priority, repeat, task priority
        arguments("High", "HIGH", false, 75),
        arguments("High", "HIGH", null, 75),
        arguments("HighRepeat", "HIGH", true, 85),
        arguments("Normal", "NORMAL", false, 50),
        arguments("Normal", "NORMAL", null, 50),
        arguments("Normal", null, false, 50),
        arguments("Normal", null, null, 50),
        arguments("Normal", "URGENT", false, 50),
        arguments("NormalRepeat", "NORMAL", true, 60),
        arguments("NormalRepeat", null, true, 60),
        arguments("Low", "LOW", false, 25),
        arguments("Low", "LOW", null, 25),
        arguments("LowRepeat", "LOW", true, 35));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}, repeat {2} -> {3}")
  @MethodSource("cases")
  void mapsThePriorityAndAddsTheRepeatBonus(
      String rule, String priority, Boolean repeat, int taskPriority) {
    assertThat(DECISION.evaluate(variables("priority", priority, "repeat", repeat)))
        .containsOnlyKeys("taskPriority")
        .containsEntry("taskPriority", taskPriority);
    assertThat(DECISION.matchedRule(KEY)).isEqualTo(rule);
  }

  @Test
  void casesCoverEveryRule() {
    DECISION.assertCasesCoverEveryRule(KEY, cases().map(a -> (String) a.get()[0]));
  }
}
