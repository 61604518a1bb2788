package eu.complaintdesk.inbox;

import eu.complaintdesk.system.Schedulers;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The e-mail inbox as a channel: every poll interval, reads the unseen messages of the configured
 * IMAP folder, takes in each ({@link EmailComplaints}: a reply reaches its case, any other e-mail
 * becomes a complaint), and only after that committed marks it seen (and moves it, if a processed
 * folder is set). The same Message-ID is never taken in twice.
 *
 * <p>Auto-replies, bounces and bulk mail ({@link EmailParser#isAutomatic}) are marked seen (and
 * moved) without being registered, so they are never answered either: no mail loops. A message that
 * fails stays unseen and is tried again at the next poll, up to {@link #MAX_ATTEMPTS} attempts
 * counted per message key; then it is flagged (and marked seen) and left for staff. A mailbox that
 * goes away in the middle of a poll counts against no message. Off unless {@code
 * complaints.inbox.enabled}.
 *
 * <p>Each poll also deletes the e-mails of anonymised cases from the folder and the processed
 * folder, when there are any ({@link InboxAnonymisation} marks them): the messages whose Message-ID
 * is marked, found by that header alone; then they are recorded as forgotten. A mailbox that fails
 * leaves the marks for the next poll. An e-mail without a Message-ID cannot be found this way.
 */
@Component
class InboxPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);
  private static final int TIMEOUT_MILLIS = 30_000;

  /** Failed attempts after which a message is flagged and left for staff. */
  static final int MAX_ATTEMPTS = 3;

  private static final String MESSAGE_ID = "Message-ID";

  private final InboxProperties properties;
  private final EmailComplaints complaints;
  private final InboxAnonymisation forgetting;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  InboxPoller(
      InboxProperties properties,
      EmailComplaints complaints,
      InboxAnonymisation forgetting,
      Clock clock) {
    this.properties = properties;
    this.complaints = complaints;
    this.forgetting = forgetting;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (!properties.enabled()) {
      log.info("E-mail inbox channel is off (complaints.inbox.enabled=false)");
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "email-inbox");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::pollQuietly, interval, interval, TimeUnit.MILLISECONDS);
    log.info("E-mail inbox channel reads {} every {}", properties, properties.pollInterval());
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      Schedulers.stop(scheduler);
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  private void pollQuietly() {
    try {
      pollOnce();
    } catch (MessagingException | RuntimeException e) {
      // The mailbox may be unreachable for a while; the next poll tries again.
      log.warn("E-mail inbox could not be read: {}", e.getClass().getSimpleName());
    }
  }

  /**
   * Reads the folder once, then deletes the e-mails of anonymised cases; returns how many e-mails
   * became complaints or reached their case.
   */
  synchronized int pollOnce() throws MessagingException {
    Session session = Session.getInstance(sessionProperties());
    int registered = 0;
    try (Store store = session.getStore(properties.protocol())) {
      store.connect(
          properties.host(),
          properties.port() == null ? -1 : properties.port(),
          properties.username(),
          properties.password());
      Folder folder = store.getFolder(properties.folder());
      Folder processed =
          properties.processedFolder() == null || properties.processedFolder().isBlank()
              ? null
              : store.getFolder(properties.processedFolder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (int i = 0; i < unseen.length && i < properties.maxMessagesPerPoll(); i++) {
          if (handle(folder, unseen[i], processed)) {
            registered++;
          }
        }
        forgetMarked(folder, processed);
      } finally {
        folder.close(processed != null);
      }
    }
    return registered;
  }

  private boolean handle(Folder folder, Message message, Folder processed)
      throws MessagingException {
    EmailComplaints.Outcome outcome;
    String messageKey = null;
    try {
      messageKey = EmailParser.messageKey(message);
      IncomingEmail email =
          EmailParser.parse(message, properties.defaultLanguage(), clock.instant());
      if (email.automatic()) {
        log.info(
            "E-mail {} is an automatic reply or delivery report; not registered, not answered",
            message.getMessageNumber());
        done(folder, message, processed);
        return false;
      }
      outcome = complaints.register(email);
    } catch (DuplicateKeyException e) {
      outcome = EmailComplaints.Outcome.ALREADY_REGISTERED;
    } catch (FolderClosedException | StoreClosedException e) {
      // The mailbox went away, not the message's fault: the poll ends, the next one tries again.
      throw e;
    } catch (IOException | MessagingException | RuntimeException e) {
      failed(message, messageKey, e);
      return false;
    }
    switch (outcome) {
      case REGISTERED, REPLY_ADDED, ALREADY_REGISTERED -> done(folder, message, processed);
      case NO_SENDER -> {
        log.warn(
            "E-mail {} has no sender address to answer; flagged and left for staff",
            message.getMessageNumber());
        flagForStaff(message);
      }
      case STAFF_REPLY -> {
        log.info(
            "E-mail {} answers one of our e-mails to staff; not registered, flagged and left for"
                + " staff",
            message.getMessageNumber());
        flagForStaff(message);
      }
    }
    return outcome == EmailComplaints.Outcome.REGISTERED
        || outcome == EmailComplaints.Outcome.REPLY_ADDED;
  }

  /**
   * Counts the failed attempt; the message stays unseen for the next poll, or after {@link
   * #MAX_ATTEMPTS} is flagged for staff. Never the message's content or sender in the log: they are
   * personal data.
   */
  private void failed(Message message, String messageKey, Exception failure)
      throws MessagingException {
    int attempts;
    try {
      // Without a key (its headers could not be read) the attempt cannot be told from the others.
      attempts = messageKey == null ? 0 : complaints.failedAttempt(messageKey);
    } catch (RuntimeException counting) {
      // The register is unreachable: that is no fault of the message, so it does not count.
      attempts = 0;
    }
    if (attempts >= MAX_ATTEMPTS) {
      log.warn(
          "E-mail {} could not be registered in {} attempts ({}); flagged and left for staff",
          message.getMessageNumber(),
          attempts,
          failure.getClass().getSimpleName());
      flagForStaff(message);
    } else {
      log.warn(
          "E-mail {} could not be registered ({}, failed attempts {} of {}); it stays unseen and is"
              + " tried again",
          message.getMessageNumber(),
          failure.getClass().getSimpleName(),
          attempts,
          MAX_ATTEMPTS);
    }
  }

  /**
   * Deletes the e-mails of anonymised cases from the folder and the processed folder and records
   * them as forgotten; nothing, not even a search, unless some are marked. Whatever fails leaves
   * the marks for the next poll: a message deleted before is simply not found again.
   */
  private void forgetMarked(Folder folder, Folder processed) {
    try {
      List<String> marked = forgetting.toForget();
      if (marked.isEmpty()) {
        return;
      }
      Set<String> keys = Set.copyOf(marked);
      int deleted = deleteMarked(folder, keys);
      folder.expunge();
      if (processed != null) {
        processed.open(Folder.READ_WRITE);
        try {
          deleted += deleteMarked(processed, keys);
        } finally {
          processed.close(true);
        }
      }
      forgetting.forgotten(marked);
      log.info(
          "E-mails of anonymised cases: {} marked, {} messages deleted from the mailbox",
          marked.size(),
          deleted);
    } catch (MessagingException | RuntimeException e) {
      log.warn(
          "E-mails of anonymised cases could not be deleted from the mailbox ({}); they stay"
              + " marked and the next poll tries again",
          e.getClass().getSimpleName());
    }
  }

  /**
   * Flags for deletion the folder's messages whose Message-ID has one of the keys; reads only that
   * header (and the flags), so a large folder is cheap. A message without a Message-ID cannot be
   * matched: its key was made of sender, date and subject ({@link EmailParser#messageKey}).
   */
  private static int deleteMarked(Folder folder, Set<String> keys) throws MessagingException {
    Message[] messages = folder.getMessages();
    if (messages.length == 0) {
      return 0;
    }
    FetchProfile headerOnly = new FetchProfile();
    headerOnly.add(MESSAGE_ID);
    headerOnly.add(FetchProfile.Item.FLAGS);
    folder.fetch(messages, headerOnly);
    List<Message> marked = new ArrayList<>();
    for (Message message : messages) {
      String[] ids = message.getHeader(MESSAGE_ID);
      if (ids == null || ids.length == 0 || ids[0] == null || ids[0].isBlank()) {
        continue;
      }
      if (keys.contains(EmailParser.keyOfMessageId(MimeUtility.unfold(ids[0])))
          && !message.isSet(Flags.Flag.DELETED)) {
        marked.add(message);
      }
    }
    if (!marked.isEmpty()) {
      folder.setFlags(marked.toArray(Message[]::new), new Flags(Flags.Flag.DELETED), true);
    }
    return marked.size();
  }

  private static void flagForStaff(Message message) throws MessagingException {
    message.setFlag(Flags.Flag.FLAGGED, true);
    message.setFlag(Flags.Flag.SEEN, true);
  }

  private static void done(Folder folder, Message message, Folder processed)
      throws MessagingException {
    message.setFlag(Flags.Flag.SEEN, true);
    if (processed != null) {
      folder.copyMessages(new Message[] {message}, processed);
      message.setFlag(Flags.Flag.DELETED, true);
    }
  }

  private Properties sessionProperties() {
    String protocol = properties.protocol();
    Properties session = new Properties();
    // Reading a message must not mark it seen: only a committed registration does.
    session.put("mail." + protocol + ".peek", "true");
    session.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
    session.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
    session.put("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
    if ("imaps".equals(protocol)) {
      session.put("mail.imaps.ssl.checkserveridentity", "true");
    }
    return session;
  }
}
