package eu.complaintdesk.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A database outage is answered 503 with {@code Retry-After} ({@link OutageAnswer}) wherever it
 * surfaces, instead of 500:
 *
 * <ul>
 *   <li>in our controllers (API and public pages): a {@link HandlerExceptionResolver} ordered
 *       before Spring MVC's, so before {@code ProblemHandler} and the pages' own error handling;
 *   <li>in the engine REST API: Jersey exception mappers that take only outage failures, so that
 *       Camunda's own mappers keep answering everything else;
 *   <li>anywhere else (a filter asking the engine who signed in, the Camunda webapps): a filter
 *       around the whole chain.
 * </ul>
 *
 * The pool gives up after {@code spring.datasource.hikari.connection-timeout} (2.5 s shipped), so
 * the answer comes within a few seconds; the application recovers by itself when the database is
 * back, as the pool makes new connections.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageHandling {

  @Bean
  OutageAnswer outageAnswer(
      @Value("${complaints.operations.retry-after:PT10S}") Duration retryAfter) {
    return new OutageAnswer(retryAfter);
  }

  @Bean
  HandlerExceptionResolver databaseOutageResolver(OutageAnswer answer) {
    return new OutageResolver(answer);
  }

  @Bean
  FilterRegistrationBean<OutageFilter> databaseOutageFilter(OutageAnswer answer) {
    FilterRegistrationBean<OutageFilter> registration =
        new FilterRegistrationBean<>(new OutageFilter(answer));
    registration.setName("database-outage");
    // just inside the security headers (HIGHEST_PRECEDENCE), which its answers keep; outside
    // everything that may need the database, the session filter included
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.addUrlPatterns("/*");
    return registration;
  }

  @Bean
  ResourceConfigCustomizer engineRestOutageMappers(OutageAnswer answer) {
    return config ->
        config.register(new EngineOutageMapper(answer)).register(new OutageMapper(answer));
  }

  /** Before every other resolver of Spring MVC (whose composite has order 0). */
  record OutageResolver(OutageAnswer answer) implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(
        HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
      if (!DatabaseOutage.isCause(ex)) {
        return null;
      }
      try {
        answer.send(request, response, ex);
      } catch (IOException e) {
        return null;
      }
      return new ModelAndView();
    }

    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE + 1;
    }
  }

  /** What no resolver or mapper answered, thrown out of a filter or a servlet. */
  static final class OutageFilter extends OncePerRequestFilter {

    private final OutageAnswer answer;

    OutageFilter(OutageAnswer answer) {
      this.answer = answer;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (ServletException | IOException | RuntimeException e) {
        if (!DatabaseOutage.isCause(e)) {
          throw e;
        }
        answer.send(request, response, e);
      }
    }
  }

  /**
   * Engine REST: Camunda maps a {@code ProcessEngineException} to 500. Jersey prefers, among
   * mappers of the same exception type, an {@link ExtendedExceptionMapper} that declares itself
   * mappable.
   */
  record EngineOutageMapper(OutageAnswer answer)
      implements ExtendedExceptionMapper<ProcessEngineException> {

    @Override
    public boolean isMappable(ProcessEngineException exception) {
      return DatabaseOutage.isCause(exception);
    }

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return unavailable(answer, exception);
    }
  }

  /** Engine REST: Spring's transaction failures are not {@code ProcessEngineException}s. */
  record OutageMapper(OutageAnswer answer) implements ExtendedExceptionMapper<Throwable> {

    @Override
    public boolean isMappable(Throwable exception) {
      return DatabaseOutage.isCause(exception);
    }

    @Override
    public Response toResponse(Throwable exception) {
      return unavailable(answer, exception);
    }
  }

  /** The same problem as {@link OutageAnswer} writes, in Camunda's own error shape too. */
  private static Response unavailable(OutageAnswer answer, Throwable failure) {
    answer.warnOnce(failure);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Service Unavailable");
    problem.put("status", 503);
    problem.put("detail", OutageAnswer.DETAIL);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", answer.retryAfterSeconds())
        .header("Cache-Control", "no-store")
        .type(MediaType.valueOf("application/problem+json"))
        .entity(problem)
        .build();
  }
}
