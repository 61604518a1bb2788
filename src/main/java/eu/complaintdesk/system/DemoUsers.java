package eu.complaintdesk.system;

import eu.complaintdesk.security.Groups;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The groups of the organisation, and in the default run the demo users of the contract (password =
 * user id). Creating them is idempotent. Off in the postgres profile.
 */
@Component
@ConditionalOnProperty(name = "complaints.demo-users", havingValue = "true")
class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  static final Map<String, String> GROUPS =
      Map.ofEntries(
          Map.entry(Groups.ADMINISTRATORS, "Administrators"),
          Map.entry(Groups.REGISTRARS, "Registrars"),
          Map.entry(Groups.SUPERVISORS, "Supervisors"),
          Map.entry(Groups.PROCESS_OWNERS, "Process owners"),
          Map.entry(Groups.MANAGERS, "Managers"),
          Map.entry("dept-billing", "Billing department"),
          Map.entry("dept-network", "Network department"),
          Map.entry("dept-heat-quality", "Heat and hot-water quality department"),
          Map.entry("dept-metering", "Metering department"),
          Map.entry("dept-customer-service", "Customer service department"),
          Map.entry("dept-digital", "Digital services department"));

  private final IdentityService identity;

  DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    GROUPS.forEach(this::group);
    user("registrar", "Rita", "Registrar", List.of(Groups.REGISTRARS));
    user("handler", "Harijs", "Handler", Groups.DEPARTMENTS);
    user("supervisor", "Sandra", "Supervisor", withDepartments(Groups.SUPERVISORS));
    user("supervisor2", "Stefans", "Supervisor", withDepartments(Groups.SUPERVISORS));
    user("owner", "Olga", "Owner", List.of(Groups.PROCESS_OWNERS));
    user("manager", "Mara", "Manager", List.of(Groups.MANAGERS));
    user("admin", "Andris", "Admin", List.of(Groups.ADMINISTRATORS));
    log.info("Demo users ready (password = user id); do not use this in production");
  }

  private static List<String> withDepartments(String group) {
    return Stream.concat(Stream.of(group), Groups.DEPARTMENTS.stream()).toList();
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals(Groups.ADMINISTRATORS) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
    }
  }

  private void user(String id, String firstName, String lastName, List<String> groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(id + "@complaintdesk.example");
      user.setPassword(id);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
