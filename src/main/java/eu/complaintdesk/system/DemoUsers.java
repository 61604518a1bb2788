package eu.complaintdesk.system;

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

  static final List<String> DEPARTMENTS =
      List.of(
          "dept-billing",
          "dept-network",
          "dept-heat-quality",
          "dept-metering",
          "dept-customer-service",
          "dept-digital");

  static final Map<String, String> GROUPS =
      Map.ofEntries(
          Map.entry("camunda-admin", "Administrators"),
          Map.entry("registrars", "Registrars"),
          Map.entry("supervisors", "Supervisors"),
          Map.entry("process-owners", "Process owners"),
          Map.entry("managers", "Managers"),
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
    user("registrar", "Rita", "Registrar", List.of("registrars"));
    user("handler", "Harijs", "Handler", DEPARTMENTS);
    user("supervisor", "Sandra", "Supervisor", withDepartments("supervisors"));
    user("supervisor2", "Stefans", "Supervisor", withDepartments("supervisors"));
    user("owner", "Olga", "Owner", List.of("process-owners"));
    user("manager", "Mara", "Manager", List.of("managers"));
    user("admin", "Andris", "Admin", List.of("camunda-admin"));
    log.info("Demo users ready (password = user id); do not use this in production");
  }

  private static List<String> withDepartments(String group) {
    return Stream.concat(Stream.of(group), DEPARTMENTS.stream()).toList();
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(id.equals("camunda-admin") ? "SYSTEM" : "WORKFLOW");
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
