package eu.complaintdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user signed in to Tasklist, calling the webapps' engine API ({@code
 * /camunda/api/engine/engine/default/…}) as Tasklist does: with the session cookie and the CSRF
 * token in {@code X-XSRF-TOKEN}.
 */
public final class TasklistSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private TasklistSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Signs in as the user (password = user id), as Tasklist's sign-in page does. */
  public static TasklistSession signIn(int port, String user) {
    TasklistSession session = new TasklistSession(port);
    // the page gives the CSRF token, the sign-in sends it back
    session.send(
        HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/tasklist/default/")).GET());
    EngineRest.Response login =
        session.send(
            HttpRequest.newBuilder(
                    URI.create(
                        session.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(
                    HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
    if (login.status() != 200) {
      throw new IllegalStateException("Tasklist sign-in of " + user + " failed: " + login);
    }
    // the signed-in session gets a new CSRF token with the first read, as Tasklist's next call
    session.send(
        HttpRequest.newBuilder(URI.create(session.base + "/camunda/api/admin/auth/user/default"))
            .GET());
    return session;
  }

  /** POSTs JSON to the webapps' engine API, e.g. {@code post("/task", "{}")}. */
  public EngineRest.Response post(String enginePath, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", csrfToken())
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
  }

  private EngineRest.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new EngineRest.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------ for the benchmark (issue 13)

  /**
   * Calls the webapps' engine API with this {@code Accept}, as Tasklist does for its lists ({@code
   * application/hal+json}: the page with its count and variables); {@code json} null for a GET.
   */
  public EngineRest.Response send(String enginePath, String json, String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + enginePath))
            .header("Accept", accept)
            .header("X-XSRF-TOKEN", csrfToken());
    if (json == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return send(request);
  }
}
