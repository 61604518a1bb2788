package eu.complaintdesk.web;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.survey.Survey;
import eu.complaintdesk.survey.SurveyService;
import eu.complaintdesk.text.TextCharacters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The satisfaction survey the invitation links to: a score from 1 to 5 and a comment. */
@Controller
class SurveyPageController {

  /** As {@code POST /api/surveys/{token}}. */
  static final int MAX_COMMENT = 2000;

  private final ComplaintRegister register;
  private final SurveyService surveys;
  private final Clock clock;
  private final PageModel pageModel;

  SurveyPageController(
      ComplaintRegister register, SurveyService surveys, Clock clock, PageModel pageModel) {
    this.pageModel = pageModel;
    this.register = register;
    this.surveys = surveys;
    this.clock = clock;
  }

  @GetMapping("/surveys/{token}")
  String form(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<Survey> survey = surveys.find(token);
    if (survey.isEmpty()) {
      return outcome(SurveyService.Result.UNKNOWN, response, model);
    }
    inCustomersLanguage(survey.get(), request, model);
    if (survey.get().answeredAt() != null) {
      return outcome(SurveyService.Result.ALREADY_ANSWERED, response, model);
    }
    if (!clock.instant().isBefore(survey.get().expiresAt())) {
      return outcome(SurveyService.Result.EXPIRED, response, model);
    }
    model.addAttribute("token", token);
    model.addAttribute("maxComment", MAX_COMMENT);
    return "web/survey";
  }

  @PostMapping("/surveys/{token}")
  String answer(
      @PathVariable String token,
      @RequestParam(required = false) String score,
      @RequestParam(defaultValue = "") String comment,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    surveys.find(token).ifPresent(survey -> inCustomersLanguage(survey, request, model));
    Integer value = score(score);
    if (value == null || comment.length() > MAX_COMMENT) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("token", token);
      model.addAttribute("maxComment", MAX_COMMENT);
      model.addAttribute("comment", comment);
      model.addAttribute("score", value);
      model.addAttribute("scoreError", value == null);
      model.addAttribute("commentError", comment.length() > MAX_COMMENT);
      return "web/survey";
    }
    SurveyService.Result result = surveys.answer(token, value, TextCharacters.strip(comment));
    if (result == SurveyService.Result.RECORDED) {
      return "redirect:/surveys/{token}/thanks";
    }
    return outcome(result, response, model);
  }

  @GetMapping("/surveys/{token}/thanks")
  String thanks(@PathVariable String token, HttpServletRequest request, Model model) {
    surveys.find(token).ifPresent(survey -> inCustomersLanguage(survey, request, model));
    model.addAttribute("outcome", "thanks");
    return "web/survey-outcome";
  }

  /** The invitation was written in the customer's language; the page follows unless they chose. */
  private void inCustomersLanguage(Survey survey, HttpServletRequest request, Model model) {
    PageLanguage.preferUnlessChosen(request, register.get(survey.complaintId()).language());
    model.addAttribute("pageLanguage", RequestContextUtils.getLocale(request).getLanguage());
  }

  private static String outcome(
      SurveyService.Result result, HttpServletResponse response, Model model) {
    response.setStatus(
        switch (result) {
          case UNKNOWN -> HttpStatus.NOT_FOUND.value();
          case EXPIRED -> HttpStatus.GONE.value();
          default -> HttpStatus.OK.value();
        });
    model.addAttribute("outcome", result.name().toLowerCase(Locale.ROOT));
    return "web/survey-outcome";
  }

  private static Integer score(String score) {
    if (score == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(score.strip());
      return value >= 1 && value <= 5 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The rating sent without its session's token (the session ended while the page was open, or the
   * post is forged): not recorded, the survey shown again with the score and comment chosen, to be
   * sent again (issue 14); a survey answered or closed meanwhile says so instead.
   */
  @ExceptionHandler(WebConfiguration.FormRefused.class)
  ModelAndView expired(
      WebConfiguration.FormRefused refused,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!refused.fromThisSite()) {
      return pageModel.formRefused(request);
    }
    // an exception handler is given no path variables: the mapping left them in the request
    Map<?, ?> path =
        (Map<?, ?>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String token = path == null ? "" : String.valueOf(path.get("token"));
    ExtendedModelMap model = new ExtendedModelMap();
    pageModel.common(request, model);
    String view = form(token, request, response, model);
    if (view.equals("web/survey")) {
      String comment = request.getParameter("comment");
      model.addAttribute("score", score(request.getParameter("score")));
      model.addAttribute("comment", comment == null ? "" : comment);
      model.addAttribute("formExpired", true);
      response.setStatus(HttpStatus.FORBIDDEN.value());
    }
    return new ModelAndView(view, model, HttpStatusCode.valueOf(response.getStatus()));
  }
}
