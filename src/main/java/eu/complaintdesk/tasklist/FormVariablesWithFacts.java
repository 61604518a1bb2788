package eu.complaintdesk.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A task form's case facts ({@link CaseFacts}) reach it with the task's variables: Tasklist reads a
 * Camunda Form's variables with {@code GET …/task/{id}/form-variables} (engine REST, and the
 * webapps' {@code /camunda/api/engine/engine/default/…} that Tasklist itself calls), and when the
 * engine has answered that request with 200 — it has checked that the signed-in user may read the
 * task's variables — the facts of the task's case, computed now ({@link TaskFormFacts}), are added
 * to the answer as String variables in the engine's JSON shape ({@code {"type": "String", "value":
 * …, "valueInfo": {}}}). Only the task id in the path the engine answered chooses the case; an
 * answer other than 200 (403, 404, an error) and every other request pass unchanged. A request that
 * names its variables ({@code variableNames}) gets only the facts it names. For a task of the
 * complaint process any {@code caseFile…} variable the engine answered with (stored on a task
 * created before the facts were computed) is replaced by the current facts.
 */
@Configuration(proxyBeanMethods = false)
class FormVariablesWithFacts {

  private static final Logger log = LoggerFactory.getLogger(FormVariablesWithFacts.class);

  /**
   * A task's form variables, on engine REST (default or named engine) and on the webapps' engine
   * API; group 1 is the task id (ids as the engine makes them: digits, letters, dashes).
   */
  static final Pattern FORM_VARIABLES =
      Pattern.compile(
          "(?:/engine-rest(?:/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
              + "/task/([A-Za-z0-9-]{1,64})/form-variables");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> formVariablesWithFactsFilter(
      TaskFormFacts facts, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Adding(facts::of, json));
    registration.setName("form-variables-with-facts");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }

  /** The task id of a request for a task's form variables, or none. */
  static Optional<String> taskId(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())) {
      return Optional.empty();
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher matcher = FORM_VARIABLES.matcher(path);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  static final class Adding extends OncePerRequestFilter {

    private final Function<String, Optional<Map<String, Object>>> facts;
    private final ObjectMapper json;

    Adding(Function<String, Optional<Map<String, Object>>> facts, ObjectMapper json) {
      this.facts = facts;
      this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return taskId(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, answer);
      if (answer.getStatus() == HttpServletResponse.SC_OK) {
        byte[] added = withFacts(request, answer.getContentAsByteArray());
        if (added != null) {
          answer.resetBuffer();
          answer.getOutputStream().write(added);
        }
      }
      answer.copyBodyToResponse();
    }

    /** The engine's answer with the task's facts, or {@code null} to leave it as it is. */
    private byte[] withFacts(HttpServletRequest request, byte[] body) {
      try {
        JsonNode variables = json.readTree(body);
        if (!(variables instanceof ObjectNode answer)) {
          return null;
        }
        Optional<Map<String, Object>> shown = facts.apply(taskId(request).orElseThrow());
        if (shown.isEmpty()) {
          return null;
        }
        Set<String> named = named(request);
        List<String> stored = new ArrayList<>();
        answer
            .fieldNames()
            .forEachRemaining(
                name -> {
                  if (name.startsWith(CaseFacts.PREFIX)) {
                    stored.add(name);
                  }
                });
        answer.remove(stored);
        shown.get().entrySet().stream()
            .filter(fact -> named == null || named.contains(fact.getKey()))
            .forEach(fact -> answer.set(fact.getKey(), stringVariable(fact.getValue())));
        return json.writeValueAsBytes(answer);
      } catch (IOException | RuntimeException e) {
        // The form still opens with the engine's answer; the message may quote a customer's text.
        log.warn("Case facts not added to a task's form variables: {}", e.getClass().getName());
        return null;
      }
    }

    /** A String variable as the engine's REST API writes one. */
    private ObjectNode stringVariable(Object value) {
      ObjectNode variable = json.createObjectNode();
      variable.put("type", "String");
      variable.put("value", String.valueOf(value));
      variable.putObject("valueInfo");
      return variable;
    }

    /** The names the request asks for ({@code variableNames=a,b}), or {@code null} for all. */
    private static Set<String> named(HttpServletRequest request) {
      String names = request.getParameter("variableNames");
      if (names == null) {
        return null;
      }
      return Arrays.stream(names.split(","))
          .map(String::strip)
          .filter(name -> !name.isEmpty())
          .collect(Collectors.toSet());
    }
  }
}
