package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import eu.complaintdesk.attachment.AttachmentInfo;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.intake.CustomerRequests;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.InboxMailServer;
import eu.complaintdesk.testing.OutboundTestServers;
import eu.complaintdesk.testing.TestFiles;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The e-mail inbox channel against a real IMAP server (GreenMail): e-mails become complaints with
 * channel EMAIL and their files, are acknowledged by the process, are marked seen only once
 * registered, and the same Message-ID is never registered twice. A customer's reply to one of our
 * e-mails (the SMTP server of {@link OutboundTestServers}) reaches their case; an e-mail naming a
 * registration number, or a reply to a finished case, is a new complaint (naming the case when it
 * comes from the case's customer address or replies to our e-mail).
 */
class EmailInboxIT extends ApplicationIntegrationTest {

  @Autowired GreenMail inboxImapServer;
  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintRegister register;
  @Autowired CustomerMessages customerMessages;
  @Autowired AttachmentService attachments;

  @Autowired CustomerRequests customerRequests;
  @LocalServerPort int port;

  final Session session = Session.getInstance(new Properties());

  @Test
  void emailBecomesAComplaintWithItsFilesAndIsAcknowledged() throws Exception {
    String messageId = "<" + System.nanoTime() + "@mail.example.lv>";
    MimeMessage email =
        email(messageId, "Anna Bērziņa <anna.berzina@example.lv>", "Auksti radiatori mājā");
    MimeMultipart body = new MimeMultipart();
    body.addBodyPart(
        text("Labdien! Kopš pirmdienas dzīvoklī ir auksti radiatori. Lūdzu, salabojiet."));
    body.addBodyPart(file("rēķins.pdf", "application/pdf", TestFiles.pdf()));
    body.addBodyPart(file("programma.pdf", "application/pdf", TestFiles.exe()));
    email.setContent(body);
    deliver(email);

    Complaint complaint = awaitComplaint("Auksti radiatori mājā");

    assertThat(complaint.channel().name()).isEqualTo("EMAIL");
    assertThat(complaint.customerName()).isEqualTo("Anna Bērziņa");
    assertThat(complaint.customerEmail()).isEqualTo("anna.berzina@example.lv");
    assertThat(complaint.preferredContact().name()).isEqualTo("EMAIL");
    assertThat(complaint.language().name()).isEqualTo("lv");
    assertThat(complaint.description()).startsWith("Labdien! Kopš pirmdienas");
    assertThat(attachments.list(complaint.id()))
        .extracting(AttachmentInfo::fileName)
        .containsExactly("rēķins.pdf");
    assertThat(register.timeline(complaint.id()))
        .filteredOn(e -> e.type().equals("ATTACHMENT_REFUSED"))
        .extracting(TimelineEntry::detail)
        .singleElement()
        .asString()
        .startsWith("programma.pdf");
    await().atMost(Duration.ofSeconds(30)).until(() -> seen(messageId));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from outbound_message where complaint_id = ?"
                            + " and kind = 'ACKNOWLEDGEMENT'",
                        Long.class,
                        complaint.id())
                    == 1);
    // Nobody showed the sender a receipt: the acknowledgement tells the access code, which the
    // outbox masks and which is no longer held once sent.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from access_code_handover where complaint_id = ?",
                        Long.class,
                        complaint.id())
                    == 0);
    assertThat(
            jdbc.queryForObject(
                "select body from outbound_message where complaint_id = ?"
                    + " and kind = 'ACKNOWLEDGEMENT'",
                String.class,
                complaint.id()))
        .contains(NotificationService.MASK, "/status");
  }

  @Test
  void htmlOnlyEmailInRussianIsRegisteredAsText() throws Exception {
    String messageId = "<" + System.nanoTime() + "@mail.example.ru>";
    MimeMessage email = email(messageId, "ivan@example.ru", "Счёт за отопление");
    email.setContent(
        "<html><head><style>p{color:red}</style></head><body><p>Здравствуйте!</p>"
            + "<p>Счёт за ноябрь &laquo;неверный&raquo;.<br>Иван</p></body></html>",
        "text/html; charset=UTF-8");
    deliver(email);

    Complaint complaint = awaitComplaint("Счёт за отопление");

    assertThat(complaint.language().name()).isEqualTo("ru");
    assertThat(complaint.customerName()).isEqualTo("ivan");
    assertThat(complaint.description())
        .isEqualTo("Здравствуйте!\nСчёт за ноябрь «неверный».\nИван")
        .doesNotContain("<", "color");
  }

  @Test
  void theSameMessageIdIsRegisteredOnce() throws Exception {
    String messageId = "<" + System.nanoTime() + "@mail.example.lt>";
    String subject = "Dvigubas mokestis " + System.nanoTime();
    MimeMessage first = email(messageId, "Ona <ona@example.lt>", subject);
    first.setText("Sąskaitoje du kartus įskaičiuotas mokestis už šildymą.", "UTF-8");
    deliver(first);
    Complaint complaint = awaitComplaint(subject);
    await().atMost(Duration.ofSeconds(30)).until(() -> seen(messageId));

    MimeMessage again = email(messageId, "Ona <ona@example.lt>", subject);
    again.setText("Sąskaitoje du kartus įskaičiuotas mokestis už šildymą.", "UTF-8");
    deliver(again);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> inbox().stream().filter(m -> hasId(m, messageId)).allMatch(this::isSeen));

    assertThat(complaint.language().name()).isEqualTo("lt");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from complaint where subject = ?", Long.class, subject))
        .isEqualTo(1);
  }

  @Test
  void replyToOurRequestReachesTheCaseWaitingForInformationWithItsFile() throws Exception {
    String address = "liga." + System.nanoTime() + "@example.lv";
    String subject = "Skaitītājs nerāda " + System.nanoTime();
    MimeMessage first = email(newMessageId(), "Līga <" + address + ">", subject);
    first.setText("Labdien! Skaitītājs nerāda patēriņu.", "UTF-8");
    deliver(first);
    Complaint complaint = awaitComplaint(subject);
    new CaseDriver(port)
        .work(
            EngineRest.as(port, "registrar"),
            complaint.registrationNumber(),
            "UserTask_CheckCompleteness",
            Map.of("complete", false, "missingInformation", "Skaitītāja numurs"));
    awaitStatus(complaint, ComplaintStatus.AWAITING_INFORMATION);
    String request = sentMessageId(complaint, "MISSING_INFORMATION_REQUEST");

    String replySubject = "Re: jūsu vēstule " + System.nanoTime();
    MimeMessage reply = email(newMessageId(), address, replySubject);
    reply.setHeader("In-Reply-To", request);
    reply.setHeader("References", request);
    MimeMultipart body = new MimeMultipart();
    body.addBodyPart(text("Skaitītāja numurs ir 12345."));
    body.addBodyPart(file("skaititajs.pdf", "application/pdf", TestFiles.pdf()));
    reply.setContent(body);
    deliver(reply);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                customerMessages.list(complaint.id()).stream()
                    .anyMatch(m -> m.message().equals("Skaitītāja numurs ir 12345.")));
    awaitStatusOtherThan(complaint, ComplaintStatus.AWAITING_INFORMATION);
    assertThat(attachments.list(complaint.id()))
        .extracting(AttachmentInfo::fileName)
        .contains("skaititajs.pdf");
    assertThat(complaintsWithSubject(replySubject)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inbound_email where complaint_id = ? and kind = 'REPLY'",
                Long.class,
                complaint.id()))
        .isEqualTo(1);
  }

  @Test
  void numberInTheSubjectMakesANewComplaintThatNamesTheCaseOnlyFromTheCustomersAddress()
      throws Exception {
    String address = "peteris." + System.nanoTime() + "@example.lv";
    String subject = "Rēķins par janvāri " + System.nanoTime();
    MimeMessage first = email(newMessageId(), address, subject);
    first.setText("Rēķins ir par lielu.", "UTF-8");
    deliver(first);
    Complaint complaint = awaitComplaint(subject);

    String otherSubject = "Par " + complaint.registrationNumber() + " " + System.nanoTime();
    MimeMessage fromSomeoneElse = email(newMessageId(), "mallory@example.com", otherSubject);
    fromSomeoneElse.setText("Please close this case.", "UTF-8");
    deliver(fromSomeoneElse);
    Complaint other = awaitComplaint(otherSubject);
    assertThat(other.id()).isNotEqualTo(complaint.id());
    assertThat(other.customerEmail()).isEqualTo("mallory@example.com");
    assertThat(register.timeline(other.id()))
        .noneMatch(e -> e.type().equals(EmailComplaints.NAMES_EARLIER_CASE));

    // From is easily forged: the customer's own address with the number is no reply either.
    String sameSenderSubject = "Re: " + complaint.registrationNumber() + " " + System.nanoTime();
    MimeMessage fromTheCustomer =
        email(newMessageId(), address.toUpperCase(Locale.ROOT), sameSenderSubject);
    fromTheCustomer.setText("Pielikumā nav nekā, bet rēķins joprojām ir par lielu.", "UTF-8");
    deliver(fromTheCustomer);
    Complaint again = awaitComplaint(sameSenderSubject);

    assertThat(again.id()).isNotEqualTo(complaint.id());
    assertThat(again.description())
        .isEqualTo("Pielikumā nav nekā, bet rēķins joprojām ir par lielu.");
    assertThat(customerMessages.list(complaint.id())).isEmpty();
    assertThat(register.timeline(again.id()))
        .filteredOn(e -> e.type().equals(EmailComplaints.NAMES_EARLIER_CASE))
        .extracting(TimelineEntry::detail)
        .containsExactly(complaint.registrationNumber());
    assertThat(register.timeline(complaint.id()))
        .filteredOn(e -> e.type().equals(EmailComplaints.NAMED_BY_NEW_COMPLAINT))
        .extracting(TimelineEntry::detail)
        .containsExactly(again.registrationNumber());
  }

  @Test
  void replyToAFinishedCaseBecomesANewComplaintThatNamesIt() throws Exception {
    String address = "ona." + System.nanoTime() + "@example.lt";
    String subject = "Karštas vanduo " + System.nanoTime();
    MimeMessage first = email(newMessageId(), address, subject);
    first.setText("Nėra karšto vandens jau savaitę.", "UTF-8");
    deliver(first);
    Complaint complaint = awaitComplaint(subject);
    String acknowledgement = sentMessageId(complaint, "ACKNOWLEDGEMENT");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(() -> customerRequests.withdraw(complaint));
    awaitStatus(complaint, ComplaintStatus.WITHDRAWN);

    String replySubject = "Re: karštas vanduo " + System.nanoTime();
    MimeMessage reply = email(newMessageId(), address, replySubject);
    reply.setHeader("In-Reply-To", acknowledgement);
    reply.setText("Karšto vandens vis dar nėra.", "UTF-8");
    deliver(reply);

    Complaint again = awaitComplaint(replySubject);
    assertThat(again.id()).isNotEqualTo(complaint.id());
    assertThat(customerMessages.list(complaint.id())).isEmpty();
    assertThat(register.timeline(again.id()))
        .filteredOn(e -> e.type().equals(EmailComplaints.REPLY_TO_FINISHED_CASE))
        .extracting(TimelineEntry::detail)
        .containsExactly(complaint.registrationNumber());
    assertThat(register.timeline(complaint.id()))
        .filteredOn(e -> e.type().equals(EmailComplaints.REPLY_REGISTERED_AS_NEW))
        .extracting(TimelineEntry::detail)
        .containsExactly(again.registrationNumber());
  }

  private static String newMessageId() {
    return "<" + System.nanoTime() + "@mail.example.lv>";
  }

  /** The Message-ID of the e-mail of this kind that the SMTP server received for the case. */
  private String sentMessageId(Complaint complaint, String kind) {
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
                            complaint.id(),
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

  private void awaitStatus(Complaint complaint, ComplaintStatus status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> register.get(complaint.id()).status() == status);
  }

  private void awaitStatusOtherThan(Complaint complaint, ComplaintStatus status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> register.get(complaint.id()).status() != status);
  }

  private long complaintsWithSubject(String subject) {
    return jdbc.queryForObject(
        "select count(*) from complaint where subject = ?", Long.class, subject);
  }

  private MimeMessage email(String messageId, String from, String subject)
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
    return message;
  }

  private static MimeBodyPart text(String text) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    return part;
  }

  private static MimeBodyPart file(String name, String type, byte[] content) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    part.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", null));
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    return part;
  }

  private void deliver(MimeMessage message) throws Exception {
    message.saveChanges();
    GreenMailUser user = inboxImapServer.getUserManager().getUser(InboxMailServer.USER);
    user.deliver(message);
  }

  private Complaint awaitComplaint(String subject) {
    Long id =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc
                        .query(
                            "select id from complaint where subject = ?",
                            (rs, row) -> rs.getLong(1),
                            subject)
                        .stream()
                        .findFirst()
                        .orElse(null),
                found -> found != null);
    return register.get(id);
  }

  private List<StoredMessage> inbox() throws Exception {
    GreenMailUser user = inboxImapServer.getUserManager().getUser(InboxMailServer.USER);
    return inboxImapServer.getManagers().getImapHostManager().getInbox(user).getMessages();
  }

  private boolean seen(String messageId) throws Exception {
    return inbox().stream().filter(m -> hasId(m, messageId)).anyMatch(this::isSeen);
  }

  private boolean isSeen(StoredMessage message) {
    return message.getFlags().contains(Flags.Flag.SEEN);
  }

  private static boolean hasId(StoredMessage message, String messageId) {
    try {
      return messageId.equals(message.getMimeMessage().getMessageID());
    } catch (MessagingException e) {
      return false;
    }
  }
}
