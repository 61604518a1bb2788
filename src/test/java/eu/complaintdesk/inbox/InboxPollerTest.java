package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import eu.complaintdesk.register.Language;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
      new EmailComplaints(null, null, null, null, null, null, null, null, null, null, null, null) {
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

  /**
   * Keys of e-mails of anonymised cases (the register's marks), and what was recorded forgotten.
   */
  final List<String> marked = new ArrayList<>();

  final List<List<String>> recordedForgotten = new ArrayList<>();

  final InboxAnonymisation forgetting =
      new InboxAnonymisation(null, null) {
        @Override
        List<String> toForget() {
          return List.copyOf(marked);
        }

        @Override
        int forgotten(Collection<String> messageKeys) {
          recordedForgotten.add(List.copyOf(messageKeys));
          marked.removeAll(messageKeys);
          return messageKeys.size();
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
            new EmailComplaints(
                null, null, null, null, null, null, null, null, null, null, null, null) {
              @Override
              public Outcome register(IncomingEmail email) {
                throw failure;
              }

              @Override
              public int failedAttempt(String messageKey) {
                throw failure;
              }
            },
            forgetting,
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

  @Test
  void emailsOfAnonymisedCasesAreDeletedFromTheInboxAndTheProcessedFolder() throws Exception {
    imap.getManagers().getImapHostManager().createMailbox(user, "Registered");
    String complaint = deliverWithId("anna@example.lv", "<complaint.1@mail.example.lv>");
    String reply = deliverWithId("anna@example.lv", "<reply.1@mail.example.lv>");
    deliverWithId("janis@example.lv", "<other.1@mail.example.lv>");
    InboxPoller poller = poller("Registered");
    assertThat(poller.pollOnce()).isEqualTo(3);
    assertThat(folder("Registered").getMessageCount()).isEqualTo(3);
    // a copy of the complaint, already seen, left in the inbox (e.g. by another mail client)
    deliverWithId("anna@example.lv", "<complaint.1@mail.example.lv>");
    folder("INBOX").getMessages().get(0).setFlags(new Flags(Flags.Flag.SEEN), true);

    marked.addAll(List.of(key(complaint), key(reply)));
    assertThat(poller.pollOnce()).isZero();

    assertThat(folder("INBOX").getMessageCount()).isZero();
    assertThat(messageIds("Registered")).containsExactly("<other.1@mail.example.lv>");
    assertThat(recordedForgotten).containsExactly(List.of(key(complaint), key(reply)));
    assertThat(marked).isEmpty();
  }

  @Test
  void withoutProcessedFolderTheMarkedEmailsAreDeletedFromTheInbox() throws Exception {
    String complaint = deliverWithId("anna@example.lv", "<complaint.2@mail.example.lv>");
    deliverWithId("janis@example.lv", "<other.2@mail.example.lv>");
    InboxPoller poller = poller(null);
    poller.pollOnce();

    marked.add(key(complaint));
    poller.pollOnce();

    assertThat(messageIds("INBOX")).containsExactly("<other.2@mail.example.lv>");
    assertThat(recordedForgotten).containsExactly(List.of(key(complaint)));
  }

  @Test
  void marksSurviveRoundsThatFailAndTheNextRoundDeletes() throws Exception {
    String complaint = deliverWithId("anna@example.lv", "<complaint.3@mail.example.lv>");
    poller(null).pollOnce();
    marked.add(key(complaint));

    // the mailbox refuses the account: the round does not get in
    InboxProperties refused = properties(null);
    InboxPoller locked =
        new InboxPoller(
            new InboxProperties(
                true,
                "imap",
                "127.0.0.1",
                refused.port(),
                "desk",
                "wrong",
                "INBOX",
                null,
                Duration.ofMinutes(1),
                Language.lv,
                50),
            complaints,
            forgetting,
            Clock.systemUTC());
    assertThatThrownBy(locked::pollOnce).isInstanceOf(AuthenticationFailedException.class);
    assertThat(folder("INBOX").getMessageCount()).isEqualTo(1);
    // the processed folder does not exist (yet): the mailbox fails in the middle of the round
    poller("Registered").pollOnce();

    assertThat(recordedForgotten).isEmpty();
    assertThat(marked).containsExactly(key(complaint));

    imap.getManagers().getImapHostManager().createMailbox(user, "Registered");
    poller("Registered").pollOnce();

    assertThat(folder("INBOX").getMessageCount()).isZero();
    assertThat(recordedForgotten).containsExactly(List.of(key(complaint)));
    assertThat(marked).isEmpty();
  }

  @Test
  void emailWithoutMessageIdCannotBeMatchedAndStays() throws Exception {
    deliverWithoutMessageId("anna@example.lv", "Rēķins");
    InboxPoller poller = poller(null);
    poller.pollOnce();
    marked.add(registered.get(0).messageKey());

    poller.pollOnce();

    assertThat(folder("INBOX").getMessageCount()).isEqualTo(1);
    assertThat(recordedForgotten).containsExactly(List.of(registered.get(0).messageKey()));
  }

  @Test
  void nothingIsSearchedWhenNothingIsMarked() throws Exception {
    String complaint = deliverWithId("anna@example.lv", "<complaint.4@mail.example.lv>");
    InboxPoller poller = poller(null);
    poller.pollOnce();

    poller.pollOnce();

    assertThat(folder("INBOX").getMessageCount()).isEqualTo(1);
    assertThat(recordedForgotten).isEmpty();
    assertThat(registered.get(0).messageKey()).isEqualTo(key(complaint));
  }

  private InboxPoller poller(String processedFolder) {
    return new InboxPoller(properties(processedFolder), complaints, forgetting, Clock.systemUTC());
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

  /** Delivers an e-mail with this Message-ID; returns the Message-ID. */
  private String deliverWithId(String from, String messageId) throws Exception {
    MimeMessage message =
        new MimeMessage(Session.getInstance(new Properties())) {
          @Override
          protected void updateMessageID() throws jakarta.mail.MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setSubject("Rēķins", "UTF-8");
    message.setText("Lūdzu pārbaudiet.", "UTF-8");
    message.saveChanges();
    user.deliver(message);
    return messageId;
  }

  /** The key the registration gives an e-mail of this Message-ID. */
  private static String key(String messageId) {
    return EmailParser.keyOfMessageId(messageId);
  }

  private List<String> messageIds(String folder) throws Exception {
    List<String> ids = new ArrayList<>();
    for (var message : folder(folder).getMessages()) {
      ids.add(message.getMimeMessage().getMessageID());
    }
    return ids;
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
