package eu.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.ComplaintDeskApplication;
import eu.complaintdesk.system.MissingSetting;
import eu.complaintdesk.testing.EngineRest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * Without demo users (as in the {@code postgres} profile) the first administrator comes from the
 * configuration, and the application does not start without their password. Its own context on
 * in-memory H2: the shared integration context has the demo users. Its engine has a name of its own
 * ({@value #ENGINE}), addressed as {@code /engine-rest/engine/{name}/…}: Camunda keeps engines in a
 * JVM-wide registry by name, and a second "default" would take the shared context's place.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "complaints.demo-users=false",
      "complaints.admin.user=chief",
      "complaints.admin.password=" + FirstAdministratorIT.PASSWORD,
      "spring.datasource.url=jdbc:h2:mem:first-administrator;DB_CLOSE_DELAY=-1",
      "camunda.bpm.process-engine-name=" + FirstAdministratorIT.ENGINE
    })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@Tag("own-engine") // a JVM of its own (pom.xml, failsafe)
class FirstAdministratorIT {

  static final String PASSWORD = "Correct-Horse-7";
  static final String ENGINE = "firstadmin";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @Test
  void administratorFromTheConfigurationSignsInAndIsACamundaAdministrator() {
    EngineRest chief = EngineRest.as(port, "chief", PASSWORD);

    var groups = chief.get("/engine/" + ENGINE + "/identity/groups?userId=chief");

    assertThat(groups.status()).as(groups.body()).isEqualTo(200);
    assertThat(groups.json().at("/groups").findValuesAsText("id")).contains(Groups.ADMINISTRATORS);
    assertThat(chief.get("/engine/" + ENGINE + "/user?id=chief").status()).isEqualTo(200);
    assertThat(identity.createUserQuery().userIdIn("registrar", "admin").count()).isZero();
  }

  @Test
  void aRestartSetsTheConfiguredPasswordAgain() {
    var user = identity.createUserQuery().userId("chief").singleResult();
    user.setPassword("changed-in-admin");
    identity.saveUser(user);

    new FirstAdministrator("chief", PASSWORD, identity).run(null);

    assertThat(identity.checkPassword("chief", PASSWORD)).isTrue();
    assertThat(identity.createUserQuery().userId("chief").memberOfGroup(Groups.ADMINISTRATORS))
        .extracting(q -> q.count())
        .isEqualTo(1L);
  }

  @Test
  void camundasSetupPageStaysClosed() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    // the admin app's page hands out the CSRF token that a setup form would send back
    browser.send(
        HttpRequest.newBuilder(uri("/camunda/app/admin/" + ENGINE + "/setup/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    String token =
        cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
            .findFirst()
            .orElseThrow()
            .getValue();

    HttpResponse<String> setup =
        browser.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/setup/" + ENGINE + "/user/create"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\","
                            + "\"email\":\"i@example.org\"},\"credentials\":{\"password\":"
                            + "\"intruder-1\"}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(setup.statusCode()).as(setup.body()).isEqualTo(403);
    assertThat(setup.body()).contains("Setup action not available");
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void withoutThePasswordTheApplicationRefusesToStartNamingTheSetting(CapturedOutput output) {
    // arguments, not default properties: those would lose to application-test.yaml; an engine
    // name of its own, so that nothing of this start touches the engine of the running test
    SpringApplicationBuilder application =
        new SpringApplicationBuilder(ComplaintDeskApplication.class)
            .web(WebApplicationType.NONE)
            .profiles("test");

    assertThatThrownBy(
            () ->
                application.run(
                    "--complaints.demo-users=false",
                    "--camunda.bpm.process-engine-name=refused",
                    "--spring.datasource.url=jdbc:h2:mem:no-administrator;DB_CLOSE_DELAY=-1"))
        .satisfies(
            failure ->
                assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                    .isInstanceOf(MissingSetting.class)
                    .hasMessageStartingWith(
                        "complaints.admin.password (environment COMPLAINTS_ADMIN_PASSWORD) is not"
                            + " set"));
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("complaints.admin.password (environment COMPLAINTS_ADMIN_PASSWORD) is not set")
        .doesNotContain("\tat org.springframework");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
