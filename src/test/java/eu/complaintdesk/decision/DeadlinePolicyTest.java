package eu.complaintdesk.decision;

import static eu.complaintdesk.decision.DecisionTester.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dmn/DeadlinePolicy.dmn}, rule by rule. */
class DeadlinePolicyTest {

  private static final String KEY = "DeadlinePolicy";
  private static final DecisionTester DECISION = DecisionTester.forDecision(KEY);

  static Stream<Arguments> cases() {
    return Stream.of(
        // rule, feedbackType, extended, response, reminder before, missing-information wait, survey
        arguments("Complaint", "SERVICE_COMPLAINT", false, 10, 2, 10, 14),
        arguments("Complaint", "CUSTOMER_SERVICE_COMPLAINT", false, 10, 2, 10, 14),
        arguments("Complaint", "SERVICE_COMPLAINT", null, 10, 2, 10, 14),
        arguments("Complaint", null, false, 10, 2, 10, 14),
        arguments("Complaint", null, null, 10, 2, 10, 14),
        arguments("Complaint", "SOMETHING_NEW", false, 10, 2, 10, 14),
        arguments("ComplaintExtended", "SERVICE_COMPLAINT", true, 20, 2, 10, 14),
        arguments("ComplaintExtended", "CUSTOMER_SERVICE_COMPLAINT", true, 20, 2, 10, 14),
        arguments("ComplaintExtended", null, true, 20, 2, 10, 14),
        arguments("InformationRequest", "INFORMATION_REQUEST", false, 1, 0, 10, 14),
        arguments("InformationRequest", "INFORMATION_REQUEST", true, 1, 0, 10, 14),
        arguments("InformationRequest", "INFORMATION_REQUEST", null, 1, 0, 10, 14),
        arguments("Proposal", "PROPOSAL", false, 10, 2, 10, 14),
        arguments("Proposal", "PROPOSAL", null, 10, 2, 10, 14),
        arguments("ProposalExtended", "PROPOSAL", true, 20, 2, 10, 14),
        arguments("Praise", "PRAISE", false, 10, 2, 10, 14),
        arguments("Praise", "PRAISE", true, 10, 2, 10, 14));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}, extended {2} -> {3} working days")
  @MethodSource("cases")
  void setsDeadlinesByFeedbackType(
      String rule,
      String feedbackType,
      Boolean extended,
      int response,
      int reminderBefore,
      int informationWait,
      int surveyValidity) {
    Map<String, Object> result =
        DECISION.evaluate(variables("feedbackType", feedbackType, "extended", extended));

    assertThat(result)
        .containsOnlyKeys(
            "responseWorkingDays",
            "reminderWorkingDaysBefore",
            "missingInformationWaitWorkingDays",
            "surveyValidityDays")
        .containsEntry("responseWorkingDays", response)
        .containsEntry("reminderWorkingDaysBefore", reminderBefore)
        .containsEntry("missingInformationWaitWorkingDays", informationWait)
        .containsEntry("surveyValidityDays", surveyValidity);
    assertThat(result.values()).allSatisfy(value -> assertThat(value).isInstanceOf(Integer.class));
    assertThat(DECISION.matchedRule(KEY)).isEqualTo(rule);
  }

  @Test
  void missingVariablesGiveTheComplaintDeadline() {
    assertThat(DECISION.evaluate(variables())).containsEntry("responseWorkingDays", 10);
    assertThat(DECISION.matchedRule(KEY)).isEqualTo("Complaint");
  }

  @Test
  void casesCoverEveryRule() {
    DECISION.assertCasesCoverEveryRule(KEY, cases().map(a -> (String) a.get()[0]));
  }
}
