package eu.complaintdesk.bench;

import eu.complaintdesk.testing.EngineRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The application's own HTTP API as its clients call it: submissions and the managers' reports. */
final class HttpIntake {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final String base;

  HttpIntake(int port) {
    this.base = "http://localhost:" + port;
  }

  /** {@code POST /api/complaints}; answers the registration number, fails unless 201. */
  String submit(String body) {
    EngineRest.Response created = post(body);
    if (created.status() != 201) {
      throw new IllegalStateException("submission refused: " + created);
    }
    return created.json().get("registrationNumber").asText();
  }

  /** {@code POST /api/complaints}, whatever the answer. */
  EngineRest.Response post(String body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/complaints"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** A GET with HTTP Basic as {@code user} (password as EngineRest knows it). */
  EngineRest.Response getAs(String path, EngineRest user) {
    String credentials = user.user() + ":" + user.user();
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
            .GET());
  }

  private static EngineRest.Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> answer =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new EngineRest.Response(answer.statusCode(), answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
