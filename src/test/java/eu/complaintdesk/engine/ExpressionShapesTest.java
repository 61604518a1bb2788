package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionShapesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "registrars",
        "R3/PT5M",
        "${sendAcknowledgementDelegate}",
        "${ responseDueAt }",
        "${!complete}",
        "${! complete}",
        "${feedbackType == 'PRAISE'}",
        "${feedbackType != \"PROPOSAL\"}",
        "${attempts >= 3}",
        "${amount < -2.5}",
        "${answerApproved == true}",
        "${outcome == null}",
        "${priority == taskPriority}",
        "${null}",
        "${a == '}'}",
        " ${candidateGroup} "
      })
  void namesNegationsAndComparisonsAreAllowed(String text) {
    assertThat(ExpressionShapes.allowed(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${decisionResult.getSingleResult().candidateGroup}",
        "${organisation.sector()}",
        "${complaintRegister.classificationText(complaintId)}",
        "${execution.processInstanceId}",
        "${''.getClass().forName('java.lang.Runtime')}",
        "${x[0]}",
        "${a == b.c}",
        "${a == b()}",
        "${a + 1}",
        "${a == 1 && b}",
        "${empty a}",
        "${a ? b : c}",
        "${fn:x()}",
        "#{sendAcknowledgementDelegate}",
        "${ok} and #{x}",
        "${ok}${bad.call()}",
        "${a == 'it\\'s'}",
        "${unclosed",
        "\\${escaped.call()}",
        "${a == b == c}",
        // text beside an expression turns whatever the name reaches into text
        "env: ${systemEnvironment}",
        "dept-${candidateGroup}, supervisors",
        "${a}${b}"
      })
  void methodCallsPathsFunctionsAndDeferredExpressionsAreRefused(String text) {
    assertThat(ExpressionShapes.allowed(text)).isFalse();
  }
}
