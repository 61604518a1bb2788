package eu.complaintdesk.stafflanguage;

import eu.complaintdesk.register.Language;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Task and start forms reach Tasklist in the staff language: the engine keeps every form as it was
 * deployed (English, from {@code forms/} or from Camunda Modeler), and the answers of engine REST
 * and the webapps' API that carry a deployed form ({@code GET …/task/{id}/deployed-form}, {@code
 * GET …/process-definition/…/deployed-start-form}) are translated by {@link FormLabels} on their
 * way out. So one deployment serves every language, a changed staff language applies at the next
 * form opened (running cases too) without a new deployment, and a form deployed from Modeler is
 * translated the same way. With the staff language English nothing is touched.
 */
@Configuration(proxyBeanMethods = false)
class StaffForms {

  @Bean
  FormLabels formLabels() {
    return FormLabels.fromClasspath();
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffFormsFilter(
      FormLabels labels, StaffLanguage staff) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Translating(labels, staff.language()));
    registration.setName("staff-forms");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Whether the request fetches a deployed form (task or start form). */
  static boolean fetchesForm(HttpServletRequest request) {
    String path = request.getRequestURI();
    return "GET".equals(request.getMethod())
        && (path.endsWith("/deployed-form") || path.endsWith("/deployed-start-form"));
  }

  static final class Translating extends OncePerRequestFilter {

    private final FormLabels labels;
    private final Language language;

    Translating(FormLabels labels, Language language) {
      this.labels = labels;
      this.language = language;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return language == Language.en || !fetchesForm(request);
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      ContentCachingResponseWrapper form = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, form);
      if (form.getStatus() == HttpServletResponse.SC_OK) {
        byte[] translated = labels.translate(form.getContentAsByteArray(), language);
        form.resetBuffer();
        form.getOutputStream().write(translated);
      }
      form.copyBodyToResponse();
    }
  }
}
