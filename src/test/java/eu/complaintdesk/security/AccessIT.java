package eu.complaintdesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.StaffUsers;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what, over the engine REST API as the demo users and as staff of one department only
 * (the way Tasklist, Cockpit and Modeler call it), with authorization on.
 */
class AccessIT extends ApplicationIntegrationTest {

  static final String DRAFT = "UserTask_DraftAnswer";
  static final String REVIEW = "UserTask_ReviewAnswer";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizationService;
  @Autowired OrganisationGroups groups;
  @Autowired Authorizations authorizations;
  @Autowired ComplaintRegister register;

  CaseDriver cases;

  @BeforeEach
  void staffOfOneDepartment() {
    cases = new CaseDriver(port);
    StaffUsers.ensure(identity, StaffUsers.BILLING_CLERK, "dept-billing");
    StaffUsers.ensure(identity, StaffUsers.HEAT_CLERK, "dept-heat-quality");
  }

  @Test
  void departmentStaffSeeAndWorkOnlyTheirGroupsTasks() {
    String number = cases.heatingComplaintAwaitingDraft();
    String draft = cases.awaitTask(number, DRAFT);
    EngineRest billing = EngineRest.as(port, StaffUsers.BILLING_CLERK);
    EngineRest heat = EngineRest.as(port, StaffUsers.HEAT_CLERK);

    assertThat(billing.get("/task?processInstanceBusinessKey=" + number).json()).isEmpty();
    assertThat(billing.get("/task/" + draft).status()).isEqualTo(404);
    assertThat(billing.post("/task/" + draft + "/claim", CaseDriver.claimBody(billing)).status())
        .isEqualTo(403);
    assertThat(billing.post("/task/" + draft + "/complete", draftOf("UPHELD")).status())
        .isEqualTo(403);

    assertThat(heat.get("/task?processInstanceBusinessKey=" + number).json()).hasSize(1);
    EngineRest.Response claimed =
        heat.post("/task/" + draft + "/claim", CaseDriver.claimBody(heat));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    // Working a task is not owning it: freeing or handing it on is for supervisors.
    assertThat(heat.post("/task/" + draft + "/assignee", "{\"userId\":\"handler\"}").status())
        .isEqualTo(403);
    assertThat(heat.post("/task/" + draft + "/unclaim", "{}").status()).isEqualTo(403);
    EngineRest supervisor = EngineRest.as(port, "supervisor");
    assertThat(supervisor.post("/task/" + draft + "/unclaim", "{}").status()).isEqualTo(204);
    assertThat(heat.post("/task/" + draft + "/claim", CaseDriver.claimBody(heat)).status())
        .isEqualTo(204);

    // a task takes only its own variables: nobody points the answer at another case
    EngineRest.Response redirected =
        heat.post(
            "/task/" + draft + "/complete",
            draftOf("UPHELD")
                .replace("{\"variables\":{", "{\"variables\":{\"complaintId\":{\"value\":1},"));
    assertThat(redirected.status()).as(redirected.toString()).isEqualTo(400);
    assertThat(redirected.body()).contains("'complaintId' is not a variable of this task");
    assertThat(heat.put("/task/" + draft + "/variables/complaintId", "{\"value\":1}").status())
        .isEqualTo(403);
    EngineRest.Response completed = heat.post("/task/" + draft + "/complete", draftOf("UPHELD"));
    assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
  }

  @Test
  void managersReadEverythingAndCompleteNothing() {
    String number = cases.heatingComplaintAwaitingDraft();
    String draft = cases.awaitTask(number, DRAFT);
    EngineRest manager = EngineRest.as(port, "manager");

    assertThat(manager.get("/task?processInstanceBusinessKey=" + number).json()).hasSize(1);
    // Cockpit shows the registration number as the business key.
    assertThat(manager.get("/process-instance?businessKey=" + number).json()).hasSize(1);
    assertThat(manager.get("/history/process-instance?processInstanceBusinessKey=" + number).json())
        .hasSize(1);
    assertThat(
            manager.get("/history/decision-instance?decisionDefinitionKey=RouteComplaint").status())
        .isEqualTo(200);
    assertThat(manager.get("/incident").status()).isEqualTo(200);
    assertThat(manager.get("/deployment").json()).isNotEmpty();

    assertThat(manager.post("/task/" + draft + "/claim", CaseDriver.claimBody(manager)).status())
        .isEqualTo(403);
    assertThat(manager.post("/task/" + draft + "/complete", draftOf("UPHELD")).status())
        .isEqualTo(403);
    String instance =
        manager.get("/process-instance?businessKey=" + number).json().get(0).get("id").asText();
    assertThat(
            manager
                .put("/process-instance/" + instance + "/suspended", "{\"suspended\":true}")
                .status())
        .isEqualTo(403);
    assertThat(manager.delete("/process-instance/" + instance).status()).isEqualTo(403);
  }

  @Test
  void onlyProcessOwnersAndAdministratorsDeploy() {
    Map<String, String> fields =
        Map.of(
            "deployment-name", "access-check",
            "deployment-source", "Camunda Modeler",
            "deploy-changed-only", "true");

    EngineRest.Response byHandler =
        EngineRest.as(port, "handler")
            .postMultipart("/deployment/create", fields, "AccessCheck.dmn", ACCESS_CHECK_DMN);
    assertThat(byHandler.status()).as(byHandler.toString()).isEqualTo(403);

    EngineRest owner = EngineRest.as(port, "owner");
    EngineRest.Response byOwner =
        owner.postMultipart("/deployment/create", fields, "AccessCheck.dmn", ACCESS_CHECK_DMN);
    assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(200);
    assertThat(owner.get("/decision-definition?key=AccessCheck&latestVersion=true").json().size())
        .isEqualTo(1);
    assertThat(owner.delete("/deployment/" + byOwner.json().get("id").asText()).status())
        .isEqualTo(204);
  }

  @Test
  void processOwnersMigrateRunningCasesOverTheApiAndHandlersCannot() {
    String number = cases.heatingComplaintAwaitingDraft();
    cases.awaitTask(number, DRAFT);
    EngineRest owner = EngineRest.as(port, "owner");
    String instance =
        owner.get("/process-instance?businessKey=" + number).json().get(0).get("id").asText();
    String definition =
        owner.get("/process-instance/" + instance).json().get("definitionId").asText();
    EngineRest.Response plan =
        owner.post(
            "/migration/generate",
            "{\"sourceProcessDefinitionId\":\""
                + definition
                + "\",\"targetProcessDefinitionId\":\""
                + definition
                + "\",\"updateEventTriggers\":true}");
    assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    String execute =
        "{\"migrationPlan\":" + plan.body() + ",\"processInstanceIds\":[\"" + instance + "\"]}";

    EngineRest.Response byHandler =
        EngineRest.as(port, "handler").post("/migration/execute", execute);
    EngineRest.Response byOwner = owner.post("/migration/execute", execute);

    assertThat(byHandler.status()).as(byHandler.toString()).isEqualTo(403);
    assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(204);
    assertThat(cases.awaitTask(number, DRAFT)).isNotNull();
  }

  @Test
  void anotherSupervisorReviewsTheDraftAndTheDrafterCannot() {
    String number = cases.heatingComplaintAwaitingDraft();
    EngineRest supervisor = EngineRest.as(port, "supervisor");
    EngineRest supervisor2 = EngineRest.as(port, "supervisor2");
    EngineRest handler = EngineRest.as(port, "handler");
    cases.work(supervisor, number, DRAFT, CaseDriver.draft("UPHELD"));
    String review = cases.awaitTask(number, REVIEW);

    EngineRest.Response byHandler =
        handler.post("/task/" + review + "/claim", CaseDriver.claimBody(handler));
    assertThat(byHandler.status()).isEqualTo(403);
    EngineRest.Response byDrafter =
        supervisor.post("/task/" + review + "/claim", CaseDriver.claimBody(supervisor));
    assertThat(byDrafter.status()).isEqualTo(400);
    assertThat(byDrafter.json().get("message").asText())
        .isEqualTo(
            "You drafted this answer, so another supervisor must review it (four-eyes rule).");

    EngineRest.Response claimed =
        supervisor2.post("/task/" + review + "/claim", CaseDriver.claimBody(supervisor2));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    EngineRest.Response completedByDrafter =
        supervisor.post(
            "/task/" + review + "/complete", CaseDriver.variables(Map.of("answerApproved", true)));
    assertThat(completedByDrafter.status()).isEqualTo(400);
    assertThat(completedByDrafter.json().get("message").asText())
        .endsWith(
            ": You drafted this answer, so another supervisor must review it (four-eyes rule).");
    EngineRest.Response approved =
        supervisor2.post(
            "/task/" + review + "/complete", CaseDriver.variables(Map.of("answerApproved", true)));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(204);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> register.findByRegistrationNumber(number).orElseThrow().status().name(),
            "ANSWERED"::equals);
  }

  @Test
  void onlyRegistrarsRegisterComplaintsThroughTheStaffApi() {
    String phoneCall =
        CaseDriver.HEATING_COMPLAINT.replace(
            "{\"language\"", "{\"channel\":\"PHONE\",\"language\"");

    EngineRest.Response byManager = cases.staffRegistration("manager", phoneCall);
    EngineRest.Response byHandler = cases.staffRegistration("handler", phoneCall);
    EngineRest.Response byRegistrar = cases.staffRegistration("registrar", phoneCall);

    assertThat(byManager.status()).isEqualTo(403);
    assertThat(byManager.json().get("detail").asText())
        .isEqualTo("Only registrars register complaints from other channels.");
    assertThat(byHandler.status()).isEqualTo(403);
    assertThat(byRegistrar.status()).as(byRegistrar.toString()).isEqualTo(201);
  }

  @Test
  void nobodyStartsTheComplaintProcessWithoutTheRegister() {
    EngineRest.Response started =
        EngineRest.as(port, "registrar")
            .post("/process-definition/key/ComplaintHandlingProcess/start", "{}");

    assertThat(started.status()).as(started.toString()).isEqualTo(403);
  }

  @Test
  void startUpGrantsAreNotDuplicatedByAnotherRun() throws Exception {
    long before = authorizationService.createAuthorizationQuery().count();

    groups.run(null);
    authorizations.run(null);

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(before);
  }

  static String draftOf(String outcome) {
    return CaseDriver.variables(CaseDriver.draft(outcome));
  }

  static final String ACCESS_CHECK_DMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
          xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="Definitions_AccessCheck" name="Access check" namespace="http://camunda.org/schema/1.0/dmn">
        <decision id="AccessCheck" name="Access check" camunda:historyTimeToLive="1">
          <decisionTable id="DecisionTable_AccessCheck">
            <input id="Input_Role" label="Role">
              <inputExpression id="InputExpression_Role" typeRef="string"><text>role</text></inputExpression>
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
