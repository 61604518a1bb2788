package eu.complaintdesk.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.MIGRATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.BATCH;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.FILTER;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.OPERATION_LOG_CATEGORY;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may do what, granted at every start-up (idempotent: a grant that exists is completed, never
 * duplicated). This is the minimum each role needs; administrators may grant more in Camunda Admin,
 * but a permission taken away there comes back at the next start — change it here instead. The
 * matrix is documented in the README and in docs/adr/0006.
 *
 * <p>Tasks are not granted here: the engine grants a task's candidate groups and its assignee READ
 * and TASK_WORK on that one task when it is created or claimed ({@code
 * defaultUserPermissionNameForTask}), so department staff see and work only their groups' tasks.
 * Members of {@link Groups#ADMINISTRATORS} may do everything.
 */
@Component
@Order(StartupOrder.AUTHORIZATIONS)
public class Authorizations implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(Authorizations.class);

  /** The process registrars start in Tasklist to register a complaint from another channel. */
  public static final String STAFF_REGISTRATION_PROCESS = "StaffComplaintRegistration";

  /** Everyone who works tasks in Tasklist. */
  public static final List<String> TASK_WORKERS =
      Stream.concat(
              Stream.of(Groups.REGISTRARS, Groups.SUPERVISORS, Groups.PROCESS_OWNERS),
              Groups.DEPARTMENTS.stream())
          .toList();

  /** Everyone on the staff: task workers and managers. */
  public static final List<String> STAFF =
      Stream.concat(TASK_WORKERS.stream(), Stream.of(Groups.MANAGERS)).toList();

  private final AuthorizationService authorizations;

  Authorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    int changed = 0;
    for (Grant grant : matrix()) {
      if (ensure(grant.group(), grant.resource(), grant.resourceId(), grant.permissions())) {
        changed++;
      }
    }
    log.info("Authorizations ready ({} created or completed)", changed);
  }

  /** The grants of the organisation's groups, role by role. */
  static List<Grant> matrix() {
    List<Grant> grants = new ArrayList<>();
    // Administrators: everything, as Camunda's own first-user setup grants it. (The engine's admin
    // group only bypasses the admin-only operations, not what queries and Cockpit show.)
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Groups.ADMINISTRATORS, resource, ANY, ALL));
    }
    for (String group : STAFF) {
      // Tasklist, with colleagues' names (assignees, the four-eyes check) and process names.
      grants.add(new Grant(group, APPLICATION, "tasklist", ACCESS));
      grants.add(new Grant(group, USER, ANY, READ));
      grants.add(new Grant(group, GROUP, ANY, READ));
      grants.add(new Grant(group, PROCESS_DEFINITION, ANY, READ));
    }

    // Registrars register complaints from other channels: they start the staff registration,
    // whose own step (our code, unchecked) registers the complaint and starts the complaint
    // process. They may not start the complaint process directly: a case needs its register entry.
    grants.add(
        new Grant(
            Groups.REGISTRARS, PROCESS_DEFINITION, STAFF_REGISTRATION_PROCESS, CREATE_INSTANCE));
    grants.add(new Grant(Groups.REGISTRARS, PROCESS_INSTANCE, ANY, CREATE));

    // Supervisors oversee the work: they see every task and may free or hand on a task that is
    // stuck with someone (a handler works a task but cannot unclaim or reassign it). The
    // four-eyes rule still keeps a drafter from their own review.
    grants.add(new Grant(Groups.SUPERVISORS, TASK, ANY, READ, TASK_ASSIGN));

    // Managers read everything in Cockpit and Tasklist and change nothing.
    grants.add(new Grant(Groups.MANAGERS, APPLICATION, "cockpit", ACCESS));
    grants.add(
        new Grant(
            Groups.MANAGERS,
            PROCESS_DEFINITION,
            ANY,
            READ,
            READ_INSTANCE,
            READ_HISTORY,
            READ_TASK));
    grants.add(new Grant(Groups.MANAGERS, PROCESS_INSTANCE, ANY, READ));
    grants.add(new Grant(Groups.MANAGERS, TASK, ANY, READ));
    grants.add(new Grant(Groups.MANAGERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY));
    grants.add(new Grant(Groups.MANAGERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ));
    grants.add(new Grant(Groups.MANAGERS, DEPLOYMENT, ANY, READ));
    grants.add(new Grant(Groups.MANAGERS, BATCH, ANY, BatchPermissions.READ));
    grants.add(
        new Grant(
            Groups.MANAGERS,
            OPERATION_LOG_CATEGORY,
            ANY,
            UserOperationLogCategoryPermissions.READ));

    // Process owners deploy models (Modeler or restart), watch them in Cockpit, try decisions
    // and migrate running instances to a new version if they want to; they work proposals as
    // the candidate group the routing table names.
    grants.add(new Grant(Groups.PROCESS_OWNERS, APPLICATION, "cockpit", ACCESS));
    grants.add(new Grant(Groups.PROCESS_OWNERS, DEPLOYMENT, ANY, CREATE, READ, DELETE));
    grants.add(
        new Grant(
            Groups.PROCESS_OWNERS,
            PROCESS_DEFINITION,
            ANY,
            READ,
            UPDATE,
            READ_INSTANCE,
            READ_HISTORY,
            MIGRATE_INSTANCE));
    grants.add(new Grant(Groups.PROCESS_OWNERS, PROCESS_INSTANCE, ANY, READ));
    grants.add(
        new Grant(
            Groups.PROCESS_OWNERS, DECISION_DEFINITION, ANY, READ, READ_HISTORY, CREATE_INSTANCE));
    grants.add(new Grant(Groups.PROCESS_OWNERS, DECISION_REQUIREMENTS_DEFINITION, ANY, READ));
    grants.add(
        new Grant(
            Groups.PROCESS_OWNERS, BATCH, ANY, BatchPermissions.CREATE, BatchPermissions.READ));
    grants.add(
        new Grant(
            Groups.PROCESS_OWNERS,
            OPERATION_LOG_CATEGORY,
            ANY,
            UserOperationLogCategoryPermissions.READ));
    return grants;
  }

  /** Lets these groups see a Tasklist filter (READ on it). */
  public void grantFilter(String filterId, Collection<String> groups) {
    for (String group : groups) {
      ensure(group, FILTER, filterId, new Permission[] {READ});
    }
  }

  private boolean ensure(
      String group, Resource resource, String resourceId, Permission[] permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    boolean isNew = authorization == null;
    if (isNew) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean missing = isNew;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        missing = true;
      }
    }
    if (missing) {
      authorizations.saveAuthorization(authorization);
    }
    return missing;
  }

  record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}
}
