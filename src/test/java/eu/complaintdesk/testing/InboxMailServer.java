package eu.complaintdesk.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real IMAP server (GreenMail, IMAP only, a free port) as the e-mail inbox of the integration
 * tests' application, which polls it every second. Imported by the shared integration test base, so
 * all integration tests keep one Spring context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InboxMailServer {

  public static final String ADDRESS = "complaints@desk.test";
  public static final String USER = "complaints";
  public static final String PASSWORD = "inbox-secret";

  @Bean(destroyMethod = "stop")
  GreenMail inboxImapServer() {
    ServerSetup imap = ServerSetupTest.IMAP.dynamicPort();
    GreenMail greenMail = new GreenMail(imap);
    greenMail.start();
    greenMail.setUser(ADDRESS, USER, PASSWORD);
    return greenMail;
  }

  @Bean
  DynamicPropertyRegistrar inboxProperties(GreenMail inboxImapServer) {
    return registry -> {
      registry.add("complaints.inbox.enabled", () -> "true");
      registry.add("complaints.inbox.protocol", () -> "imap");
      registry.add("complaints.inbox.host", () -> "127.0.0.1");
      registry.add("complaints.inbox.port", () -> inboxImapServer.getImap().getPort());
      registry.add("complaints.inbox.username", () -> USER);
      registry.add("complaints.inbox.password", () -> PASSWORD);
      registry.add("complaints.inbox.poll-interval", () -> "PT1S");
    };
  }
}
