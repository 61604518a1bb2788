package eu.complaintdesk.security;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The organisation's groups exist in every run, production included: the process names them as
 * candidate groups and the authorizations are granted to them. Creating them is idempotent; names
 * changed in Camunda Admin are kept. Users and memberships are the administrator's (or, in the
 * default run, {@code DemoUsers}').
 */
@Component
@Order(StartupOrder.GROUPS)
class OrganisationGroups implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OrganisationGroups.class);

  static final Map<String, String> NAMES = names();

  private final IdentityService identity;

  OrganisationGroups(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    int created = 0;
    for (Map.Entry<String, String> group : NAMES.entrySet()) {
      if (identity.createGroupQuery().groupId(group.getKey()).count() == 0) {
        var entity = identity.newGroup(group.getKey());
        entity.setName(group.getValue());
        entity.setType(Groups.ADMINISTRATORS.equals(group.getKey()) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(entity);
        created++;
      }
    }
    log.info("Organisation groups ready ({} created)", created);
  }

  private static Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put(Groups.ADMINISTRATORS, "Administrators");
    names.put(Groups.REGISTRARS, "Registrars");
    names.put(Groups.SUPERVISORS, "Supervisors");
    names.put(Groups.PROCESS_OWNERS, "Process owners");
    names.put(Groups.MANAGERS, "Managers");
    names.put(Groups.PRIVACY_OFFICERS, "Privacy officers");
    names.put("dept-billing", "Billing department");
    names.put("dept-network", "Network department");
    names.put("dept-heat-quality", "Heat and hot-water quality department");
    names.put("dept-metering", "Metering department");
    names.put("dept-customer-service", "Customer service department");
    names.put("dept-digital", "Digital services department");
    if (!names.keySet().containsAll(Groups.DEPARTMENTS)) {
      throw new IllegalStateException("Every department group needs a name here");
    }
    return Collections.unmodifiableMap(names);
  }
}
