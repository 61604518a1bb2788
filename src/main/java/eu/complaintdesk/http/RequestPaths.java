package eu.complaintdesk.http;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The path of a request as the application's handlers see it: within the application, decoded,
 * without {@code ;parameters} and with duplicate slashes folded. A filter that decides by path must
 * use this, not {@code getRequestURI()}: {@code /api/complaint%73} or {@code /api/complaints;x=1}
 * reach the same controller as {@code /api/complaints}, and a rule keyed on the raw text would miss
 * them.
 */
public final class RequestPaths {

  private static final UrlPathHelper PATHS = new UrlPathHelper();

  static {
    PATHS.setUrlDecode(true);
    PATHS.setRemoveSemicolonContent(true);
  }

  private RequestPaths() {}

  /** The decoded path within the application, e.g. {@code /api/complaints/2026-000001}. */
  public static String of(HttpServletRequest request) {
    String path = PATHS.getPathWithinApplication(request);
    return path.replaceAll("/{2,}", "/");
  }
}
