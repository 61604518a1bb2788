package eu.complaintdesk.decision;

import static eu.complaintdesk.decision.DecisionTester.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dmn/RouteComplaint.dmn}, rule by rule. */
class RouteComplaintTest {

  private static final String KEY = "RouteComplaint";
  private static final DecisionTester DECISION = DecisionTester.forDecision(KEY);

  static Stream<Arguments> cases() {
    return Stream.of(
        // rule, feedbackType, category, priority, candidateGroup
        arguments("Proposal", "PROPOSAL", "BILLING", "LOW", "process-owners"),
        arguments("Proposal", "PROPOSAL", "HEATING_QUALITY", "HIGH", "process-owners"),
        arguments("Proposal", "PROPOSAL", null, null, "process-owners"),
        arguments("Praise", "PRAISE", "HEATING_QUALITY", "LOW", "dept-customer-service"),
        arguments("Praise", "PRAISE", "E_SERVICES", "LOW", "dept-customer-service"),
        arguments("Billing", "SERVICE_COMPLAINT", "BILLING", "NORMAL", "dept-billing"),
        arguments("Billing", "CUSTOMER_SERVICE_COMPLAINT", "CONTRACT", "NORMAL", "dept-billing"),
        arguments("Billing", "INFORMATION_REQUEST", "BILLING", "NORMAL", "dept-billing"),
        arguments("Network", "SERVICE_COMPLAINT", "SUPPLY_INTERRUPTION", "HIGH", "dept-network"),
        arguments("Network", "INFORMATION_REQUEST", "CONNECTION", "NORMAL", "dept-network"),
        arguments(
            "HeatQuality", "SERVICE_COMPLAINT", "HEATING_QUALITY", "HIGH", "dept-heat-quality"),
        arguments(
            "HeatQuality", "SERVICE_COMPLAINT", "HOT_WATER_QUALITY", "HIGH", "dept-heat-quality"),
        arguments("Metering", "SERVICE_COMPLAINT", "METERING", "NORMAL", "dept-metering"),
        arguments(
            "CustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            "STAFF_CONDUCT",
            "NORMAL",
            "dept-customer-service"),
        arguments(
            "CustomerService",
            "CUSTOMER_SERVICE_COMPLAINT",
            "HOTLINE_REACHABILITY",
            "NORMAL",
            "dept-customer-service"),
        arguments(
            "CustomerService", "SERVICE_COMPLAINT", "OTHER", "NORMAL", "dept-customer-service"),
        arguments("Digital", "SERVICE_COMPLAINT", "E_SERVICES", "NORMAL", "dept-digital"),
        arguments(
            "UnknownCategory",
            "SERVICE_COMPLAINT",
            "WATER_LEAK",
            "NORMAL",
            "dept-customer-service"),
        arguments("UnknownCategory", "SERVICE_COMPLAINT", null, "NORMAL", "dept-customer-service"),
        arguments("UnknownCategory", null, null, null, "dept-customer-service"));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} / {2} / {3} goes to {4}")
  @MethodSource("cases")
  void routesToCandidateGroup(
      String rule, String feedbackType, String category, String priority, String candidateGroup) {
    assertThat(
            DECISION.evaluate(
                variables(
                    "feedbackType", feedbackType, "category", category, "priority", priority)))
        .containsOnlyKeys("candidateGroup")
        .containsEntry("candidateGroup", candidateGroup);
    assertThat(DECISION.matchedRule(KEY)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "[{index}] {0} with priority HIGH, NORMAL, LOW or none")
  @CsvSource({
    "BILLING, dept-billing",
    "SUPPLY_INTERRUPTION, dept-network",
    "HEATING_QUALITY, dept-heat-quality",
    "METERING, dept-metering",
    "STAFF_CONDUCT, dept-customer-service",
    "E_SERVICES, dept-digital"
  })
  void priorityDoesNotChangeTheDepartment(String category, String candidateGroup) {
    for (String priority : new String[] {"HIGH", "NORMAL", "LOW", null}) {
      assertThat(
              DECISION.evaluate(
                  variables(
                      "feedbackType",
                      "SERVICE_COMPLAINT",
                      "category",
                      category,
                      "priority",
                      priority)))
          .containsEntry("candidateGroup", candidateGroup);
    }
  }

  @Test
  void casesCoverEveryRule() {
    DECISION.assertCasesCoverEveryRule(KEY, cases().map(a -> (String) a.get()[0]));
  }
}
