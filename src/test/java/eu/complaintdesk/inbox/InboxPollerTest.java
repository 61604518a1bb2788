package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.complaintdesk.register.Language;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The poller's handling of the mailbox, on a real IMAP server: an e-mail is marked seen (or moved)
 * only once its registration went through; one that failed stays unseen and is tried again; one
 * without a sender is flagged for staff. The registration itself is {@link EmailInboxIT}'s subject.
 */
class InboxPollerTest {

  @RegisterExtension
  static final GreenMailExtension imap = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  GreenMailUser user;
  final List<IncomingEmail> registered = new ArrayList<>();
  EmailComplaints.Outcome next = EmailComplaints.Outcome.REGISTERED;
  RuntimeException failure;

  final EmailComplaints complaints =
      new EmailComplaints(null, null, null, null, null, null) {
        @Override
        public Outcome register(IncomingEmail email) {
          if (failure != null) {
            throw failure;
          }
          registered.add(email);
          return next;
        }
      };

  @BeforeEach
  void mailbox() {
    user = imap.setUser("desk@desk.test", "desk", "secret");
  }

  @Test
  void failedRegistrationLeavesTheEmailUnseenUntilItGoesThrough() throws Exception {
    deliver("anna@example.lv", "Rēķins");
    InboxPoller poller = poller(null);

    failure = new IllegalStateException("database down");
    assertThat(poller.pollOnce()).isZero();
    assertThat(flags().get(0).contains(Flags.Flag.SEEN)).isFalse();

    failure = null;
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(flags().get(0).contains(Flags.Flag.SEEN)).isTrue();
    assertThat(poller.pollOnce()).isZero();
    assertThat(registered).hasSize(1);
    assertThat(registered.get(0).fromAddress()).isEqualTo("anna@example.lv");
  }

  @Test
  void registeredEmailIsMovedToTheProcessedFolder() throws Exception {
    imap.getManagers().getImapHostManager().createMailbox(user, "Registered");
    deliver("anna@example.lv", "Rēķins");

    assertThat(poller("Registered").pollOnce()).isEqualTo(1);

    assertThat(folder("INBOX").getMessageCount()).isZero();
    MailFolder processed = folder("Registered");
    assertThat(processed.getMessageCount()).isEqualTo(1);
    assertThat(processed.getMessages().get(0).getFlags().contains(Flags.Flag.SEEN)).isTrue();
  }

  @Test
  void emailWithoutSenderIsFlaggedForStaff() throws Exception {
    deliver(null, "Bez sūtītāja");
    next = EmailComplaints.Outcome.NO_SENDER;

    assertThat(poller(null).pollOnce()).isZero();

    Flags flags = flags().get(0);
    assertThat(flags.contains(Flags.Flag.FLAGGED)).isTrue();
    assertThat(flags.contains(Flags.Flag.SEEN)).isTrue();
  }

  private InboxPoller poller(String processedFolder) {
    return new InboxPoller(
        new InboxProperties(
            true,
            "imap",
            "127.0.0.1",
            imap.getImap().getPort(),
            "desk",
            "secret",
            "INBOX",
            processedFolder,
            Duration.ofMinutes(1),
            Language.lv,
            50),
        complaints,
        Clock.systemUTC());
  }

  private void deliver(String from, String subject) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    if (from != null) {
      message.setFrom(new InternetAddress(from));
    }
    message.setSubject(subject, "UTF-8");
    message.setText("Lūdzu pārbaudiet.", "UTF-8");
    message.saveChanges();
    user.deliver(message);
  }

  private MailFolder folder(String name) throws Exception {
    return imap.getManagers().getImapHostManager().getFolder(user, name);
  }

  private List<Flags> flags() throws Exception {
    return folder("INBOX").getMessages().stream().map(m -> m.getFlags()).toList();
  }
}
