package eu.complaintdesk.testing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Runs the jobs a process instance still has, by hand. Two jobs of one case may run at once (a
 * timer and a customer's message, say); the one that loses gets an optimistic locking failure and
 * waits for its retry, minutes later (README "Operations"). A test that waits for the case to end
 * calls this in its wait instead of waiting minutes.
 */
public final class LeftoverJobs {

  private LeftoverJobs() {}

  /**
   * Executes, once, the jobs of the instance that are due or failed before (waiting for their
   * retry) — never a timer that is not due yet; a job the executor runs meanwhile is skipped.
   */
  public static void runByHand(ManagementService management, String processInstanceId) {
    List<Job> leftover = new ArrayList<>();
    leftover.addAll(
        management.createJobQuery().processInstanceId(processInstanceId).executable().list());
    leftover.addAll(
        management.createJobQuery().processInstanceId(processInstanceId).withException().list());
    for (Job job : leftover) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException ranMeanwhile) {
        // the job executor ran it, or it lost the same race again: the next look sees
      }
    }
  }
}
