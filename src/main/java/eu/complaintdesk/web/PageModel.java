package eu.complaintdesk.web;

import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.Organisation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
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

  private final Organisation organisation;

  PageModel(Organisation organisation) {
    this.organisation = organisation;
  }

  @ModelAttribute
  void common(HttpServletRequest request, Model model) {
    model.addAttribute("organisationName", organisation.name());
    model.addAttribute("languages", List.of(Language.values()));
    model.addAttribute("pageLanguage", RequestContextUtils.getLocale(request).getLanguage());
    model.addAttribute(
        "currentPath", request.getRequestURI().substring(request.getContextPath().length()));
    model.addAttribute("csrfToken", CsrfTokens.token(request));
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
