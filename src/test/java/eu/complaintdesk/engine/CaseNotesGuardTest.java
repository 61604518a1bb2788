package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.security.Groups;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application notes a customer's new message on the case's open tasks from a job ({@value
 * ComplaintProcess#SHOW_CUSTOMER_MESSAGE}); an administrator who executes that job by hand
 * (Cockpit, {@code POST /job/{id}/execute}) runs it signed in, and the note is still added. The
 * same administrator's own comment is refused. The engine REST refusals are in
 * EngineHistoryPrivacyIT.
 */
@SpringBootTest
@ActiveProfiles("test")
class CaseNotesGuardTest {

  private static final String ADMIN = "admin";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired IntakeService intake;

  ProcessInstance instance;

  @BeforeEach
  void caseAwaitsItsFirstTask() {
    IntakeService.Receipt receipt =
        intake.submit(
            new Submission(
                Language.lv,
                new Submission.Customer(
                    "Jānis Bērziņš",
                    "janis@example.lv",
                    "+371 20000000",
                    "C-1001",
                    "Rīga, Brīvības iela 1"),
                PreferredContact.EMAIL,
                "Nepareizs rēķins",
                "Rēķinā par oktobri ir par daudz.",
                "Pārrēķināt rēķinu",
                "BILLING",
                null,
                null,
                null),
            Channel.API,
            Instant.now(),
            null,
            null);
    instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.registrationNumber())
            .singleResult();
    runAsyncJobs();
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void theApplicationsNoteInAJobAnAdministratorExecutesIsAddedTheAdministratorsOwnIsNot() {
    Task task = openTask();
    runtime
        .createMessageCorrelation(ComplaintProcess.MESSAGE_CUSTOMER_MESSAGE_RECEIVED)
        .processInstanceId(instance.getId())
        .correlate();
    Job job =
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId(ComplaintProcess.SHOW_CUSTOMER_MESSAGE)
            .singleResult();
    assertThat(job).as("the job that shows the message").isNotNull();

    identity.setAuthentication(ADMIN, List.of(Groups.ADMINISTRATORS));
    management.executeJob(job.getId());

    assertThat(tasks.getTaskComments(task.getId()))
        .singleElement()
        .extracting(Comment::getFullMessage)
        .asString()
        .contains("The customer sent a new message");
    assertThatThrownBy(() -> tasks.createComment(task.getId(), instance.getId(), "A note"))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Write notes in the task's form");
    assertThatThrownBy(() -> tasks.createComment(null, instance.getId(), "A note"))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("Write notes in the task's form");
    identity.clearAuthentication();
    assertThat(tasks.getTaskComments(task.getId())).hasSize(1);
  }

  private Task openTask() {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(open).as("the case's open tasks").hasSize(1);
    return open.get(0);
  }

  /** Runs the case's asynchronous steps, as the application does (no one signed in). */
  private void runAsyncJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          management.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming");
  }
}
