package eu.complaintdesk.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Staff and manager endpoints of our API and the staff pages (case file) are for signed-in members
 * of a staff group, and each case only for those who may read it ({@link
 * StaffAuthenticationFilter}, {@link CaseAccess}).
 */
@Configuration(proxyBeanMethods = false)
class StaffApiSecurity {

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> staffAuthenticationFilter(
      ProcessEngine engine, CaseAccess cases) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new StaffAuthenticationFilter(new StaffSignIn(engine), cases));
    registration.setName("staff-api-authentication");
    registration.addUrlPatterns("/api/staff/*", "/api/reports/*", "/staff/*");
    return registration;
  }
}
