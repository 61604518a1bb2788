package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import eu.complaintdesk.answer.ExternalInquiries;
import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.answer.InquiryReplies;
import eu.complaintdesk.attachment.AttachmentInfo;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.InboxMailServer;
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
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Another organisation's reply by e-mail (issue 12) against the real IMAP server: an e-mail whose
 * {@code In-Reply-To} names our inquiry (by its id and token) becomes that organisation's reply
 * with its files, completes its reply task and shows in the case file; it is neither a customer
 * message nor a new complaint, and is taken in once. A reply after the handler recorded one by
 * phone is kept beside it; a made-up Message-ID (wrong token) is a new complaint as any other
 * e-mail.
 */
class InquiryReplyEmailIT extends ApplicationIntegrationTest {

  private static final String ORGANISATION = "building-manager";
  private static final String PARTNER = "Ēkas pārvaldnieks <building-manager@partners.example>";

  @Autowired GreenMail inboxImapServer;
  @Autowired JdbcTemplate jdbc;
  @Autowired ComplaintRegister register;
  @Autowired CustomerMessages customerMessages;
  @Autowired AttachmentService attachments;
  @Autowired ExternalInquiries inquiries;
  @Autowired InquiryReplies inquiryReplies;
  @LocalServerPort int port;

  final Session session = Session.getInstance(new Properties());

  @Test
  void replyEmailWithAFileCompletesTheReplyTaskShowsInTheCaseFileAndIsTakenOnce() throws Exception {
    Complaint complaint = caseAskingTheBuildingManager();
    String inquiryMessageId = inquiryMessageId(complaint);

    String subject = "Re: pieprasījums " + System.nanoTime();
    String messageId = newMessageId();
    deliver(reply(messageId, subject, inquiryMessageId, "Siltummezgls salabots 3. decembrī."));

    await().atMost(Duration.ofSeconds(30)).until(() -> inquiry(complaint).repliedAt() != null);
    ExternalInquiry inquiry = inquiry(complaint);
    assertThat(inquiry.reply()).isEqualTo("Siltummezgls salabots 3. decembrī.");
    assertThat(inquiry.recordedBy()).isEqualTo(ExternalInquiries.EMAIL_ACTOR);
    // the case goes on: the handler drafts again with what the organisation said
    new CaseDriver(port).awaitTask(complaint.registrationNumber(), "UserTask_DraftAnswer");
    assertThat(attachments.listOfInquiry(complaint.id(), inquiry.id()))
        .extracting(AttachmentInfo::fileName)
        .containsExactly("akts.pdf");
    // the organisation's file is not the customer's: not among the case's customer attachments
    assertThat(attachments.list(complaint.id()))
        .extracting(AttachmentInfo::fileName)
        .doesNotContain("akts.pdf");
    assertThat(customerMessages.list(complaint.id())).isEmpty();
    assertThat(complaintsWithSubject(subject)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select kind from inbound_email where complaint_id = ? and case_told_at is not null",
                String.class,
                complaint.id()))
        .isEqualTo(EmailComplaints.KIND_INQUIRY_REPLY);
    await().atMost(Duration.ofSeconds(30)).until(() -> seenCount(messageId) == 1);

    String page = caseFile(complaint, "handler");
    assertThat(page)
        .contains("Siltummezgls salabots 3. decembrī.", "by e-mail", "akts.pdf", "the reply");

    // The same e-mail delivered again is taken in once.
    deliver(reply(messageId, subject, inquiryMessageId, "Siltummezgls salabots 3. decembrī."));
    await().atMost(Duration.ofSeconds(30)).until(() -> seenCount(messageId) == 2);
    assertThat(inquiryReplies.emailReplies(complaint.id())).hasSize(1);
    assertThat(attachments.listOfInquiry(complaint.id(), inquiry.id())).hasSize(1);
    assertThat(
            register.timeline(complaint.id()).stream()
                .filter(e -> e.type().equals("EXTERNAL_REPLY_RECORDED")))
        .hasSize(1);
    assertThat(complaintsWithSubject(subject)).isZero();
  }

  @Test
  void replyEmailAfterThePhoneReplyWasRecordedIsKeptBesideIt() throws Exception {
    Complaint complaint = caseAskingTheBuildingManager();
    String inquiryMessageId = inquiryMessageId(complaint);
    new CaseDriver(port)
        .work(
            EngineRest.as(port, "handler"),
            complaint.registrationNumber(),
            "UserTask_RecordExternalReply",
            Map.of("externalReply", "Pa tālruni: remontdarbi pabeigti."));

    String subject = "Re: pieprasījums " + System.nanoTime();
    String messageId = newMessageId();
    deliver(reply(messageId, subject, inquiryMessageId, "Rakstiski: remontdarbi pabeigti."));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !inquiryReplies.emailReplies(complaint.id()).isEmpty());
    await().atMost(Duration.ofSeconds(30)).until(() -> seenCount(messageId) == 1);
    assertThat(inquiryReplies.emailReplies(complaint.id()))
        .singleElement()
        .satisfies(
            reply -> {
              assertThat(reply.text()).isEqualTo("Rakstiski: remontdarbi pabeigti.");
              assertThat(reply.recorded()).isFalse();
            });
    ExternalInquiry inquiry = inquiry(complaint);
    assertThat(inquiry.reply()).isEqualTo("Pa tālruni: remontdarbi pabeigti.");
    assertThat(inquiry.recordedBy()).isEqualTo("handler");
    assertThat(complaintsWithSubject(subject)).isZero();
    assertThat(flagged(messageId)).isFalse();
    assertThat(caseFile(complaint, "supervisor"))
        .contains("Rakstiski: remontdarbi pabeigti.", "an additional reply");
  }

  @Test
  void replyNamingAGuessedMessageIdIsANewComplaint() throws Exception {
    Complaint complaint = caseAskingTheBuildingManager();
    String guessed =
        inquiryMessageId(complaint)
            .replaceFirst("\\.[0-9a-f]{32}@", ".0123456789abcdef0123456789abcdef@");

    String subject = "Re: pieprasījums " + System.nanoTime();
    deliver(reply(newMessageId(), subject, guessed, "Lūdzu, aizveriet lietu."));

    await().atMost(Duration.ofSeconds(30)).until(() -> complaintsWithSubject(subject) == 1);
    assertThat(inquiry(complaint).repliedAt()).isNull();
    assertThat(inquiryReplies.emailReplies(complaint.id())).isEmpty();
  }

  @Test
  void replyEmailToAnErasedCaseKeepsNothingAndIsDeletedFromTheMailbox() throws Exception {
    String customer = "erased." + System.nanoTime() + "@example.lv";
    Complaint complaint =
        caseAskingTheBuildingManager(
            CaseDriver.HEATING_COMPLAINT.replace("anna@example.lv", customer));
    String inquiryMessageId = inquiryMessageId(complaint);
    HttpResponse<String> erased =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/staff/erasures"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", EngineRest.basic("privacy", "privacy"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + customer + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);

    String subject = "Re: pieprasījums " + System.nanoTime();
    String messageId = newMessageId();
    deliver(reply(messageId, subject, inquiryMessageId, "Dzīvoklī 5 siltummezgls salabots."));

    // taken in once, marked, and deleted from the mailbox by the poll after it
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from inbound_email where complaint_id = ?"
                            + " and kind = 'INQUIRY_REPLY' and forgotten_at is not null",
                        Long.class,
                        complaint.id())
                    == 1);
    await().atMost(Duration.ofSeconds(30)).until(() -> inboxCount(messageId) == 0);
    assertThat(inquiryReplies.emailReplies(complaint.id())).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from inquiry_reply_email where complaint_id = ?",
                Long.class,
                complaint.id()))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from attachment where complaint_id = ?",
                Long.class,
                complaint.id()))
        .isZero();
    assertThat(register.timeline(complaint.id()))
        .noneMatch(
            e ->
                e.type().equals(InquiryReplies.EMAIL_RECEIVED)
                    || e.type().equals(AttachmentService.INQUIRY_ATTACHMENT_RECEIVED));
    assertThat(inquiry(complaint).reply()).isNull();
    assertThat(complaintsWithSubject(subject)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from complaint where description like ?",
                Long.class,
                "%siltummezgls salabots%"))
        .isZero();
  }

  /** A heating complaint whose handler asks the building manager for information. */
  private Complaint caseAskingTheBuildingManager() {
    return caseAskingTheBuildingManager(CaseDriver.HEATING_COMPLAINT);
  }

  /** The complaint (JSON) submitted, whose handler asks the building manager for information. */
  private Complaint caseAskingTheBuildingManager(String submission) {
    CaseDriver driver = new CaseDriver(port);
    String number = driver.submit(submission);
    EngineRest registrar = EngineRest.as(port, "registrar");
    driver.work(registrar, number, "UserTask_CheckCompleteness", Map.of("complete", true));
    driver.work(
        registrar,
        number,
        "UserTask_ClassifyComplaint",
        Map.of("feedbackType", "SERVICE_COMPLAINT", "category", "HEATING_QUALITY"));
    Map<String, Object> draft = new HashMap<>(CaseDriver.draft("UPHELD"));
    draft.put("needsExternalInformation", true);
    draft.put("externalOrganisations", ORGANISATION);
    driver.work(EngineRest.as(port, "handler"), number, "UserTask_DraftAnswer", draft);
    driver.awaitTask(number, "UserTask_RecordExternalReply");
    return register.findByRegistrationNumber(number).orElseThrow();
  }

  /** The Message-ID of the inquiry's message ({@code <outbound-{id}.{token}@…>}). */
  private String inquiryMessageId(Complaint complaint) {
    Map<String, Object> message =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc
                        .queryForList(
                            "select id, reply_token from outbound_message where complaint_id = ?"
                                + " and kind = 'EXTERNAL_INQUIRY'",
                            complaint.id())
                        .stream()
                        .findFirst()
                        .orElse(null),
                found -> found != null);
    return "<outbound-"
        + message.get("id")
        + "."
        + message.get("reply_token")
        + "@complaints.example.lv>";
  }

  private ExternalInquiry inquiry(Complaint complaint) {
    return inquiries.inquiries(complaint.id()).stream()
        .filter(i -> i.organisation().equals(ORGANISATION))
        .findFirst()
        .orElseThrow();
  }

  private MimeMessage reply(String messageId, String subject, String inReplyTo, String text)
      throws Exception {
    MimeMessage message =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setFrom(new InternetAddress(PARTNER));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(InboxMailServer.ADDRESS));
    message.setSubject(subject, "UTF-8");
    message.setSentDate(new java.util.Date());
    message.setHeader("In-Reply-To", inReplyTo);
    message.setHeader("References", inReplyTo);
    MimeMultipart body = new MimeMultipart();
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    body.addBodyPart(part);
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new DataHandler(new ByteArrayDataSource(TestFiles.pdf(), "application/pdf")));
    file.setFileName(MimeUtility.encodeText("akts.pdf", "UTF-8", null));
    file.setDisposition(MimeBodyPart.ATTACHMENT);
    body.addBodyPart(file);
    message.setContent(body);
    return message;
  }

  private void deliver(MimeMessage message) throws Exception {
    message.saveChanges();
    GreenMailUser user = inboxImapServer.getUserManager().getUser(InboxMailServer.USER);
    user.deliver(message);
  }

  private String caseFile(Complaint complaint, String user) throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/staff/complaints/"
                                + complaint.registrationNumber()))
                    .header("Authorization", EngineRest.basic(user, user))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  private long complaintsWithSubject(String subject) {
    return jdbc.queryForObject(
        "select count(*) from complaint where subject = ?", Long.class, subject);
  }

  private static String newMessageId() {
    return "<" + System.nanoTime() + "@partners.example>";
  }

  private List<StoredMessage> inbox() throws Exception {
    GreenMailUser user = inboxImapServer.getUserManager().getUser(InboxMailServer.USER);
    return inboxImapServer.getManagers().getImapHostManager().getInbox(user).getMessages();
  }

  private long inboxCount(String messageId) throws Exception {
    return inbox().stream().filter(m -> hasId(m, messageId)).count();
  }

  private long seenCount(String messageId) throws Exception {
    return inbox().stream()
        .filter(m -> hasId(m, messageId))
        .filter(m -> m.getFlags().contains(Flags.Flag.SEEN))
        .count();
  }

  private boolean flagged(String messageId) throws Exception {
    return inbox().stream()
        .filter(m -> hasId(m, messageId))
        .anyMatch(m -> m.getFlags().contains(Flags.Flag.FLAGGED));
  }

  private static boolean hasId(StoredMessage message, String messageId) {
    try {
      return messageId.equals(message.getMimeMessage().getMessageID());
    } catch (MessagingException e) {
      return false;
    }
  }
}
