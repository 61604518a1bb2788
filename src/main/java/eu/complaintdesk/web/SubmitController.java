package eu.complaintdesk.web;

import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.intake.FeedbackTypeHint;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.Channel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The submission page: the same fields and rules as {@code POST /api/complaints}, errors per field
 * in the page's language, then post-redirect-get to a confirmation shown once.
 */
@Controller
class SubmitController {

  static final String FORM = "form";

  private final IntakeService intake;
  private final PageAttachments attachments;
  private final Validator validator;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final PageModel pageModel;

  SubmitController(
      IntakeService intake,
      PageAttachments attachments,
      Validator validator,
      WorkingCalendar calendar,
      Clock clock,
      PageModel pageModel) {
    this.pageModel = pageModel;
    this.intake = intake;
    this.attachments = attachments;
    this.validator = validator;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** What the confirmation page shows, once. */
  /** Flash attribute, kept in the session (the database) until the confirmation page shows it. */
  record Confirmation(String registrationNumber, String accessCode, String responseDueDate)
      implements Serializable {}

  /** The empty form; {@code ?category=} chooses a category (the accessibility statement's link). */
  @GetMapping("/submit")
  String form(
      @RequestParam(name = "category", required = false) String category,
      Model model,
      Locale locale) {
    SubmitForm form = SubmitForm.empty(locale);
    if (category != null && Categories.CODES.contains(category)) {
      form.setCategoryHint(category);
    }
    model.addAttribute(FORM, form);
    return page(model);
  }

  @PostMapping("/submit")
  String submit(
      @ModelAttribute(FORM) SubmitForm form,
      BindingResult errors,
      @RequestParam(name = PageAttachments.FIELD, required = false) List<MultipartFile> files,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Submission submission = form.toSubmission();
    validator.validate(submission).stream()
        .sorted(Comparator.comparingInt(SubmitController::position))
        .forEach(violation -> reject(errors, violation));
    List<UploadedFile> uploaded = PageAttachments.chosen(files);
    attachments.check(uploaded).ifPresent(refusal -> reject(errors, refusal));
    if (errors.hasErrors()) {
      return refused(model, response, uploaded);
    }
    IntakeService.Receipt receipt;
    try {
      receipt = submitOnce(submission, uploaded, form.idempotencyKey());
    } catch (ApiProblem e) {
      Optional<PageAttachments.Refusal> refusal = attachments.refusal(e, uploaded);
      if (refusal.isPresent()) {
        reject(errors, refusal.get());
        return refused(model, response, uploaded);
      }
      if (e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
        throw e;
      }
      // The page was sent before with other values (back button, then changed): a new one.
      form.newToken();
      errors.reject("submit.alreadySent");
      response.setStatus(HttpStatus.CONFLICT.value());
      return page(model);
    }
    redirect.addFlashAttribute(
        "confirmation",
        new Confirmation(
            receipt.registrationNumber(),
            receipt.accessCode(),
            PageDates.date(receipt.responseDueDate(), locale)));
    return "redirect:/submitted";
  }

  @GetMapping("/submitted")
  String submitted(Model model) {
    if (!model.containsAttribute("confirmation")) {
      // Shown once: a reload or a bookmark of the confirmation leads to the status page.
      return "redirect:/status";
    }
    return "web/submitted";
  }

  /**
   * A double click sends the same key twice at once: the second fails to record it and rolls back;
   * asked again, it finds the first one's result.
   */
  private IntakeService.Receipt submitOnce(
      Submission submission, List<UploadedFile> files, String key) {
    try {
      return intake.submit(submission, files, Channel.WEB_FORM, clock.instant(), null, key);
    } catch (DuplicateKeyException e) {
      return intake.submit(submission, files, Channel.WEB_FORM, clock.instant(), null, key);
    }
  }

  /** The form again with its errors; files cannot be put back into a form, so it says so. */
  private String refused(Model model, HttpServletResponse response, List<UploadedFile> files) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("attachFilesAgain", !files.isEmpty());
    return page(model);
  }

  private static void reject(BindingResult errors, PageAttachments.Refusal refusal) {
    errors.rejectValue(PageAttachments.FIELD, refusal.code(), refusal.arguments(), null);
  }

  private String page(Model model) {
    model.addAttribute("maxFiles", attachments.maxFiles());
    model.addAttribute("maxMegabytes", attachments.maxMegabytes());
    model.addAttribute("categories", Categories.CODES);
    model.addAttribute("feedbackTypeHints", FeedbackTypeHint.values());
    model.addAttribute("messageLimit", Submission.Limits.MESSAGE);
    model.addAttribute("zone", calendar.zone());
    return "web/submit";
  }

  private static final Map<String, String> FIELD_OF_PROPERTY =
      Map.of("customer.reachable", "contact");

  private static String field(ConstraintViolation<Submission> violation) {
    String path = violation.getPropertyPath().toString();
    String field = FIELD_OF_PROPERTY.get(path);
    if (field != null) {
      return field;
    }
    return path.startsWith("customer.") ? path.substring("customer.".length()) : path;
  }

  private static int position(ConstraintViolation<Submission> violation) {
    int index = SubmitForm.FIELDS.indexOf(field(violation));
    return index < 0 ? Integer.MAX_VALUE : index;
  }

  /** The rule's name is the message code: {@code Size.subject}, then {@code Size}. */
  private static void reject(BindingResult errors, ConstraintViolation<Submission> violation) {
    String field = field(violation);
    if (errors.hasFieldErrors(field)) {
      return;
    }
    Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
    Object[] arguments =
        attributes.containsKey("max") ? new Object[] {attributes.get("max")} : null;
    errors.rejectValue(
        field,
        violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
        arguments,
        violation.getMessage());
  }

  /**
   * The form sent without its session's token (the session ended while the page was open, or the
   * post is forged): never accepted, shown again with what was typed and a new form token, to be
   * checked and sent again (issue 14). Files cannot be put back into a file input; it says so.
   */
  @ExceptionHandler(WebConfiguration.FormRefused.class)
  ModelAndView expired(WebConfiguration.FormRefused refused, HttpServletRequest request) {
    if (!refused.fromThisSite()) {
      return pageModel.formRefused(request);
    }
    SubmitForm form = new SubmitForm();
    ServletRequestDataBinder binder = new ServletRequestDataBinder(form, FORM);
    binder.setAllowedFields(SubmitForm.RESUBMITTED.toArray(String[]::new));
    binder.bind(request);
    if (form.idempotencyKey() == null) {
      form.newToken(); // a form without its one-time token would lose double-submission safety
    }
    ExtendedModelMap model = new ExtendedModelMap();
    pageModel.common(request, model);
    model.addAttribute(FORM, form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + FORM, binder.getBindingResult());
    model.addAttribute("formExpired", true);
    model.addAttribute("attachFilesAgain", PageAttachments.anyChosen(request));
    return new ModelAndView(page(model), model, HttpStatus.FORBIDDEN);
  }
}
