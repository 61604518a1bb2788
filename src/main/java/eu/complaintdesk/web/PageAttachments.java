package eu.complaintdesk.web;

import eu.complaintdesk.attachment.AttachmentProperties;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.attachment.UploadedFile;
import eu.complaintdesk.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Files sent with the submission or information forms, checked by the intake's own rules; a refusal
 * is told in the page's words, naming the file.
 */
@Component
class PageAttachments {

  static final String FIELD = AttachmentService.FIELD;
  private static final Pattern INDEXED = Pattern.compile(Pattern.quote(FIELD) + "\\[(\\d+)]");

  /** Why the files cannot be taken: a message code of the page texts and its arguments. */
  record Refusal(String code, Object[] arguments) {}

  private final AttachmentService attachments;
  private final AttachmentProperties limits;

  PageAttachments(AttachmentService attachments, AttachmentProperties limits) {
    this.attachments = attachments;
    this.limits = limits;
  }

  int maxFiles() {
    return limits.maxAttachments();
  }

  long maxMegabytes() {
    return limits.maxAttachmentSize().toMegabytes();
  }

  /** The files the visitor chose: a file input left empty sends a nameless empty part. */
  static List<UploadedFile> chosen(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream()
        .filter(
            f ->
                !(f.isEmpty()
                    && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())))
        .map(PageAttachments::uploaded)
        .toList();
  }

  /** Whether the request brought a file the visitor chose (issue 14: a form sent again). */
  static boolean anyChosen(HttpServletRequest request) {
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    return multipart != null && !chosen(multipart.getFiles(FIELD)).isEmpty();
  }

  /** Checks the files as the intake will; empty when they may be kept. */
  Optional<Refusal> check(List<UploadedFile> files) {
    try {
      attachments.checkAll(files);
      return Optional.empty();
    } catch (ApiProblem problem) {
      return refusal(problem, files);
    }
  }

  /** The refusal of an intake problem about the files; empty if it is about something else. */
  Optional<Refusal> refusal(ApiProblem problem, List<UploadedFile> files) {
    String field = problem.field();
    if (FIELD.equals(field)) {
      return Optional.of(new Refusal("attachments.tooMany", new Object[] {maxFiles()}));
    }
    Matcher indexed = field == null ? null : INDEXED.matcher(field);
    if (indexed == null || !indexed.matches()) {
      return Optional.empty();
    }
    int index = Integer.parseInt(indexed.group(1));
    String name = index < files.size() ? shownName(files.get(index).name()) : "";
    if (attachments.isImageTooLarge(problem)) {
      return Optional.of(
          new Refusal(
              "attachments.imageTooLarge", new Object[] {name, attachments.maxImageSide()}));
    }
    if (problem.status() == HttpStatus.PAYLOAD_TOO_LARGE) {
      return Optional.of(new Refusal("attachments.tooLarge", new Object[] {name, maxMegabytes()}));
    }
    if (problem.status() == HttpStatus.UNPROCESSABLE_ENTITY) {
      return Optional.of(new Refusal("attachments.wrongType", new Object[] {name}));
    }
    return Optional.of(new Refusal("attachments.empty", new Object[] {name}));
  }

  /** The file's own name, without the folders some browsers send with it. */
  private static String shownName(String name) {
    if (name == null) {
      return "";
    }
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  private static UploadedFile uploaded(MultipartFile file) {
    try {
      return new UploadedFile(file.getOriginalFilename(), file.getContentType(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("An uploaded file could not be read", e);
    }
  }
}
