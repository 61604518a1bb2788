package eu.complaintdesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves a case through its first steps the way staff do: the customer submits through the public
 * API, then each task is claimed and completed over the engine REST API as a signed-in user.
 */
public final class CaseDriver {

  /** A heating-quality complaint: routed to {@code dept-heat-quality}. */
  public static final String HEATING_COMPLAINT =
      """
      {"language":"en",
       "customer":{"name":"Anna Ozola","email":"anna@example.lv"},
       "preferredContact":"EMAIL",
       "subject":"Radiators are cold",
       "description":"No heating in the flat since Monday.",
       "categoryHint":"HEATING_QUALITY"}
      """;

  private final int port;

  public CaseDriver(int port) {
    this.port = port;
  }

  /** Submits a complaint through the public API; answers its registration number. */
  public String submit(String body) {
    EngineRest.Response created = post("/api/complaints", body, null);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("registrationNumber").asText();
  }

  /** Registers a complaint through the staff API as {@code user} (password = user id). */
  public EngineRest.Response staffRegistration(String user, String body) {
    return post("/api/staff/complaints", body, user);
  }

  private EngineRest.Response post(String path, String body, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      String credentials = user + ":" + user;
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new EngineRest.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Submits a heating complaint and has the registrar confirm and classify it. */
  public String heatingComplaintAwaitingDraft() {
    String number = submit(HEATING_COMPLAINT);
    EngineRest registrar = EngineRest.as(port, "registrar");
    work(registrar, number, "UserTask_CheckCompleteness", Map.of("complete", true));
    work(
        registrar,
        number,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "SERVICE_COMPLAINT", "category", "HEATING_QUALITY"));
    return number;
  }

  /** The id of the case's open task with this definition key, once it exists (as the admin). */
  public String awaitTask(String number, String taskDefinitionKey) {
    EngineRest admin = EngineRest.as(port, "admin");
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              EngineRest.Response found =
                  admin.get(
                      "/task?processInstanceBusinessKey="
                          + number
                          + "&taskDefinitionKey="
                          + taskDefinitionKey);
              assertThat(found.status()).as(found.toString()).isEqualTo(200);
              JsonNode tasks = found.json();
              return tasks.size() == 1 ? tasks.get(0).get("id").asText() : null;
            },
            id -> id != null);
  }

  /** Waits until the job executor has run every job of the process instance that is due now. */
  public void awaitNoDueJobs(String processInstanceId) {
    EngineRest admin = EngineRest.as(port, "admin");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              EngineRest.Response due =
                  admin.get("/job/count?executable=true&processInstanceId=" + processInstanceId);
              assertThat(due.status()).as(due.toString()).isEqualTo(200);
              return due.json().get("count").asLong();
            },
            count -> count == 0);
  }

  /**
   * Claims and completes the case's task as {@code user}; fails unless both succeed. First waits
   * until the case has no job due: a timer that is already due when the task appears (a case
   * received weeks ago has its reminder and overdue timers due at once) would otherwise fire while
   * the task is completed, and the completion would rightly be refused as a concurrent change
   * (409).
   */
  public void work(
      EngineRest user, String number, String taskDefinitionKey, Map<String, Object> variables) {
    String task = awaitTask(number, taskDefinitionKey);
    awaitNoDueJobs(
        EngineRest.as(port, "admin").get("/task/" + task).json().get("processInstanceId").asText());
    EngineRest.Response claimed = user.post("/task/" + task + "/claim", claimBody(user));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    EngineRest.Response completed = user.post("/task/" + task + "/complete", variables(variables));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  /** The variables of a draft answer with this outcome and no external information needed. */
  public static Map<String, Object> draft(String outcome) {
    return Map.of(
        "draftAnswer",
        "We repaired the heating substation; radiators are warm again.",
        "proposedOutcome",
        outcome,
        "needsExternalInformation",
        false);
  }

  /** The JSON body of a claim for the user themself. */
  public static String claimBody(EngineRest user) {
    return "{\"userId\":\"" + user.user() + "\"}";
  }

  /** Variables in the engine REST API's form: {"name":{"value":...}}. */
  public static String variables(Map<String, Object> variables) {
    return variables.entrySet().stream()
        .map(
            e ->
                "\""
                    + e.getKey()
                    + "\":{\"value\":"
                    + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue())
                    + "}")
        .collect(Collectors.joining(",", "{\"variables\":{", "}}"));
  }
}
