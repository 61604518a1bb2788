package eu.complaintdesk.security;

import static eu.complaintdesk.testing.TestClients.FORWARDED_FOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import eu.complaintdesk.testing.TestClients;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failed sign-ins are throttled per client address on every way in with a password, and a burst of
 * wrong passwords never locks the account: the engine's own delay per user is short and ends.
 */
class SignInThrottleIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  /** One way in with a password: answers the status of one attempt. */
  interface WayIn {
    HttpResponse<String> signIn(String client, String user, String password) throws Exception;
  }

  @Test
  void httpBasicOnEngineRestIsThrottledPerClient() throws Exception {
    assertThrottled(this::engineRest, "/engine-rest");
  }

  @Test
  void tasklistSignInIsThrottledPerClient() throws Exception {
    assertThrottled(this::tasklist, "tasklist");
  }

  @Test
  void httpBasicOnTheActuatorIsThrottledPerClient() throws Exception {
    // health shows administrators its details, so a wrong password there is a failed sign-in too
    assertThrottled(
        (client, user, password) -> staff("/actuator/health", client, user, password),
        "actuator health");
  }

  @Test
  void staffApiAndPagesAreThrottledPerClient() throws Exception {
    assertThrottled(
        (client, user, password) -> staff("/api/reports/kpis", client, user, password),
        "staff API");
    assertThrottled(
        (client, user, password) -> staff("/staff/reports", client, user, password), "staff pages");
  }

  @Test
  void supervisorSignsInAgainWithinAMinuteAfterABurstOfWrongPasswords() throws Exception {
    String client = TestClients.next();
    for (int i = 0; i < 15; i++) {
      assertThat(engineRest(client, "supervisor", "wrong-" + i).statusCode()).isIn(401, 429);
    }

    // from the same address, as the person who mistyped: their address gets a new try every six
    // seconds, and the engine's delay for the user is at most 3 seconds: never locked for good
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(3))
        .until(() -> engineRest(client, "supervisor", "supervisor").statusCode() == 200);
    assertThat(tasklist(TestClients.next(), "supervisor", "supervisor").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aWrongPasswordNeverLocksAnAccountForGood() {
    String user = "lockout-" + System.nanoTime();
    StaffUsers.ensure(identity, user, "managers");
    // more wrong passwords than Camunda's default of 10 (ENGINE-27002 "permanently locked"), each
    // after the previous delay ended (its end moved to now, rather than waited for)
    for (int i = 1; i <= 12; i++) {
      assertThat(identity.checkPassword(user, "wrong-" + i)).isFalse();
      assertThat(lockedFor(user))
          .as("delay after failure %d", i)
          .isLessThanOrEqualTo(Duration.ofSeconds(3));
      jdbc.sql("update act_id_user set lock_exp_time_ = null where id_ = :id")
          .param("id", user)
          .update();
    }
    assertThat(identity.checkPassword(user, user)).isTrue();
  }

  /** How much longer the engine refuses to check the user's password. */
  private Duration lockedFor(String user) {
    java.sql.Timestamp until =
        jdbc.sql("select lock_exp_time_ from act_id_user where id_ = :id")
            .param("id", user)
            .query(java.sql.Timestamp.class)
            .single();
    return Duration.between(ClockUtil.getCurrentTime().toInstant(), until.toInstant());
  }

  /**
   * Ten failures from one client (a user nobody has, so no account is delayed), then 429 with
   * Retry-After for that client, the right password too; another client signs in.
   */
  private void assertThrottled(WayIn way, String name) throws Exception {
    String client = TestClients.next();
    String nobody = "nobody-" + System.nanoTime();
    for (int i = 1; i <= 10; i++) {
      assertThat(way.signIn(client, nobody, "guess-" + i).statusCode())
          .as("%s, failure %d", name, i)
          .isEqualTo(401);
    }
    HttpResponse<String> refused = way.signIn(client, nobody, "guess-11");
    assertThat(refused.statusCode()).as(name).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After"))
        .as(name)
        .hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
    assertThat(refused.body()).as(name).contains("Too many failed sign-ins");
    assertThat(way.signIn(client, "manager", "manager").statusCode()).as(name).isEqualTo(429);
    assertThat(way.signIn(TestClients.next(), "manager", "manager").statusCode())
        .as(name)
        .isEqualTo(200);
  }

  private HttpResponse<String> engineRest(String client, String user, String password)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri("/engine-rest/user/" + "manager" + "/profile"))
            .header(FORWARDED_FOR, client)
            .header("Authorization", EngineRest.basic(user, password))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> staff(String path, String client, String user, String password)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri(path))
                .header(FORWARDED_FOR, client)
                .header("Authorization", EngineRest.basic(user, password))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response;
  }

  /** As Tasklist's sign-in page does: the page gives the CSRF token, the login sends it back. */
  private HttpResponse<String> tasklist(String client, String user, String password)
      throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/"))
            .header(FORWARDED_FOR, client)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.discarding());
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .findFirst()
            .orElseThrow()
            .getValue();
    return browser.send(
        HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
            .header(FORWARDED_FOR, client)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-XSRF-TOKEN", token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
