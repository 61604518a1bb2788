package eu.complaintdesk.process;

import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Helpers shared by the process tests: submitting, running jobs, firing timers. */
final class ProcessTestSupport {

  private ProcessTestSupport() {}

  /** Runs the asynchronous continuations of the instance until none is left (not timers). */
  static void runAsyncJobs(ManagementService management, ProcessInstance instance) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs =
          management.createJobQuery().processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
    throw new AssertionError("jobs keep coming: is there a loop?");
  }

  /** A handler's draft that rejects the complaint, with its reasons, no inquiry needed. */
  static Map<String, Object> rejectedDraft() {
    return Map.of(
        ComplaintVariables.DRAFT_ANSWER,
        "Cienījamais klient, ...",
        ComplaintVariables.PROPOSED_OUTCOME,
        "REJECTED",
        ComplaintVariables.REFUSAL_REASONS,
        "Rēķins ir pareizs",
        ComplaintVariables.NEEDS_EXTERNAL_INFORMATION,
        false);
  }

  /** The job of the instance waiting at {@code activityId}; fails if there is none. */
  static Job job(ManagementService management, ProcessInstance instance, String activityId) {
    Job job =
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .singleResult();
    if (job == null) {
      throw new AssertionError("no job at " + activityId);
    }
    return job;
  }

  /** Fires the timer of the given event now, whatever its due date; returns that due date. */
  static Date fireTimer(ManagementService management, ProcessInstance instance, String activityId) {
    Job timer = timer(management, instance, activityId);
    management.executeJob(timer.getId());
    return timer.getDuedate();
  }

  static Job timer(ManagementService management, ProcessInstance instance, String activityId) {
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .activityId(activityId)
            .timers()
            .singleResult();
    if (timer == null) {
      throw new AssertionError("no timer at " + activityId);
    }
    return timer;
  }

  static Submission submission(String subject, String description, String categoryHint) {
    return new Submission(
        Language.lv,
        new Submission.Customer(
            "Jānis Bērziņš",
            "janis@example.lv",
            "+371 20000000",
            "C-1001",
            "Rīga, Brīvības iela 1"),
        PreferredContact.EMAIL,
        subject,
        description,
        "Pārrēķināt rēķinu",
        categoryHint,
        null,
        null,
        null);
  }

  static IntakeService.Receipt submit(IntakeService intake, Instant receivedAt) {
    return intake.submit(
        submission("Nepareizs rēķins", "Rēķinā par oktobri ir par daudz.", "BILLING"),
        Channel.API,
        receivedAt,
        null,
        null);
  }
}
