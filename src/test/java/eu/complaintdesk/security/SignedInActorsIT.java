package eu.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.process.StaffRegistrationProcess;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who did something comes from the sign-in, over the engine REST API as staff call it: nobody
 * registers in someone else's name, renames themselves, or sends signals and messages (the
 * customer's voice) — only administrators and the application itself.
 */
class SignedInActorsIT extends ApplicationIntegrationTest {

  static final String LETTER =
      """
      "channel":{"value":"POST"},"language":{"value":"lv"},
      "customerName":{"value":"Ilze Kalniņa"},"customerAddress":{"value":"Liepāja, Lielā iela 5"},
      "preferredContact":{"value":"POST"},"subject":{"value":"Karstā ūdens nav"},
      "description":{"value":"Kopš pirmdienas dzīvoklī nav karstā ūdens."}
      """;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ComplaintRegister register;

  @Test
  void aRegistrarCannotRegisterInSomeoneElsesName() {
    EngineRest registrar = EngineRest.as(port, "registrar");
    String start = "/process-definition/key/" + StaffRegistrationProcess.PROCESS_KEY + "/start";
    long started = registrations();

    EngineRest.Response forged =
        registrar.post(
            start, "{\"variables\":{" + LETTER + ",\"registeredBy\":{\"value\":\"admin\"}}}");

    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.json().get("message").asText()).startsWith("'registeredBy'");
    assertThat(registrations()).isEqualTo(started);

    EngineRest.Response honest =
        registrar.post(start, "{\"withVariablesInReturn\":true,\"variables\":{" + LETTER + "}}");
    assertThat(honest.status()).as(honest.toString()).isEqualTo(200);
    String number = honest.json().at("/variables/registrationNumber/value").asText();
    long id = register.findByRegistrationNumber(number).orElseThrow().id();
    assertThat(register.timeline(id))
        .filteredOn(entry -> entry.type().equals(ComplaintStatus.REGISTERED.name()))
        .extracting(entry -> entry.actor())
        .containsExactly("registrar");
  }

  @Test
  void aCompletionNamingWhoDidItIsRefused() {
    CaseDriver cases = new CaseDriver(port);
    String number = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String task = cases.awaitTask(number, "UserTask_CheckCompleteness");
    EngineRest registrar = EngineRest.as(port, "registrar");
    assertThat(registrar.post("/task/" + task + "/claim", CaseDriver.claimBody(registrar)).status())
        .isEqualTo(204);

    EngineRest.Response forged =
        registrar.post(
            "/task/" + task + "/complete",
            "{\"variables\":{\"complete\":{\"value\":true},"
                + "\"classifiedBy\":{\"value\":\"supervisor\"}}}");

    assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
    assertThat(forged.json().get("message").asText()).contains("classifiedBy");
    assertThat(registrar.get("/task/" + task).status()).isEqualTo(200);
  }

  @Test
  void staffChangeTheirPasswordButNotTheirNameOrEmail() {
    String clerk = "profile-clerk";
    StaffUsers.ensure(identity, clerk, "dept-billing");
    EngineRest self = EngineRest.as(port, clerk);

    EngineRest.Response renamed =
        self.put(
            "/user/" + clerk + "/profile",
            "{\"id\":\"" + clerk + "\",\"firstName\":\"Chief\",\"lastName\":\"Executive\"}");
    EngineRest.Response reEmailed =
        self.put(
            "/user/" + clerk + "/profile",
            "{\"id\":\""
                + clerk
                + "\",\"firstName\":\""
                + clerk
                + "\",\"lastName\":\"Test\",\"email\":\"ceo@example.org\"}");

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(403);
    assertThat(reEmailed.status()).as(reEmailed.toString()).isEqualTo(403);
    var stored = identity.createUserQuery().userId(clerk).singleResult();
    assertThat(stored.getFirstName()).isEqualTo(clerk);
    assertThat(stored.getEmail()).isNull();

    EngineRest.Response password =
        self.put(
            "/user/" + clerk + "/credentials",
            "{\"password\":\"new-secret-9\",\"authenticatedUserPassword\":\"" + clerk + "\"}");
    assertThat(password.status()).as(password.toString()).isEqualTo(204);
    assertThat(
            EngineRest.as(port, clerk, "new-secret-9").get("/user/" + clerk + "/profile").status())
        .isEqualTo(200);

    EngineRest.Response byAdmin =
        EngineRest.as(port, "admin")
            .put(
                "/user/" + clerk + "/profile",
                "{\"id\":\"" + clerk + "\",\"firstName\":\"Renamed\",\"lastName\":\"Test\"}");
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(204);
    assertThat(identity.createUserQuery().userId(clerk).singleResult().getFirstName())
        .isEqualTo("Renamed");
    // as it was, for the next run of this test in the same database
    var restored = identity.createUserQuery().userId(clerk).singleResult();
    restored.setFirstName(clerk);
    restored.setPassword(clerk);
    identity.saveUser(restored);
  }

  @Test
  void staffCannotTestSomeoneElsesPassword() {
    // 200 {"authenticated":false} for each guess would be a password oracle past the sign-in
    // throttle (it counts 401s), and each wrong guess would delay the user's own sign-in
    EngineRest.Response guess =
        EngineRest.as(port, "registrar")
            .post("/identity/verify", "{\"username\":\"supervisor\",\"password\":\"guess\"}");
    assertThat(guess.status()).as(guess.toString()).isEqualTo(403);

    EngineRest.Response own =
        EngineRest.as(port, "registrar")
            .post("/identity/verify", "{\"username\":\"registrar\",\"password\":\"registrar\"}");
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(own.json().get("authenticated").asBoolean()).isTrue();
  }

  @Test
  void staffCannotCorrelateMessagesInABatch() {
    EngineRest.Response batch =
        EngineRest.as(port, "supervisor")
            .post(
                "/process-instance/message-async",
                "{\"messageName\":\"Message_WithdrawalRequested\",\"processInstanceQuery\":{}}");
    assertThat(batch.status()).as(batch.toString()).isEqualTo(403);
  }

  @Test
  void onlyAdministratorsAndTheApplicationSendSignals() {
    EngineRest.Response byStaff =
        EngineRest.as(port, "supervisor").post("/signal", "{\"name\":\"Signal_Anything\"}");
    EngineRest.Response byAdmin =
        EngineRest.as(port, "admin").post("/signal", "{\"name\":\"Signal_Anything\"}");

    assertThat(byStaff.status()).as(byStaff.toString()).isEqualTo(403);
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(204);
    runtime.createSignalEvent("Signal_Anything").send(); // the application itself
  }

  @Test
  void staffCannotWithdrawACaseOrSpeakForTheCustomer() {
    CaseDriver cases = new CaseDriver(port);
    String number = cases.submit(CaseDriver.HEATING_COMPLAINT);
    cases.awaitTask(number, "UserTask_CheckCompleteness");

    for (String user : new String[] {"registrar", "supervisor", "owner", "manager"}) {
      for (String message :
          new String[] {"Message_WithdrawalRequested", "Message_CustomerMessageReceived"}) {
        EngineRest.Response sent =
            EngineRest.as(port, user)
                .post(
                    "/message",
                    "{\"messageName\":\"" + message + "\",\"businessKey\":\"" + number + "\"}");
        assertThat(sent.status()).as(user + " " + message + ": " + sent).isEqualTo(403);
      }
    }
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(number)
                .active()
                .count())
        .isEqualTo(1);
    assertThat(register.findByRegistrationNumber(number).orElseThrow().status())
        .isNotEqualTo(ComplaintStatus.WITHDRAWN);
  }

  private long registrations() {
    return history
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(StaffRegistrationProcess.PROCESS_KEY)
        .count();
  }
}
