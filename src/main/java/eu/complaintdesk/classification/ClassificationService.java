package eu.complaintdesk.classification;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.system.Organisation;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Records the confirmed classification in the register and flags repeat complaints. The task
 * priority the case's tasks get follows from the {@code TaskPriority} decision in the model.
 */
@Service
class ClassificationService {

  /**
   * The priority codes the register records (the registrar's form offers these, and {@code
   * TaskPriority} declares them as its allowed values); anything else (a client of the REST API may
   * send any text) is recorded as NORMAL. Which task priority a code gives is the table's alone.
   */
  private static final Set<String> PRIORITIES = Set.of("HIGH", "NORMAL", "LOW");

  record Classification(String priority, boolean repeat) {}

  private final ComplaintRegister register;
  private final Organisation organisation;

  ClassificationService(ComplaintRegister register, Organisation organisation) {
    this.register = register;
    this.organisation = organisation;
  }

  Classification register(
      long complaintId, String feedbackType, String category, String priority, String user) {
    String effectivePriority = PRIORITIES.contains(priority) ? priority : "NORMAL";
    boolean repeat = register.hasRecentSimilar(complaintId, category, organisation.repeatWindow());
    register.classify(complaintId, feedbackType, category, effectivePriority, repeat, user);
    if (repeat) {
      register.addEvent(
          complaintId, "REPEAT_COMPLAINT", "system", "Same customer and category recently", false);
    }
    register.changeStatus(complaintId, ComplaintStatus.IN_PROGRESS, user, feedbackType);
    return new Classification(effectivePriority, repeat);
  }
}
