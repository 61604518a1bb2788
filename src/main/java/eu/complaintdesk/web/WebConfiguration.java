package eu.complaintdesk.web;

import eu.complaintdesk.http.BrowserOrigin;
import eu.complaintdesk.system.Organisation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The public pages: their language and their protection against forged form posts. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  private final PageLanguage pageLanguage;

  WebConfiguration(Organisation organisation) {
    this.pageLanguage = new PageLanguage(organisation);
  }

  @Bean
  LocaleResolver localeResolver() {
    return pageLanguage;
  }

  /** Error pages of addresses no page answered, in the public pages' layout (issue 14). */
  @Bean
  ErrorViewResolver pageErrors(PageModel pageModel) {
    return new PageErrors(pageModel);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new PageInterceptor(pageLanguage));
  }

  /** Only our pages: the API and Camunda keep their own rules. */
  static boolean isPage(Object handler) {
    return handler instanceof HandlerMethod method
        && method.getBeanType().getPackageName().equals(WebConfiguration.class.getPackageName());
  }

  /** Our own styles only, no scripts, forms posted only to us. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'";

  private record PageInterceptor(PageLanguage pageLanguage) implements HandlerInterceptor {

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (!isPage(handler)) {
        return true;
      }
      pageLanguage.choose(request, response);
      response.addHeader("Vary", "Accept-Language, Cookie");
      // Pages show access codes and personal data: not kept in caches, not framed elsewhere.
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "same-origin");
      if (request instanceof MultipartHttpServletRequest multipart) {
        // Read lazily: a refused upload is told as such, not as a form without its token.
        multipart.getMultiFileMap();
      }
      if ("POST".equalsIgnoreCase(request.getMethod()) && !CsrfTokens.matches(request)) {
        throw new FormRefused(BrowserOrigin.isProvenSameOrigin(request));
      }
      return true;
    }
  }

  /**
   * A form post without its session's token: forged, or from a session that has ended. Only when
   * the browser proves that a page of this site sent it may what was typed be shown again: a post
   * forged elsewhere would otherwise put its values (an attacker's contact, a replayed idempotency
   * key) into a genuine form on our site for the visitor to send.
   */
  static class FormRefused extends RuntimeException {
    private final boolean fromThisSite;

    FormRefused(boolean fromThisSite) {
      super("Form token missing or not of this session", null, false, false);
      this.fromThisSite = fromThisSite;
    }

    /** Whether the browser proved that a page of this site sent the refused form. */
    boolean fromThisSite() {
      return fromThisSite;
    }
  }
}
