package eu.complaintdesk.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * What a browser says about where a request comes from: the {@code Origin} header (sent on every
 * POST) and {@code Sec-Fetch-Site} (current browsers, on every request). curl and servers send
 * neither.
 */
public final class BrowserOrigin {

  private static final Set<String> SAME_SITE_FETCHES = Set.of("same-origin", "none");

  private BrowserOrigin() {}

  /**
   * Whether a browser says the request comes from another site: a {@code Sec-Fetch-Site} other than
   * {@code same-origin} or {@code none}, or an {@code Origin} whose host and port are not this
   * request's (also {@code Origin: null}).
   */
  public static boolean isCrossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null && !SAME_SITE_FETCHES.contains(fetchSite.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return origin != null && !isThisHost(origin, request);
  }

  /**
   * Whether a browser proves that a page of this very site sent the request: not {@link
   * #isCrossSite cross-site}, and an {@code Origin} of this host or {@code Sec-Fetch-Site:
   * same-origin}. A request with neither header proves nothing (an old browser, or no browser), and
   * {@code Sec-Fetch-Site: none} (typed into the address bar) neither.
   */
  public static boolean isProvenSameOrigin(HttpServletRequest request) {
    if (isCrossSite(request)) {
      return false;
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    return "same-origin".equalsIgnoreCase(fetchSite)
        || (origin != null && isThisHost(origin, request));
  }

  private static boolean isThisHost(String origin, HttpServletRequest request) {
    URI uri;
    try {
      uri = URI.create(origin.trim());
    } catch (IllegalArgumentException e) {
      return false; // "null" and anything unparsable
    }
    if (uri.getHost() == null || uri.getScheme() == null) {
      return false;
    }
    // As the browser addressed us (Host header): host[:port], default ports left out by both.
    String host = request.getHeader(HttpHeaders.HOST);
    if (host != null && uri.getRawAuthority().equalsIgnoreCase(host.trim())) {
      return true;
    }
    // As the server sees itself (forwarded headers applied behind a proxy).
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    return uri.getHost().equalsIgnoreCase(request.getServerName())
        && port == request.getServerPort();
  }
}
