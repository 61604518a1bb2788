package eu.complaintdesk.web;

import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.intake.CustomerRequests;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.problem.ApiProblem;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.text.TextCharacters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The status page: number and access code (posted, so the code is never in a URL), then the case
 * with its timeline, more information and withdrawal, all while the session holds the access.
 */
@Controller
class StatusController {

  private static final String NOTICE = "notice";

  private final ComplaintRegister register;
  private final CustomerRequests requests;
  private final PageAttachments attachments;
  private final WorkingCalendar calendar;
  private final MessageSource messages;
  private final AnswerLetters letters;
  private final PageModel pageModel;

  StatusController(
      ComplaintRegister register,
      CustomerRequests requests,
      PageAttachments attachments,
      WorkingCalendar calendar,
      MessageSource messages,
      AnswerLetters letters,
      PageModel pageModel) {
    this.pageModel = pageModel;
    this.register = register;
    this.requests = requests;
    this.attachments = attachments;
    this.calendar = calendar;
    this.messages = messages;
    this.letters = letters;
  }

  @GetMapping("/status")
  String form() {
    return "web/status";
  }

  /** Unknown number and wrong code get the same answer. */
  @PostMapping("/status")
  String open(
      @RequestParam(defaultValue = "") String registrationNumber,
      @RequestParam(defaultValue = "") String accessCode,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String number = registrationNumber.strip();
    String code = accessCode.strip();
    Optional<Complaint> complaint =
        number.isEmpty() || code.isEmpty()
            ? Optional.empty()
            : register.findAccessible(number, code);
    if (complaint.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("registrationNumber", number);
      model.addAttribute("notFound", true);
      return "web/status";
    }
    new CaseAccess(complaint.get().registrationNumber(), code).keep(request);
    return "redirect:/status/case";
  }

  @GetMapping("/status/case")
  String showCase(HttpServletRequest request, Model model, Locale locale) {
    Optional<Complaint> complaint = accessible(request);
    if (complaint.isEmpty()) {
      return "redirect:/status";
    }
    return casePage(complaint.get(), model, locale);
  }

  @PostMapping("/status/information")
  String information(
      @RequestParam(defaultValue = "") String message,
      @RequestParam(name = PageAttachments.FIELD, required = false) List<MultipartFile> files,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      Locale locale,
      RedirectAttributes redirect) {
    Optional<Complaint> complaint = accessible(request);
    if (complaint.isEmpty()) {
      return "redirect:/status";
    }
    List<UploadedFile> uploaded = PageAttachments.chosen(files);
    String messageError =
        message.isBlank()
            ? messages.getMessage("information.required", null, locale)
            : message.length() > Submission.Limits.MESSAGE
                ? messages.getMessage("Size", new Object[] {Submission.Limits.MESSAGE}, locale)
                : null;
    Optional<PageAttachments.Refusal> refusal = attachments.check(uploaded);
    if (messageError == null && refusal.isEmpty()) {
      try {
        requests.supplyInformation(complaint.get(), TextCharacters.strip(message), uploaded);
        redirect.addFlashAttribute(NOTICE, "information.received");
        return "redirect:/status/case";
      } catch (ApiProblem e) {
        refusal = attachments.refusal(e, uploaded);
        if (refusal.isEmpty()) {
          throw e;
        }
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("message", message);
    model.addAttribute("messageError", messageError);
    model.addAttribute(
        "attachmentsError",
        refusal.map(r -> messages.getMessage(r.code(), r.arguments(), locale)).orElse(null));
    model.addAttribute("attachFilesAgain", !uploaded.isEmpty());
    return casePage(complaint.get(), model, locale);
  }

  @GetMapping("/status/withdrawal")
  String confirmWithdrawal(HttpServletRequest request, Model model, Locale locale) {
    Optional<Complaint> complaint = accessible(request);
    if (complaint.isEmpty()) {
      return "redirect:/status";
    }
    model.addAttribute("registrationNumber", complaint.get().registrationNumber());
    return "web/withdrawal";
  }

  @PostMapping("/status/withdrawal")
  String withdraw(HttpServletRequest request, RedirectAttributes redirect) {
    Optional<Complaint> complaint = accessible(request);
    if (complaint.isEmpty()) {
      return "redirect:/status";
    }
    try {
      requests.withdraw(complaint.get());
      redirect.addFlashAttribute(NOTICE, "withdrawal.received");
    } catch (ApiProblem e) {
      redirect.addFlashAttribute(NOTICE, "withdrawal.finished");
    } catch (OptimisticLockingException | MismatchingMessageCorrelationException e) {
      redirect.addFlashAttribute(NOTICE, "page.tryAgain");
    }
    return "redirect:/status/case";
  }

  /** An answer letter of the case in the session; any other letter, or no session: 404. */
  @GetMapping("/status/letters/{letterId}")
  ResponseEntity<byte[]> letter(@PathVariable long letterId, HttpServletRequest request) {
    Complaint complaint = accessible(request).orElseThrow(ApiProblem::notFound);
    AnswerLetters.Letter letter =
        letters.find(complaint.id(), letterId).orElseThrow(ApiProblem::notFound);
    return letter.asDownload();
  }

  /** Ends the access: on a shared computer the next person cannot open the case. */
  @PostMapping("/status/close")
  String close(HttpServletRequest request) {
    CaseAccess.forget(request);
    return "redirect:/status";
  }

  private String casePage(Complaint complaint, Model model, Locale locale) {
    model.addAttribute(
        "caseView",
        CaseView.of(
            complaint,
            register.timeline(complaint.id()),
            complaint.responseDueAt() == null
                ? null
                : calendar.localDate(complaint.responseDueAt()),
            calendar.zone(),
            messages,
            locale));
    model.addAttribute("requestedInformation", requestedInformation(complaint));
    model.addAttribute("messageLimit", Submission.Limits.MESSAGE);
    model.addAttribute("maxFiles", attachments.maxFiles());
    model.addAttribute("maxMegabytes", attachments.maxMegabytes());
    return "web/case";
  }

  /**
   * While the case awaits information, what the registrar asked for, line by line (issue 14: the
   * request by SMS points here instead of carrying the text); otherwise nothing.
   */
  private List<String> requestedInformation(Complaint complaint) {
    if (complaint.status() != ComplaintStatus.AWAITING_INFORMATION) {
      return List.of();
    }
    String text = register.missingInformation(complaint.id());
    return text == null
        ? List.of()
        : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private Optional<Complaint> accessible(HttpServletRequest request) {
    return CaseAccess.of(request)
        .flatMap(
            access -> register.findAccessible(access.registrationNumber(), access.accessCode()));
  }

  /**
   * A form of the status pages sent without its session's token (the session ended while the page
   * was open, or the post is forged): nothing is done (issue 14). The sign-in comes back with the
   * number typed; a message typed for the case is shown to be copied, since the access to the case
   * ended with the session.
   */
  @ExceptionHandler(WebConfiguration.FormRefused.class)
  ModelAndView expired(WebConfiguration.FormRefused refused, HttpServletRequest request) {
    if (!refused.fromThisSite()) {
      return pageModel.formRefused(request);
    }
    ExtendedModelMap model = new ExtendedModelMap();
    pageModel.common(request, model);
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/status")) {
      String number = request.getParameter("registrationNumber");
      model.addAttribute("registrationNumber", number == null ? "" : number.strip());
      model.addAttribute("formExpired", true);
      return new ModelAndView("web/status", model, HttpStatus.FORBIDDEN);
    }
    String message = request.getParameter("message");
    if (path.equals("/status/information") && message != null && !message.isBlank()) {
      model.addAttribute("typedText", message);
    }
    model.addAttribute("attachFilesAgain", PageAttachments.anyChosen(request));
    return new ModelAndView("web/form-refused", model, HttpStatus.FORBIDDEN);
  }
}
