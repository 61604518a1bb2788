package eu.complaintdesk.reporting;

import eu.complaintdesk.security.Groups;
import java.security.Principal;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Who may read the managers' reports: members of {@link Groups#REPORT_READERS}. */
@Component
class ReportReaders {

  private final IdentityService identity;

  ReportReaders(IdentityService identity) {
    this.identity = identity;
  }

  /** Whether the signed-in user (the staff filter's principal) may read the reports. */
  boolean mayRead(Principal user) {
    return user != null
        && identity.createGroupQuery().groupMember(user.getName()).list().stream()
            .map(Group::getId)
            .anyMatch(Groups.REPORT_READERS::contains);
  }
}
