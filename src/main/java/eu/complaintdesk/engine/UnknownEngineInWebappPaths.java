package eu.complaintdesk.engine;

import eu.complaintdesk.http.RequestPaths;
import eu.complaintdesk.problem.ProblemAnswer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A webapp's start page names its engine ({@code /camunda/app/tasklist/default/}). Camunda 7.24's
 * webapp filter serves it for any name, and for an engine that does not exist ({@code
 * /camunda/app/tasklist/assets/}) fails with a NullPointerException: a 500 and eighty lines of log
 * for every such request, from anyone, signed in or not. This answers those 404 before it.
 */
@Configuration(proxyBeanMethods = false)
class UnknownEngineInWebappPaths {

  private static final Pattern START_PAGE = Pattern.compile("^/camunda/app/[\\w-]+/([\\w-]+)/?$");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> unknownEngineRefusal(ProcessEngine engine) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Refusal(engine.getName()));
    registration.setName("unknown-engine-in-webapp-paths");
    registration.addUrlPatterns("/camunda/app/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }

  static final class Refusal extends OncePerRequestFilter {

    private final String engineName;

    Refusal(String engineName) {
      this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Matcher startPage = START_PAGE.matcher(RequestPaths.of(request));
      if (startPage.matches() && !startPage.group(1).equals(engineName)) {
        ProblemAnswer.write(request, response, HttpStatus.NOT_FOUND, "No such page.");
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
