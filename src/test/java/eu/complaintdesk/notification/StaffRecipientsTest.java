package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who is told, from the engine's identity service and tasks: an engine of its own (in-memory H2), a
 * model with the draft task and a second task, users in groups, one without an address.
 */
class StaffRecipientsTest {

  private static ProcessEngine engine;
  private static StaffRecipients recipients;

  @BeforeAll
  static void engineWithUsersAndModel() {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration
        .setJdbcUrl("jdbc:h2:mem:staff-recipients;DB_CLOSE_DELAY=-1")
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
        .setJobExecutorActivate(false);
    configuration.setProcessEngineName("staff-recipients");
    configuration.setGeneralResourceWhitelistPattern(
        "[a-zA-Z0-9][a-zA-Z0-9-]*"); // as the application
    engine = configuration.buildProcessEngine();
    IdentityService identity = engine.getIdentityService();
    user(identity, "hanna", "hanna@desk.example", "dept-billing");
    user(identity, "sandra", "sandra@desk.example", "dept-billing", "supervisors");
    user(identity, "silvija", "silvija@desk.example", "supervisors");
    user(identity, "nomail", null, "dept-billing", "supervisors");
    user(identity, "rita", "rita@desk.example", "registrars");
    user(identity, "mara", "mara@desk.example", "managers");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("StaffRecipientsTest")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .parallelGateway("Fork")
            .userTask("UserTask_DraftAnswer")
            .name("Draft answer")
            .camundaCandidateGroups("dept-billing")
            .endEvent()
            .moveToNode("Fork")
            .userTask("UserTask_RecordExternalReply")
            .name("Record external reply")
            .camundaCandidateGroups("dept-billing")
            .endEvent()
            .done();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("staff-recipients.bpmn", model)
        .deploy();
    recipients = new StaffRecipients(engine.getTaskService(), identity);
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  private static void user(IdentityService identity, String id, String email, String... groups) {
    User user = identity.newUser(id);
    user.setEmail(email);
    identity.saveUser(user);
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(id, group);
    }
  }

  private ProcessInstance start() {
    return engine.getRuntimeService().startProcessInstanceByKey("StaffRecipientsTest");
  }

  private Task task(ProcessInstance instance, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  private static List<String> addresses(List<StaffRecipients.Recipient> found) {
    return found.stream().map(StaffRecipients.Recipient::email).toList();
  }

  @Test
  void unassignedDraftGoesToTheMembersOfItsCandidateGroupsEachOnceAndOnlyWithAnAddress() {
    ProcessInstance instance = start();
    Task draft = task(instance, "UserTask_DraftAnswer");

    List<StaffRecipients.Recipient> found =
        recipients.workersOf(instance.getId(), "UserTask_DraftAnswer", "dept-billing");

    assertThat(addresses(found)).containsExactly("hanna@desk.example", "sandra@desk.example");
    assertThat(found).allSatisfy(r -> assertThat(r.task().getId()).isEqualTo(draft.getId()));

    // an escalated draft is offered to the supervisors too: its identity links say so
    engine.getTaskService().addCandidateGroup(draft.getId(), "supervisors");
    assertThat(
            addresses(
                recipients.workersOf(instance.getId(), "UserTask_DraftAnswer", "dept-billing")))
        .containsExactly("hanna@desk.example", "sandra@desk.example", "silvija@desk.example");
  }

  @Test
  void assignedDraftGoesToItsAssigneeOnly() {
    ProcessInstance instance = start();
    TaskService tasks = engine.getTaskService();
    tasks.claim(task(instance, "UserTask_DraftAnswer").getId(), "sandra");

    assertThat(
            addresses(
                recipients.workersOf(instance.getId(), "UserTask_DraftAnswer", "dept-billing")))
        .containsExactly("sandra@desk.example");
  }

  @Test
  void caseWorkersAreTheAssigneesOfTheOpenTasksElseTheirCandidates() {
    ProcessInstance instance = start();
    TaskService tasks = engine.getTaskService();
    tasks.claim(task(instance, "UserTask_DraftAnswer").getId(), "silvija");

    List<StaffRecipients.Recipient> found =
        recipients.workersOf(instance.getId(), null, "registrars");

    // the draft's assignee, and the unassigned reply task's candidates
    assertThat(addresses(found))
        .containsExactlyInAnyOrder(
            "silvija@desk.example", "hanna@desk.example", "sandra@desk.example");
    assertThat(found)
        .filteredOn(r -> r.userId().equals("silvija"))
        .singleElement()
        .satisfies(
            r -> assertThat(r.task().getTaskDefinitionKey()).isEqualTo("UserTask_DraftAnswer"));
  }

  @Test
  void caseWithoutOpenTasksGoesToTheFallbackGroupWithoutATask() {
    List<StaffRecipients.Recipient> found =
        recipients.workersOf("no-such-instance", null, "registrars");

    assertThat(addresses(found)).containsExactly("rita@desk.example");
    assertThat(found.get(0).task()).isNull();
  }

  @Test
  void groupMembersAreToldAboutTheCasesOpenTask() {
    ProcessInstance instance = start();

    List<StaffRecipients.Recipient> supervisors =
        recipients.membersOf("supervisors", instance.getId(), "UserTask_DraftAnswer");
    assertThat(addresses(supervisors))
        .containsExactly("sandra@desk.example", "silvija@desk.example");
    assertThat(supervisors.get(0).task().getTaskDefinitionKey()).isEqualTo("UserTask_DraftAnswer");

    assertThat(addresses(recipients.membersOf("managers", instance.getId(), null)))
        .containsExactly("mara@desk.example");
    assertThat(recipients.membersOf("managers", null, null).get(0).task()).isNull();
    assertThat(recipients.membersOf("nobody", instance.getId(), null)).isEmpty();
  }
}
