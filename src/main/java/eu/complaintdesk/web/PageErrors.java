package eu.complaintdesk.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The page a browser gets for what no page of ours answered (an unknown address, a request the
 * container refused, the database outage's 503): the normal layout with header, language switch and
 * skip link, in the page language ({@code ?lang=} counts for this page). It needs neither the
 * session nor the database.
 */
class PageErrors implements ErrorViewResolver {

  /** A path the language switch may link back to; anything else links to the start page. */
  private static final Pattern PLAIN_PATH = Pattern.compile("/(?!/)[A-Za-z0-9/_.~-]{0,200}");

  private final PageModel pageModel;

  PageErrors(PageModel pageModel) {
    this.pageModel = pageModel;
  }

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> errorModel) {
    PageLanguage.chooseForThisRequest(request);
    // in the visitor's language: never one visitor's page from a shared cache for another
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
        && current.getResponse() != null
        && !current.getResponse().isCommitted()) {
      current.getResponse().setHeader("Cache-Control", "no-store");
      current.getResponse().addHeader("Vary", "Accept-Language, Cookie");
    }
    ExtendedModelMap model = new ExtendedModelMap();
    pageModel.layout(request, model, path(request), RequestContextUtils.getLocale(request));
    model.addAttribute("problem", problem(status));
    return new ModelAndView("web/problem", model, status);
  }

  static String problem(HttpStatus status) {
    if (status == HttpStatus.NOT_FOUND) {
      return "error.notFound";
    }
    if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
      return "error.tooLarge";
    }
    return status.is4xxClientError() ? "error.request" : "error.text";
  }

  private static String path(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path =
        uri == null
            ? "/"
            : uri.toString()
                .substring(Math.min(uri.toString().length(), request.getContextPath().length()));
    return PLAIN_PATH.matcher(path).matches() ? path : "/";
  }
}
