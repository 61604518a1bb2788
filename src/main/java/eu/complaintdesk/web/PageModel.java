package eu.complaintdesk.web;

import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.problem.TooManyRequests;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.Organisation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every public page shows: organisation, language switch, form token; and its errors. */
@ControllerAdvice(basePackageClasses = PageModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before the API's problem+json answers
class PageModel {

  private static final Logger log = LoggerFactory.getLogger(PageModel.class);

  private final Organisation organisation;

  PageModel(Organisation organisation) {
    this.organisation = organisation;
  }

  @ModelAttribute
  void common(HttpServletRequest request, Model model) {
    layout(
        request,
        model,
        request.getRequestURI().substring(request.getContextPath().length()),
        RequestContextUtils.getLocale(request));
    model.addAttribute("csrfToken", CsrfTokens.token(request));
  }

  /**
   * What the layout shows around a page (organisation, language switch to {@code path}), without a
   * form token: an error page must not need the session store, which may be what failed.
   */
  void layout(HttpServletRequest request, Model model, String path, Locale locale) {
    model.addAttribute("organisationName", organisation.name());
    model.addAttribute("languages", List.of(Language.values()));
    model.addAttribute("pageLanguage", locale.getLanguage());
    model.addAttribute("currentPath", path);
  }

  /** A form sent without its session's token: forged, or the session ended meanwhile. */
  @ExceptionHandler(WebConfiguration.FormRefused.class)
  ModelAndView formRefused(HttpServletRequest request) {
    ExtendedModelMap model = new ExtendedModelMap();
    common(request, model);
    return new ModelAndView("web/form-refused", model, HttpStatus.FORBIDDEN);
  }

  /** Files above the upload limits: the container refused the request before we read it. */
  @ExceptionHandler(MultipartException.class)
  ModelAndView uploadRefused(HttpServletRequest request) {
    ExtendedModelMap model = new ExtendedModelMap();
    common(request, model);
    model.addAttribute("problem", "error.tooLarge");
    return new ModelAndView("web/problem", model, HttpStatus.PAYLOAD_TOO_LARGE);
  }

  /**
   * Beyond a per-client limit (submissions, access codes, messages): 429 with {@code Retry-After},
   * told in the page's language with the minutes to wait.
   */
  @ExceptionHandler(TooManyRequests.class)
  ModelAndView tooManyRequests(
      TooManyRequests error, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfter().toSeconds()));
    ExtendedModelMap model = new ExtendedModelMap();
    common(request, model);
    model.addAttribute("problem", "error.tooManyRequests");
    model.addAttribute("retryMinutes", (error.retryAfter().toSeconds() + 59) / 60);
    return new ModelAndView("web/problem", model, HttpStatus.TOO_MANY_REQUESTS);
  }

  /**
   * Every other error of a page: the friendly page, never the API's problem+json. A client error (a
   * refused request, a malformed address such as {@code /status/letters/x}) keeps its status; a
   * case or letter that is not there, or not the visitor's, is 404; anything else is 500 and logged
   * (not the address: it may hold a survey token).
   */
  @ExceptionHandler(Exception.class)
  ModelAndView pageError(Exception error, HttpServletRequest request) {
    HttpStatusCode status =
        error instanceof ApiProblem problem
            ? problem.status()
            : error instanceof ErrorResponse response
                ? response.getStatusCode()
                : error instanceof TypeMismatchException
                        || error instanceof HttpMessageNotReadableException
                    ? HttpStatus.BAD_REQUEST
                    : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status.is5xxServerError()) {
      log.error("A page failed: {}", error.getClass().getName(), error);
    }
    ExtendedModelMap model = new ExtendedModelMap();
    common(request, model);
    model.addAttribute(
        "problem",
        status.value() == HttpStatus.NOT_FOUND.value()
            ? "error.notFound"
            : status.is4xxClientError() ? "error.request" : "error.text");
    return new ModelAndView("web/problem", model, status);
  }

  /** The case changed at the same moment (a job of its process ran): nothing happened. */
  @ExceptionHandler({
    OptimisticLockingException.class,
    MismatchingMessageCorrelationException.class
  })
  ModelAndView concurrentChange(HttpServletRequest request) {
    ExtendedModelMap model = new ExtendedModelMap();
    common(request, model);
    model.addAttribute("problem", "page.tryAgain");
    return new ModelAndView("web/problem", model, HttpStatus.CONFLICT);
  }
}
