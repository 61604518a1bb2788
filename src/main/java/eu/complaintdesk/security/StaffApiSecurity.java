package eu.complaintdesk.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff and manager endpoints of our API require a signed-in Camunda user. */
@Configuration(proxyBeanMethods = false)
class StaffApiSecurity {

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> staffAuthenticationFilter(
      IdentityService identity) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new StaffAuthenticationFilter(identity));
    registration.setName("staff-api-authentication");
    registration.addUrlPatterns("/api/staff/*", "/api/reports/*");
    return registration;
  }
}
