package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.InboxMailServer;
import eu.complaintdesk.testing.OutboundTestServers;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mailbox's copies of a customer's e-mails go with the erasure of their case, on PostgreSQL and
 * a real IMAP server (GreenMail): an e-mail registered as a complaint and a reply to our
 * acknowledgement, both moved to the processed folder, and a copy left seen in the inbox, are
 * deleted by the inbox poller's next round after {@code POST /api/staff/erasures}; another
 * customer's e-mail stays; a round that cannot get into the mailbox leaves the marks for the next;
 * the same e-mail delivered again afterwards goes at once.
 *
 * <p>The shared context's mailbox has no processed folder, so this test reads a mailbox of its own
 * with an {@link InboxPoller} configured with one, built from the application's beans, and drives
 * its rounds itself; the application's poller is stopped meanwhile, so that no other round records
 * the marks as done.
 */
class MailboxErasureIT extends ApplicationIntegrationTest {

  static final String PROCESSED = "Registered";

  @Autowired GreenMail inboxImapServer;
  @Autowired InboxPoller applicationPoller;
  @Autowired EmailComplaints emailComplaints;
  @Autowired InboxAnonymisation inboxAnonymisation;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintRegister register;
  @Autowired CustomerMessages customerMessages;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  final Session session = Session.getInstance(new Properties());
  final HttpClient http = HttpClient.newHttpClient();
  final String login = "erasure" + System.nanoTime();
  GreenMailUser mailbox;
  InboxPoller poller;

  @BeforeEach
  void ownMailboxWithProcessedFolder() throws Exception {
    applicationPoller.stop();
    mailbox = inboxImapServer.setUser(login + "@desk.test", login, "secret");
    inboxImapServer.getManagers().getImapHostManager().createMailbox(mailbox, PROCESSED);
    poller = poller("secret");
  }

  @AfterEach
  void applicationPollerAgain() {
    applicationPoller.start();
  }

  @Test
  void erasureDeletesTheCustomersEmailsFromTheMailboxAtTheNextRound() throws Exception {
    long unique = System.nanoTime();
    String customer = "Mailbox." + unique + "@example.lv";
    String other = "other." + unique + "@example.lv";
    String complaintId = "<complaint." + unique + "@mail.example.lv>";
    String replyId = "<reply." + unique + "@mail.example.lv>";
    String otherId = "<other." + unique + "@mail.example.lv>";
    String subject = "Auksti radiatori " + unique;
    deliver(email(complaintId, "Anna <" + customer + ">", subject, "Radiatori ir auksti."));
    deliver(email(otherId, other, "Rēķins " + unique, "Rēķins ir par lielu."));
    assertThat(poller.pollOnce()).isEqualTo(2);
    Complaint complaint = complaint(subject);
    String acknowledgement = sentMessageId(complaint.id(), "ACKNOWLEDGEMENT");
    MimeMessage reply = email(replyId, customer, "Re: " + subject, "Vēl: arī karstais ūdens.");
    reply.setHeader("In-Reply-To", acknowledgement);
    deliver(reply);
    assertThat(poller.pollOnce()).isEqualTo(1);
    assertThat(customerMessages.list(complaint.id()))
        .anyMatch(m -> m.message().equals("Vēl: arī karstais ūdens."));
    // a copy of the complaint left seen in the inbox (as another mail client may leave it)
    deliver(email(complaintId, "Anna <" + customer + ">", subject, "Radiatori ir auksti."));
    folder("INBOX").getMessages().get(0).setFlag(Flags.Flag.SEEN, true);
    assertThat(messageIds(PROCESSED)).containsExactlyInAnyOrder(complaintId, otherId, replyId);
    assertThat(messageIds("INBOX")).containsExactly(complaintId);
    new CaseDriver(port).awaitNoDueJobs(register.get(complaint.id()).processInstanceId());

    HttpResponse<String> erased = erase("{\"email\":\"" + customer + "\"}");

    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
    JsonNode answer = json.readTree(erased.body());
    assertThat(answer.at("/erased/complaints").asInt()).isEqualTo(1);
    assertThat(answer.at("/erased/inboundEmails").asInt()).isEqualTo(2);
    assertThat(marked(complaint.id())).isEqualTo(2);
    // the mailbox is not part of the erasure's transaction: the e-mails are still there
    assertThat(messageIds(PROCESSED)).hasSize(3);

    // a round that cannot get into the mailbox leaves the marks
    assertThatThrownBy(() -> poller("wrong").pollOnce())
        .isInstanceOf(AuthenticationFailedException.class);
    assertThat(marked(complaint.id())).isEqualTo(2);
    assertThat(messageIds(PROCESSED)).hasSize(3);

    poller.pollOnce();

    assertThat(messageIds(PROCESSED)).containsExactly(otherId);
    assertThat(messageIds("INBOX")).isEmpty();
    assertThat(marked(complaint.id())).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbound_email where complaint_id = ?"
                    + " and forgotten_at is not null",
                Long.class,
                complaint.id()))
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbound_email where forgotten_at is not null"
                    + " and complaint_id = (select id from complaint where customer_email = ?)",
                Long.class,
                other))
        .isZero();

    // the same e-mail delivered again later: taken in before, its case anonymised, it goes too
    deliver(email(complaintId, "Anna <" + customer + ">", subject, "Radiatori ir auksti."));
    assertThat(poller.pollOnce()).isZero();

    assertThat(messageIds("INBOX")).isEmpty();
    assertThat(messageIds(PROCESSED)).containsExactly(otherId);
    assertThat(marked(complaint.id())).isZero();
  }

  private InboxPoller poller(String password) {
    return new InboxPoller(
        new InboxProperties(
            true,
            "imap",
            "127.0.0.1",
            inboxImapServer.getImap().getPort(),
            login,
            password,
            "INBOX",
            PROCESSED,
            Duration.ofSeconds(1),
            Language.lv,
            50),
        emailComplaints,
        inboxAnonymisation,
        clock);
  }

  private long marked(long complaintId) {
    return jdbc.queryForObject(
        "select count(*) from inbound_email where complaint_id = ?"
            + " and forget_requested_at is not null",
        Long.class,
        complaintId);
  }

  private Complaint complaint(String subject) {
    return register.get(
        jdbc.queryForObject("select id from complaint where subject = ?", Long.class, subject));
  }

  /** The Message-ID of the e-mail of this kind that the SMTP server received for the case. */
  private String sentMessageId(long complaintId, String kind) {
    long outboundId =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc
                        .query(
                            "select id from outbound_message where complaint_id = ? and kind = ?"
                                + " and delivery_state = 'SENT'",
                            (rs, row) -> rs.getLong(1),
                            complaintId,
                            kind)
                        .stream()
                        .findFirst()
                        .orElse(null),
                found -> found != null);
    for (MimeMessage sent : OutboundTestServers.smtp().getReceivedMessages()) {
      try {
        String id = sent.getMessageID();
        if (id != null && id.startsWith("<outbound-" + outboundId + ".")) {
          return id;
        }
      } catch (MessagingException e) {
        // not this one
      }
    }
    throw new AssertionError("No e-mail of message " + outboundId + " reached the SMTP server");
  }

  private HttpResponse<String> erase(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/staff/erasures"))
            .header("Content-Type", "application/json")
            .header("Authorization", EngineRest.basic("privacy", "privacy"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private MimeMessage email(String messageId, String from, String subject, String text)
      throws MessagingException {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(from));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(InboxMailServer.ADDRESS));
    message.setSubject(subject, "UTF-8");
    message.setSentDate(new java.util.Date());
    message.setText(text, "UTF-8");
    return message;
  }

  private void deliver(MimeMessage message) throws Exception {
    message.saveChanges();
    mailbox.deliver(message);
  }

  private MailFolder folder(String name) throws Exception {
    return inboxImapServer.getManagers().getImapHostManager().getFolder(mailbox, name);
  }

  private List<String> messageIds(String name) throws Exception {
    List<String> ids = new ArrayList<>();
    for (var message : folder(name).getMessages()) {
      ids.add(message.getMimeMessage().getMessageID());
    }
    return ids;
  }
}
