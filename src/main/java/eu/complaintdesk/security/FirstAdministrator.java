package eu.complaintdesk.security;

import eu.complaintdesk.system.MissingSetting;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Without demo users (the {@code postgres} profile, production) a fresh install would have nobody
 * who can sign in, and Camunda's setup page is rightly closed to strangers. So start-up creates or
 * updates the administrator {@code complaints.admin.user} (default {@code admin}) with the password
 * {@code complaints.admin.password} (environment {@code COMPLAINTS_ADMIN_PASSWORD}) in {@link
 * Groups#ADMINISTRATORS}, and refuses to start without that password.
 *
 * <p>The password is set again at every start and the account unlocked: the configuration is the
 * way back in when the administrator's password is lost or the account locked, and whoever runs the
 * server holds it anyway. A password changed in Camunda Admin therefore lasts until the next start;
 * change the setting instead. Name, e-mail and other memberships are left as they are.
 */
@Component
@Order(StartupOrder.USERS)
@ConditionalOnProperty(name = "complaints.demo-users", havingValue = "false", matchIfMissing = true)
class FirstAdministrator implements ApplicationRunner {

  static final String PASSWORD_SETTING = "complaints.admin.password";

  private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

  private final String userId;
  private final String password;
  private final IdentityService identity;

  FirstAdministrator(
      @Value("${complaints.admin.user:admin}") String userId,
      @Value("${" + PASSWORD_SETTING + ":}") String password,
      IdentityService identity) {
    check(userId, password);
    this.userId = userId.strip();
    this.password = password;
    this.identity = identity;
  }

  private static void check(String userId, String password) {
    if (password == null || password.isBlank()) {
      throw new MissingSetting(
          PASSWORD_SETTING
              + " (environment COMPLAINTS_ADMIN_PASSWORD) is not set: without demo users it is"
              + " the password of the first administrator '"
              + userId
              + "'");
    }
    if (userId == null || userId.isBlank()) {
      throw new MissingSetting("complaints.admin.user is empty: it names the first administrator");
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    boolean created = user == null;
    if (created) {
      user = identity.newUser(userId);
      user.setFirstName("Administrator");
      user.setLastName(userId);
    }
    user.setPassword(password);
    identity.saveUser(user);
    identity.unlockUser(userId);
    if (identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINISTRATORS).count()
        == 0) {
      identity.createMembership(userId, Groups.ADMINISTRATORS);
    }
    log.info(
        "Administrator '{}' {} from complaints.admin.*", userId, created ? "created" : "updated");
  }

  /**
   * Checks the settings before any bean is made: a refused start does not even build the engine
   * (which would touch the database and register itself in the JVM).
   */
  @Component
  @ConditionalOnProperty(
      name = "complaints.demo-users",
      havingValue = "false",
      matchIfMissing = true)
  static class SettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
      check(
          environment.getProperty("complaints.admin.user", "admin"),
          environment.getProperty(PASSWORD_SETTING, ""));
    }
  }
}
