package eu.complaintdesk.security;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of the contract in the default run (password = user id), in the organisation's
 * groups (created in every run by {@code OrganisationGroups}). Creating them is idempotent. Off in
 * the postgres profile.
 */
@Component
@Order(StartupOrder.USERS)
@ConditionalOnProperty(name = "complaints.demo-users", havingValue = "true")
class DemoUsers implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;

  DemoUsers(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    user("registrar", "Rita", "Registrar", List.of(Groups.REGISTRARS));
    user("handler", "Harijs", "Handler", Groups.DEPARTMENTS);
    user("supervisor", "Sandra", "Supervisor", withDepartments(Groups.SUPERVISORS));
    user("supervisor2", "Stefans", "Supervisor", withDepartments(Groups.SUPERVISORS));
    user("owner", "Olga", "Owner", List.of(Groups.PROCESS_OWNERS));
    user("manager", "Mara", "Manager", List.of(Groups.MANAGERS));
    user("privacy", "Pauls", "Privacy", List.of(Groups.PRIVACY_OFFICERS));
    user("admin", "Andris", "Admin", List.of(Groups.ADMINISTRATORS));
    log.info("Demo users ready (password = user id); do not use this in production");
  }

  private static List<String> withDepartments(String group) {
    return Stream.concat(Stream.of(group), Groups.DEPARTMENTS.stream()).toList();
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
