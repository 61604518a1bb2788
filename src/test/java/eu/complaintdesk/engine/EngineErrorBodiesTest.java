package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The rewriting of engine REST error bodies for callers who do not administer, on the filter itself
 * with a chain that answers as the engine REST API does (status and length first, then the JSON
 * body). The application's own answers are in {@code SecurityHeadersIT}.
 */
class EngineErrorBodiesTest {

  final ObjectMapper json = new ObjectMapper();

  @Test
  void exceptionClassAndExpressionTextAreHiddenFromStaff() throws Exception {
    JsonNode error =
        answer(
            false,
            500,
            "{\"type\":\"ProcessEngineException\",\"message\":\"Unable to resolve expression"
                + " ${runtime.exec('x')}\",\"code\":0}");

    assertThat(error.get("type").asText()).isEqualTo("ServerError");
    assertThat(error.get("message").asText()).doesNotContain("${").doesNotContain("expression");
    assertThat(error.get("code").asInt()).isZero();
  }

  @Test
  void clientErrorsKeepTheirMessageUnlessItQuotesAnExpressionOrAClass() throws Exception {
    JsonNode ours =
        answer(
            false,
            400,
            "{\"type\":\"Refusal\",\"message\":\"'reviewedBy' The four-eyes rule:"
                + " you drafted this answer\"}");
    JsonNode expression =
        answer(
            false,
            400,
            "{\"type\":\"BadUserRequestException\",\"message\":\"Unknown property used in"
                + " expression: #{x}\"}");
    JsonNode javaClass =
        answer(
            false,
            400,
            "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot convert value 'a' to"
                + " java type java.lang.Integer\"}");

    assertThat(ours.get("type").asText()).isEqualTo("BadRequest");
    assertThat(ours.get("message").asText())
        .isEqualTo("'reviewedBy' The four-eyes rule: you drafted this answer");
    assertThat(expression.get("message").asText()).isEqualTo("The request is not valid.");
    assertThat(javaClass.get("message").asText()).isEqualTo("The request is not valid.");
  }

  @Test
  void authorizationRefusalsKeepTheTypeTheWebappsRead() throws Exception {
    JsonNode error =
        answer(
            false,
            403,
            "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'manager' does"
                + " not have 'UPDATE' permission on resource 'x' of type 'Task'.\"}");

    assertThat(error.get("type").asText()).isEqualTo("AuthorizationException");
    assertThat(error.get("message").asText()).contains("does not have 'UPDATE' permission");
  }

  @Test
  void administratorsGetTheWholeError() throws Exception {
    String body =
        "{\"type\":\"ProcessEngineException\",\"message\":\"Unable to resolve expression ${x}\"}";

    assertThat(answer(true, 500, body)).isEqualTo(json.readTree(body));
  }

  @Test
  void aRefusalOfOursThatTheRestApiAnswersWith500IsA400WithOurMessage() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/engine-rest/x");
    request.setAttribute(EngineRefusals.ATTRIBUTE, "'registeredBy' is set from who is signed in");
    MockHttpServletResponse response =
        run(
            request,
            false,
            500,
            "{\"type\":\"RestException\",\"message\":\"Cannot instantiate process definition"
                + " StaffComplaintRegistration:1:x: 'registeredBy' is set from who is signed"
                + " in\"}");

    assertThat(response.getStatus()).isEqualTo(400);
    JsonNode error = json.readTree(response.getContentAsByteArray());
    assertThat(error.get("message").asText())
        .isEqualTo("'registeredBy' is set from who is signed in");
    assertThat(error.get("type").asText()).isEqualTo("BadRequest");
  }

  @Test
  void anOptimisticLockingExceptionTheRestApiNamesIsAConflictToRepeat() throws Exception {
    String body =
        "{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution of"
            + " 'UPDATE ExecutionEntity[x]' failed. Entity was updated by another transaction"
            + " concurrently.\"}";
    for (boolean administrator : new boolean[] {false, true}) {
      MockHttpServletResponse response =
          run(
              new MockHttpServletRequest("POST", "/engine-rest/task/x/complete"),
              administrator,
              500,
              body);

      assertThat(response.getStatus()).isEqualTo(409);
      JsonNode error = json.readTree(response.getContentAsByteArray());
      assertThat(error.get("message").asText())
          .isEqualTo(EngineErrorBodies.CONCURRENT_CHANGE)
          .contains("nothing was saved");
      assertThat(error.get("type").asText())
          .isEqualTo(administrator ? "OptimisticLockingException" : "Conflict");
    }
  }

  @Test
  void aConcurrentChangeNotedOnTheRequestTurnsTheCompletionsRestExceptionInto409()
      throws Exception {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/engine-rest/task/x/complete");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    try {
      TaskRuleErrors.Unwrapping unwrapping = new TaskRuleErrors.Unwrapping();
      unwrapping.setNext(
          new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
              throw new OptimisticLockingException("ENGINE-03005 Entity was updated concurrently");
            }
          });
      assertThatThrownBy(() -> unwrapping.execute(context -> null))
          .isInstanceOf(OptimisticLockingException.class);
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    // what TaskResourceImpl.complete answers for any ProcessEngineException but a form error
    MockHttpServletResponse response =
        run(
            request,
            false,
            500,
            "{\"type\":\"RestException\",\"message\":\"Cannot complete task x: ENGINE-03005"
                + " Entity was updated concurrently\"}");

    assertThat(response.getStatus()).isEqualTo(409);
    JsonNode error = json.readTree(response.getContentAsByteArray());
    assertThat(error.get("message").asText()).isEqualTo(EngineErrorBodies.CONCURRENT_CHANGE);
    assertThat(error.get("type").asText()).isEqualTo("Conflict");
  }

  @Test
  void successfulAnswersStreamThroughWithTheirLength() throws Exception {
    MockHttpServletResponse response =
        run(new MockHttpServletRequest("GET", "/engine-rest/x"), false, 200, "[{\"id\":\"1\"}]");

    assertThat(response.getContentAsString()).isEqualTo("[{\"id\":\"1\"}]");
    assertThat(response.getContentLength()).isEqualTo(12);
  }

  private JsonNode answer(boolean administrator, int status, String body) throws Exception {
    MockHttpServletResponse response =
        run(new MockHttpServletRequest("GET", "/engine-rest/x"), administrator, status, body);
    assertThat(response.getStatus()).isEqualTo(status);
    byte[] written = response.getContentAsByteArray();
    assertThat(response.getContentLength()).isEqualTo(written.length);
    return json.readTree(written);
  }

  private MockHttpServletResponse run(
      MockHttpServletRequest request, boolean administrator, int status, String body)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FilterChain engineRest =
        (req, res) -> {
          HttpServletResponse http = (HttpServletResponse) res;
          http.setContentLength(bytes.length);
          http.setHeader("Content-Type", "application/json");
          http.setStatus(status);
          http.getOutputStream().write(bytes);
          http.flushBuffer();
        };
    new EngineErrorBodies.Rewriting(() -> administrator, json)
        .doFilter(request, response, engineRest);
    return response;
  }
}
