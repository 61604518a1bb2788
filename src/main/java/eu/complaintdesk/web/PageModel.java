package eu.complaintdesk.web;

import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.Organisation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** What every public page shows: organisation, language switch, form token; and its errors. */
@ControllerAdvice(basePackageClasses = PageModel.class)
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
    ModelAndView page = new ModelAndView("web/form-refused", model, HttpStatus.FORBIDDEN);
    return page;
  }
}
