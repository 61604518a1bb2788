package eu.complaintdesk.classification;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.system.Organisation;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Records the confirmed classification in the register and flags repeat complaints. */
@Service
class ClassificationService {

  /** Camunda task priorities for the DMN priorities (Tasklist sorts by them). */
  private static final Map<String, Integer> TASK_PRIORITIES =
      Map.of("HIGH", 75, "NORMAL", 50, "LOW", 25);

  static final int REPEAT_BONUS = 10;

  record Classification(String priority, int taskPriority, boolean repeat) {}

  private final ComplaintRegister register;
  private final Organisation organisation;

  ClassificationService(ComplaintRegister register, Organisation organisation) {
    this.register = register;
    this.organisation = organisation;
  }

  Classification register(
      long complaintId, String feedbackType, String category, String priority, String user) {
    String effectivePriority = TASK_PRIORITIES.containsKey(priority) ? priority : "NORMAL";
    boolean repeat = register.hasRecentSimilar(complaintId, category, organisation.repeatWindow());
    register.classify(complaintId, feedbackType, category, effectivePriority, repeat, user);
    if (repeat) {
      register.addEvent(
          complaintId, "REPEAT_COMPLAINT", "system", "Same customer and category recently", false);
    }
    register.changeStatus(complaintId, ComplaintStatus.IN_PROGRESS, user, feedbackType);
    return new Classification(effectivePriority, taskPriority(effectivePriority, repeat), repeat);
  }

  /** The Camunda task priority for a DMN priority; unknown or missing counts as NORMAL. */
  static int taskPriority(String priority, boolean repeat) {
    Integer base = priority == null ? null : TASK_PRIORITIES.get(priority);
    return (base != null ? base : TASK_PRIORITIES.get("NORMAL")) + (repeat ? REPEAT_BONUS : 0);
  }
}
