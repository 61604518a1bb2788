package eu.complaintdesk.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff and manager endpoints of our API are for signed-in members of a staff group. */
@Configuration(proxyBeanMethods = false)
class StaffApiSecurity {

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> staffAuthenticationFilter(
      ProcessEngine engine) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new StaffAuthenticationFilter(new StaffSignIn(engine)));
    registration.setName("staff-api-authentication");
    registration.addUrlPatterns("/api/staff/*", "/api/reports/*");
    return registration;
  }
}
