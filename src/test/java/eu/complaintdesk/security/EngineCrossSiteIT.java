package eu.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.Multipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Changing calls to {@code /engine-rest} from another site are refused, even with the owner's
 * credentials; a deploy as Camunda Modeler sends it (no {@code Origin}, HTTP Basic) works.
 */
class EngineCrossSiteIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;

  @Test
  void aCrossSiteDeployWithTheOwnersCredentialsIsRefusedAndDeploysNothing() throws Exception {
    String name = "cross-site-" + System.nanoTime();

    HttpResponse<String> evil = deploy(name, "owner", Map.of("Origin", "https://evil.example"));
    HttpResponse<String> fetched =
        deploy(
            name,
            "owner",
            Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
    HttpResponse<String> sameSite = deploy(name, "owner", Map.of("Sec-Fetch-Site", "same-site"));
    HttpResponse<String> nullOrigin = deploy(name, "owner", Map.of("Origin", "null"));
    // refused before the password is checked: another site cannot try passwords either
    HttpResponse<String> guessing =
        deploy(name, "owner:wrong", Map.of("Origin", "https://evil.example"));

    for (HttpResponse<String> refused : List.of(evil, fetched, sameSite, nullOrigin, guessing)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
    }
    assertThat(EngineRest.as(port, "admin").get("/deployment?name=" + name).json()).isEmpty();
    // reading from another site is not refused here (the browser does not let the page read it)
    HttpResponse<String> read =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment?name=" + name))
                .header("Authorization", basic("owner"))
                .header("Origin", "https://evil.example")
                .GET());
    assertThat(read.statusCode()).isEqualTo(200);
  }

  @Test
  void aDeployAsCamundaModelerSendsItWorks() throws Exception {
    String name = "modeler-" + System.nanoTime();

    HttpResponse<String> modeler = deploy(name, "owner", Map.of());
    HttpResponse<String> thisSite =
        deploy(
            name,
            "owner",
            Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"));

    EngineRest owner = EngineRest.as(port, "owner");
    for (HttpResponse<String> deployed : List.of(modeler, thisSite)) {
      assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
      String id = new EngineRest.Response(200, deployed.body()).json().get("id").asText();
      assertThat(owner.delete("/deployment/" + id).status()).isEqualTo(204);
    }
  }

  /** A multipart deploy of a one-rule FEEL decision, as Modeler sends it plus these headers. */
  private HttpResponse<String> deploy(String name, String credentials, Map<String, String> headers)
      throws IOException, InterruptedException {
    Multipart body =
        new Multipart()
            .text("deployment-name", name)
            .text("deployment-source", "Camunda Modeler")
            .text("deploy-changed-only", "false")
            .file(
                "CrossSiteCheck.dmn",
                "CrossSiteCheck.dmn",
                "application/octet-stream",
                DMN.getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + "/engine-rest/deployment/create"))
            .header("Authorization", basic(credentials))
            .header("Accept", "application/json")
            .header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.body()));
    headers.forEach(request::header);
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** HTTP Basic for "user" (password = user id) or "user:password". */
  private static String basic(String credentials) {
    String[] pair =
        (credentials.contains(":") ? credentials : credentials + ":" + credentials).split(":", 2);
    return EngineRest.basic(pair[0], pair[1]);
  }

  static final String DMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
          xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="Definitions_CrossSiteCheck" name="Cross-site check"
          namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="CrossSiteCheck" name="Cross-site check" camunda:historyTimeToLive="1">
          <decisionTable id="DecisionTable_CrossSiteCheck">
            <input id="Input_Role" label="Role">
              <inputExpression id="InputExpression_Role" typeRef="string">
                <text>role</text>
              </inputExpression>
            </input>
            <output id="Output_Deploys" label="Deploys" name="deploys" typeRef="boolean" />
            <rule id="Rule_Owner">
              <inputEntry id="InputEntry_Owner"><text>"owner"</text></inputEntry>
              <outputEntry id="OutputEntry_Owner"><text>true</text></outputEntry>
            </rule>
          </decisionTable>
        </decision>
      </definitions>
      """;
}
