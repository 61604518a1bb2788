package eu.complaintdesk.limits;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public side's limits: the JSON body size of our API (a filter, before anything reads the
 * body; an interceptor for the JSON part of a multipart request) and the per-client limits of
 * submissions, access codes and posts (an interceptor, after the pages' own one has chosen the
 * language and checked the form token).
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration implements WebMvcConfigurer {

  /** Early: before any filter that might read a body, and before the sign-in filters. */
  static final int JSON_BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

  private final ClientAddress clients;
  private final LimitsProperties limits;

  LimitsConfiguration(ClientAddress clients, LimitsProperties limits) {
    this.clients = clients;
    this.limits = limits;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new PublicLimits(clients, limits))
        .addPathPatterns(
            "/api/complaints",
            "/api/complaints/**",
            "/api/surveys/**",
            "/submit",
            "/status",
            "/status/**",
            "/surveys/**")
        .order(Ordered.LOWEST_PRECEDENCE);
    // after the per-client limits: reading the JSON part parses the whole multipart upload
    registry
        .addInterceptor(new JsonPartLimit(limits.maxJsonBody().toBytes()))
        .addPathPatterns("/api/**")
        .order(Ordered.LOWEST_PRECEDENCE);
  }

  @Bean
  FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit() {
    FilterRegistrationBean<JsonBodyLimit> registration =
        new FilterRegistrationBean<>(new JsonBodyLimit(limits.maxJsonBody().toBytes()));
    registration.setName("json-body-limit");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(JSON_BODY_LIMIT_ORDER);
    return registration;
  }
}
