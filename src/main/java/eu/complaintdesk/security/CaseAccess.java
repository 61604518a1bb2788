package eu.complaintdesk.security;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;

import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The one rule for which case a staff member may read (case file, its files, letters and outbox):
 *
 * <ul>
 *   <li>supervisors, managers, process owners and administrators: every case (they review,
 *       escalate, evaluate and watch across departments);
 *   <li>registrars: every case (they register and check every case at intake, before it has a
 *       department);
 *   <li>department staff: the cases routed to one of their groups (the process variable {@code
 *       candidateGroup} that {@code RouteComplaint} set, read from history so that finished cases
 *       count too), and the cases in which they have or had a task (as assignee, candidate user or
 *       through a candidate group) — so a task someone was given outside the routing still opens
 *       its case file.
 * </ul>
 *
 * A case a user may not read answers exactly like an unknown number (404), so numbers cannot be
 * enumerated.
 */
@Component
public class CaseAccess {

  /** Groups whose members may read every case. */
  static final Set<String> EVERY_CASE =
      Set.of(
          Groups.SUPERVISORS,
          Groups.MANAGERS,
          Groups.PROCESS_OWNERS,
          Groups.ADMINISTRATORS,
          Groups.REGISTRARS);

  private final ComplaintRegister register;
  private final HistoryService history;
  private final IdentityService identity;

  public CaseAccess(ComplaintRegister register, HistoryService history, IdentityService identity) {
    this.register = register;
    this.history = history;
    this.identity = identity;
  }

  /** Whether the user may read the case with this registration number (false when unknown). */
  public boolean mayRead(String user, String registrationNumber) {
    if (user == null || registrationNumber == null) {
      return false;
    }
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    if (groups.stream().anyMatch(EVERY_CASE::contains)) {
      return true;
    }
    String processInstanceId =
        register
            .findByRegistrationNumber(registrationNumber)
            .map(Complaint::processInstanceId)
            .orElse(null);
    if (processInstanceId == null || groups.isEmpty()) {
      return false;
    }
    return routedToOneOf(processInstanceId, groups)
        || involvedInATask(processInstanceId, user, groups);
  }

  private boolean routedToOneOf(String processInstanceId, List<String> groups) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId)
        .variableName(CANDIDATE_GROUP)
        .list()
        .stream()
        .map(HistoricVariableInstance::getValue)
        .anyMatch(groups::contains);
  }

  private boolean involvedInATask(String processInstanceId, String user, List<String> groups) {
    if (history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId)
                .taskAssignee(user)
                .count()
            > 0
        || history
                .createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId)
                .taskInvolvedUser(user)
                .count()
            > 0) {
      return true;
    }
    return groups.stream()
        .anyMatch(
            group ->
                history
                        .createHistoricTaskInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .taskHadCandidateGroup(group)
                        .count()
                    > 0);
  }
}
