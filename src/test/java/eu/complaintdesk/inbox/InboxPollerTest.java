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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The poller's handling of the mailbox, on a real IMAP server: an e-mail is marked seen (or moved)
 * only once its registration went through; one that failed stays unseen and is tried again, up to
 * three attempts, then it is flagged for staff; one without a sender is flagged for staff;
 * auto-replies and bounces are marked seen without being registered. The registration itself is
 * {@link EmailInboxIT}'s subject.
 */
class InboxPollerTest {

  @RegisterExtension
  static final GreenMailExtension imap = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

  GreenMailUser user;
  final List<IncomingEmail> registered = new ArrayList<>();
  EmailComplaints.Outcome next = EmailComplaints.Outcome.REGISTERED;
  RuntimeException failure;

  final Map<String, Integer> failedAttempts = new HashMap<>();

  final EmailComplaints complaints =
      new EmailComplaints(null, null, null, null, null, null, null, null, null, null) {
        @Override
        public Outcome register(IncomingEmail email) {
          if (failure != null) {
            throw failure;
          }
          registered.add(email);
          return next;
        }

        @Override
        public int failedAttempt(String messageKey) {
          return failedAttempts.merge(messageKey, 1, Integer::sum);
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
  void emailThatKeepsFailingIsFlaggedForStaffAfterThreeAttempts() throws Exception {
    deliver("anna@example.lv", "Rēķins");
    InboxPoller poller = poller(null);
    failure = new IllegalStateException("cannot be registered");

    poller.pollOnce();
    poller.pollOnce();
    assertThat(flags().get(0).contains(Flags.Flag.SEEN)).isFalse();
    assertThat(failedAttempts.values()).containsExactly(2);

    poller.pollOnce();
    Flags flags = flags().get(0);
    assertThat(flags.contains(Flags.Flag.FLAGGED)).isTrue();
    assertThat(flags.contains(Flags.Flag.SEEN)).isTrue();
    assertThat(failedAttempts.values()).containsExactly(3);

    failure = null;
    assertThat(poller.pollOnce()).isZero();
    assertThat(registered).isEmpty();
  }

  @Test
  void attemptsAreCountedPerMessageWithTheSameKeyAtEveryPoll() throws Exception {
    deliverWithoutMessageId("anna@example.lv", "Rēķins");
    deliverWithoutMessageId("janis@example.lv", "Skaitītājs");
    InboxPoller poller = poller(null);
    failure = new IllegalStateException("cannot be registered");

    poller.pollOnce();
    poller.pollOnce();

    // Neither e-mail has a Message-ID: the key is made of sender, date and subject, both times.
    assertThat(flags()).hasSize(2);
    assertThat(failedAttempts)
        .hasSize(2)
        .allSatisfy((key, attempts) -> assertThat(attempts).isEqualTo(2));
  }

  @Test
  void failureToCountAnAttemptLeavesTheEmailUnseenWithoutFlag() throws Exception {
    deliver("anna@example.lv", "Rēķins");
    failure = new IllegalStateException("database down");
    InboxPoller poller =
        new InboxPoller(
            properties(null),
            new EmailComplaints(null, null, null, null, null, null, null, null, null, null) {
              @Override
              public Outcome register(IncomingEmail email) {
                throw failure;
              }

              @Override
              public int failedAttempt(String messageKey) {
                throw failure;
              }
            },
            Clock.systemUTC());

    for (int poll = 0; poll < InboxPoller.MAX_ATTEMPTS + 1; poll++) {
      poller.pollOnce();
    }

    assertThat(flags().get(0).contains(Flags.Flag.SEEN)).isFalse();
    assertThat(flags().get(0).contains(Flags.Flag.FLAGGED)).isFalse();
  }

  @Test
  void autoRepliesAndBouncesAreMarkedSeenButNeverRegistered() throws Exception {
    deliverWithHeader("anna@example.lv", "Auto-Submitted", "auto-replied");
    deliverWithHeader("anna@example.lv", "X-Autoreply", "yes");
    deliverWithHeader("anna@example.lv", "Precedence", "bulk");
    deliverWithHeader("MAILER-DAEMON@mail.example.lv", null, null);
    deliverWithHeader("anna@example.lv", "Return-Path", "<>");

    assertThat(poller(null).pollOnce()).isZero();

    assertThat(registered).isEmpty();
    assertThat(flags()).hasSize(5).allMatch(f -> f.contains(Flags.Flag.SEEN));
    assertThat(flags()).noneMatch(f -> f.contains(Flags.Flag.FLAGGED));
  }

  @Test
  void emailSaidNotToBeAutomaticIsRegistered() throws Exception {
    deliverWithHeader("anna@example.lv", "Auto-Submitted", "no");

    assertThat(poller(null).pollOnce()).isEqualTo(1);

    assertThat(registered).hasSize(1);
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
    return new InboxPoller(properties(processedFolder), complaints, Clock.systemUTC());
  }

  private InboxProperties properties(String processedFolder) {
    return new InboxProperties(
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
        50);
  }

  private void deliverWithoutMessageId(String from, String subject) throws Exception {
    MimeMessage message =
        new MimeMessage(Session.getInstance(new Properties())) {
          @Override
          protected void updateMessageID() {
            // no Message-ID, as some mailers send
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setSubject(subject, "UTF-8");
    message.setSentDate(new java.util.Date(1_700_000_000_000L));
    message.setText("Lūdzu pārbaudiet.", "UTF-8");
    message.saveChanges();
    user.deliver(message);
  }

  private void deliverWithHeader(String from, String header, String value) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setSubject("Out of office", "UTF-8");
    message.setText("I am away until Monday.", "UTF-8");
    if (header != null) {
      message.setHeader(header, value);
    }
    message.saveChanges();
    user.deliver(message);
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
