package eu.complaintdesk.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Headers every answer carries, set in one place rather than in each controller (Camunda's webapps
 * set their own on {@code /camunda/*} and keep them):
 *
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff} on every response: pages, API, PDFs, attachments,
 *       engine REST, webapps and errors, so that no browser runs an upload or an answer as
 *       something else;
 *   <li>{@code Cache-Control: no-store} on our API ({@code /api/*}: the 201 with the access code,
 *       case lookups with {@code X-Access-Code}, survey answers, staff data), the public pages and
 *       the staff pages — they carry access codes, survey links and personal data; a handler that
 *       sets its own value keeps it;
 *   <li>{@code Strict-Transport-Security} when the request came over HTTPS (directly, or through a
 *       proxy trusted by {@code server.forward-headers-strategy});
 *   <li>a Content-Security-Policy on Swagger UI ({@code /swagger-ui/*}): its own scripts and styles
 *       only (it needs inline styles and data: images), answers only from this site.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

  static final String HSTS = "max-age=31536000";

  static final String SWAGGER_UI_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  /** Paths whose answers may carry an access code, a survey token or personal data. */
  private static final List<String> PRIVATE_PREFIXES =
      List.of("/api/", "/staff/", "/status", "/submit", "/surveys/");

  @Bean
  FilterRegistrationBean<Filter> securityHeadersFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Headers());
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * Tomcat answers a request it cannot parse ({@code /api%2Fcomplaints}, a NUL in the path) with
   * its own error page, before any filter: a valve of the host, which that page passes through too,
   * gives it {@code nosniff} as well.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> nosniffOnTomcatsOwnAnswers() {
    return factory ->
        factory.addContextCustomizers(
            context ->
                context
                    .getParent()
                    .getPipeline()
                    .addValve(
                        new ValveBase(true) {
                          @Override
                          public void invoke(Request request, Response response)
                              throws IOException, ServletException {
                            response.setHeader("X-Content-Type-Options", "nosniff");
                            getNext().invoke(request, response);
                          }
                        }));
  }

  static final class Headers implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
      if (req instanceof HttpServletRequest request
          && res instanceof HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.isSecure()) {
          response.setHeader("Strict-Transport-Security", HSTS);
        }
        String path = RequestPaths.of(request);
        if (request.getHeader("X-Access-Code") != null
            || PRIVATE_PREFIXES.stream().anyMatch(path::startsWith)) {
          response.setHeader("Cache-Control", "no-store");
        }
        if (path.startsWith("/swagger-ui")) {
          response.setHeader("Content-Security-Policy", SWAGGER_UI_POLICY);
        }
      }
      chain.doFilter(req, res);
    }
  }
}
