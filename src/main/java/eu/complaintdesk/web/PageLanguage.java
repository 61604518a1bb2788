package eu.complaintdesk.web;

import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.Organisation;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the public pages: the one the visitor chose ({@code ?lang=}, then kept in a
 * cookie), else the first of the browser's {@code Accept-Language} that we speak, else the
 * organisation's own (the language of its country).
 */
class PageLanguage implements LocaleResolver {

  static final String PARAMETER = "lang";
  static final String COOKIE = "complaints-lang";
  private static final String CHOSEN = PageLanguage.class.getName() + ".chosen";
  private static final Duration KEPT = Duration.ofDays(365);

  private final Organisation organisation;

  PageLanguage(Organisation organisation) {
    this.organisation = organisation;
  }

  static Optional<Language> supported(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Language language : Language.values()) {
      if (language.name().equalsIgnoreCase(code.strip())) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  Language resolve(HttpServletRequest request) {
    if (request.getAttribute(CHOSEN) instanceof Language chosen) {
      return chosen;
    }
    Optional<Language> kept = kept(request);
    if (kept.isPresent()) {
      return kept.get();
    }
    if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
      for (Locale locale : Collections.list(request.getLocales())) {
        Optional<Language> accepted = supported(locale.getLanguage());
        if (accepted.isPresent()) {
          return accepted.get();
        }
      }
    }
    return organisationLanguage();
  }

  /**
   * For a page about one customer's case (the survey the invitation links to): their own language,
   * unless they chose one here.
   */
  static void preferUnlessChosen(HttpServletRequest request, Language language) {
    if (!(request.getAttribute(CHOSEN) instanceof Language) && kept(request).isEmpty()) {
      request.setAttribute(CHOSEN, language);
    }
  }

  private static Optional<Language> kept(HttpServletRequest request) {
    if (request.getCookies() != null) {
      for (Cookie cookie : request.getCookies()) {
        if (COOKIE.equals(cookie.getName()) && supported(cookie.getValue()).isPresent()) {
          return supported(cookie.getValue());
        }
      }
    }
    return Optional.empty();
  }

  Language organisationLanguage() {
    return supported(organisation.country()).orElse(Language.en);
  }

  /** Takes {@code ?lang=} when it names a language we speak, and keeps it in a cookie. */
  void choose(HttpServletRequest request, HttpServletResponse response) {
    supported(request.getParameter(PARAMETER))
        .ifPresent(
            language -> {
              request.setAttribute(CHOSEN, language);
              response.addHeader(
                  HttpHeaders.SET_COOKIE,
                  ResponseCookie.from(COOKIE, language.name())
                      .path("/")
                      .maxAge(KEPT)
                      .httpOnly(true)
                      .sameSite("Lax")
                      .build()
                      .toString());
            });
  }

  /**
   * Takes {@code ?lang=} for this request only (an error page, which sets no cookie); a later page
   * asks again.
   */
  static void chooseForThisRequest(HttpServletRequest request) {
    supported(request.getParameter(PARAMETER))
        .ifPresent(language -> request.setAttribute(CHOSEN, language));
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return resolve(request).locale();
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The language is chosen with ?" + PARAMETER + "=");
  }
}
