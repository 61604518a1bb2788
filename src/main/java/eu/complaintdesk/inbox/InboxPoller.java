package eu.complaintdesk.inbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.util.Properties;
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
 * IMAP folder, registers each as a complaint, and only after that committed marks it seen (and
 * moves it, if a processed folder is set). A message that fails stays unseen and is tried again at
 * the next poll; the same Message-ID is never registered twice. Off unless {@code
 * complaints.inbox.enabled}.
 */
@Component
class InboxPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);
  private static final int TIMEOUT_MILLIS = 30_000;

  private final InboxProperties properties;
  private final EmailComplaints complaints;
  private final Clock clock;
  private ScheduledExecutorService scheduler;

  InboxPoller(InboxProperties properties, EmailComplaints complaints, Clock clock) {
    this.properties = properties;
    this.complaints = complaints;
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
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
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

  /** Reads the folder once; returns how many e-mails became complaints. */
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
      } finally {
        folder.close(processed != null);
      }
    }
    return registered;
  }

  private boolean handle(Folder folder, Message message, Folder processed)
      throws MessagingException {
    EmailComplaints.Outcome outcome;
    try {
      outcome =
          complaints.register(
              EmailParser.parse(message, properties.defaultLanguage(), clock.instant()));
    } catch (DuplicateKeyException e) {
      outcome = EmailComplaints.Outcome.ALREADY_REGISTERED;
    } catch (IOException | MessagingException | RuntimeException e) {
      // Never the message's content or sender in the log: they are personal data.
      log.warn(
          "E-mail {} could not be registered ({}); it stays unseen and is tried again",
          message.getMessageNumber(),
          e.getClass().getSimpleName());
      return false;
    }
    switch (outcome) {
      case REGISTERED, ALREADY_REGISTERED -> done(folder, message, processed);
      case NO_SENDER -> {
        log.warn(
            "E-mail {} has no sender address to answer; flagged and left for staff",
            message.getMessageNumber());
        message.setFlag(Flags.Flag.FLAGGED, true);
        message.setFlag(Flags.Flag.SEEN, true);
      }
    }
    return outcome == EmailComplaints.Outcome.REGISTERED;
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
