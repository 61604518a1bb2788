package eu.complaintdesk.decision;

import static eu.complaintdesk.decision.DecisionTester.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code dmn/RequiredInformation.dmn}, rule by rule. */
class RequiredInformationTest {

  private static final String KEY = "RequiredInformation";
  private static final DecisionTester DECISION = DecisionTester.forDecision(KEY);

  private static final String FIELD_CODES =
      "customerNumber|address|phone|email|meterNumber|meterReading|invoiceNumber|contractNumber"
          + "|incidentTime|staffMemberOrLocation";

  static Stream<Arguments> cases() {
    return Stream.of(
        // rule, category, requiredData, requiredDocuments
        arguments("Billing", "BILLING", "customerNumber,invoiceNumber", ""),
        arguments("SupplyInterruption", "SUPPLY_INTERRUPTION", "address,incidentTime,phone", ""),
        arguments("HeatingQuality", "HEATING_QUALITY", "address,incidentTime", ""),
        arguments("HotWaterQuality", "HOT_WATER_QUALITY", "address,incidentTime", ""),
        arguments(
            "Metering",
            "METERING",
            "customerNumber,address,meterNumber,meterReading",
            "Photo of the meter showing its number and reading"),
        arguments("Connection", "CONNECTION", "address,phone", ""),
        arguments("Contract", "CONTRACT", "customerNumber,contractNumber", ""),
        arguments("StaffConduct", "STAFF_CONDUCT", "incidentTime,staffMemberOrLocation", ""),
        arguments("HotlineReachability", "HOTLINE_REACHABILITY", "phone,incidentTime", ""),
        arguments(
            "EServices",
            "E_SERVICES",
            "email,incidentTime",
            "Screenshot of the error message, if there was one"),
        arguments("Other", "OTHER", "", ""),
        arguments("UnknownCategory", "WATER_LEAK", "", ""),
        arguments("UnknownCategory", "billing", "", ""),
        arguments("UnknownCategory", "", "", ""),
        arguments("UnknownCategory", null, "", ""));
  }

  @ParameterizedTest(name = "[{index}] {0}: {1} needs \"{2}\"")
  @MethodSource("cases")
  void requiresDataAndDocumentsByCategory(
      String rule, String category, String requiredData, String requiredDocuments) {
    assertThat(DECISION.evaluate(variables("category", category)))
        .containsOnlyKeys("requiredData", "requiredDocuments")
        .containsEntry("requiredData", requiredData)
        .containsEntry("requiredDocuments", requiredDocuments);
    assertThat(DECISION.matchedRule(KEY)).isEqualTo(rule);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("cases")
  void requiredDataIsACommaSeparatedListOfKnownFieldCodes(String rule, String category) {
    String requiredData =
        (String) DECISION.evaluate(variables("category", category)).get("requiredData");
    assertThat(requiredData).matches("^$|^(" + FIELD_CODES + ")(,(" + FIELD_CODES + "))*$");
  }

  @Test
  void casesCoverEveryRule() {
    DECISION.assertCasesCoverEveryRule(KEY, cases().map(a -> (String) a.get()[0]));
  }
}
