package eu.complaintdesk.notification;

import static eu.complaintdesk.testing.OutboundTestServers.SMS_REQUESTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.NewComplaint;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.OutboundTestServers;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications leave the application for real: e-mail to an SMTP server (GreenMail), SMS to an
 * HTTP gateway, both started by the shared integration-test base.
 */
class NotificationDeliveryIT extends ApplicationIntegrationTest {

  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");
  private static final Instant DUE = Instant.parse("2026-03-23T16:00:00Z");

  @Autowired NotificationService notifications;
  @Autowired ComplaintRegister register;
  @Autowired AnswerDrafts drafts;
  @Autowired AnswerLetters letters;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired ObjectMapper json;

  @BeforeEach
  void gatewayAnswers() {
    OutboundTestServers.smsGatewayStatus = 200;
  }

  @AfterEach
  void gatewayAnswersAfterwards() {
    // a test that failed half-way must not leave SMS refused for the classes after it
    OutboundTestServers.smsGatewayStatus = 200;
  }

  @Test
  void acknowledgementIsMailedInEachLanguageWithTextAndHtmlParts() throws Exception {
    Map<Language, String> subjects =
        Map.of(
            Language.lv, "Jūsu iesniegums reģistrēts ar Nr. ",
            Language.ru, "Ваше обращение зарегистрировано под № ",
            Language.lt, "Jūsų kreipimasis užregistruotas Nr. ",
            Language.en, "Your submission has been registered as no. ");
    Map<Language, String> bodies =
        Map.of(
            Language.lv, "saņēmām 09.03.2026",
            Language.ru, "09.03.2026",
            Language.lt, "2026-03-09",
            Language.en, "9 March 2026");
    for (Language language : Language.values()) {
      String email = address(language.name());
      Registered complaint = complaint(language, PreferredContact.EMAIL, email, "+37120000001");

      notifications.notifyCustomer(
          complaint.id(), NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");

      MimeMessage mail = singleMailTo(email);
      assertThat(mail.getSubject()).isEqualTo(subjects.get(language) + complaint.number());
      assertThat(mail.getHeader("Content-Language")).containsExactly(language.name());
      // RFC 3834: no auto-responder answers it, and our inbox never takes it in as a customer's.
      assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
      // A reply names it to reach the case: the message's id and random token, nothing personal.
      OutboundMessage recorded = notifications.messages(complaint.id()).get(0);
      assertThat(mail.getMessageID())
          .isEqualTo("<outbound-" + recorded.id() + "." + recorded.replyToken() + "@desk.example>")
          .matches("<outbound-\\d+\\.[0-9a-f]{32}@desk\\.example>");
      assertThat(((InternetAddress) mail.getFrom()[0]).getAddress())
          .isEqualTo("complaints@desk.example");
      assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress())
          .isEqualTo(OutboundTestServers.MAIL_REPLY_TO);
      Parts parts = parts(mail);
      assertThat(parts.text()).contains(complaint.number(), bodies.get(language));
      assertThat(parts.html())
          .contains("<html lang=\"" + language.name() + "\"", complaint.number())
          .contains(bodies.get(language));
      assertThat(parts.attachments()).isEmpty();
    }
  }

  @Test
  void everyCustomerNotificationKindIsMailedWithItsContent() throws Exception {
    record Case(
        NotificationKind kind,
        Language language,
        Map<String, Object> parameters,
        String subject,
        List<String> body) {}
    List<Case> cases =
        List.of(
            new Case(
                NotificationKind.MISSING_INFORMATION_REQUEST,
                Language.lv,
                Map.of(
                    "missingInformation",
                    List.of("Skaitītāja rādījumi", "Līguma numurs"),
                    "informationDueDate",
                    Instant.parse("2026-03-20T16:00:00Z")),
                "Lūdzam papildināt iesniegumu Nr.",
                List.of("- Skaitītāja rādījumi", "- Līguma numurs", "20.03.2026")),
            new Case(
                NotificationKind.INFORMATION_RECEIVED,
                Language.ru,
                Map.of(),
                "Мы получили дополнительную информацию по обращению №",
                List.of("23.03.2026")),
            new Case(
                NotificationKind.EXTENSION_NOTICE,
                Language.lt,
                Map.of(),
                "nagrinėjimo terminas pratęstas",
                List.of(
                    "Laukiame informacijos iš AB Energijos skirstymo operatorius", "2026-04-06")),
            new Case(
                NotificationKind.APPEAL_NOTICE,
                Language.en,
                Map.of(
                    "authorityName",
                    "Public Utilities Commission",
                    "authorityContacts",
                    "Ūnijas iela 45, Rīga; +371 67097200"),
                "Where to turn if you disagree with our answer to no.",
                List.of("Public Utilities Commission", "Ūnijas iela 45, Rīga; +371 67097200")),
            new Case(
                NotificationKind.CLOSED_INCOMPLETE,
                Language.ru,
                Map.of(),
                "закрыто",
                List.of("оставлено без рассмотрения")),
            new Case(
                NotificationKind.WITHDRAWAL_CONFIRMATION,
                Language.lv,
                Map.of(),
                "atsaukts",
                List.of("atsaukts")),
            new Case(
                NotificationKind.SURVEY_INVITATION,
                Language.lt,
                Map.of(
                    "surveyLink",
                    "https://desk.example/surveys/tok3n",
                    "surveyExpiresDate",
                    Instant.parse("2026-04-10T10:00:00Z")),
                "Prašome įvertinti",
                List.of("https://desk.example/surveys/tok3n", "2026-04-10")),
            new Case(
                NotificationKind.PRAISE_THANKS,
                Language.en,
                Map.of(),
                "Thank you for your kind words!",
                List.of("passed them on")));
    for (Case c : cases) {
      String email = address(c.kind().name().toLowerCase());
      Registered complaint = complaint(c.language(), PreferredContact.EMAIL, email, null);
      if (c.kind() == NotificationKind.EXTENSION_NOTICE) {
        register.setResponseDue(
            complaint.id(),
            Instant.parse("2026-04-06T15:00:00Z"),
            true,
            "Laukiame informacijos iš AB Energijos skirstymo operatorius");
      }

      notifications.notifyCustomer(complaint.id(), c.kind(), c.parameters(), "kind");

      MimeMessage mail = singleMailTo(email);
      assertThat(mail.getSubject()).as(c.kind().name()).contains(c.subject());
      Parts parts = parts(mail);
      assertThat(parts.text()).as(c.kind().name()).contains(c.body()).doesNotContain("{");
      assertThat(parts.html()).as(c.kind().name()).contains(complaint.number());
      if (c.kind() == NotificationKind.SURVEY_INVITATION) {
        assertThat(parts.html())
            .contains("<a href=\"https://desk.example/surveys/tok3n\">"); // a link in HTML
      }
    }
  }

  @Test
  void answerIsMailedWithTheAnswerLetterAsPdfInTheCustomerLanguage() throws Exception {
    String email = address("answer");
    Registered complaint = complaint(Language.ru, PreferredContact.EMAIL, email, null);
    long draft =
        drafts.save(
            complaint.id(), "Счёт за октябрь пересчитан.", "PARTIALLY_UPHELD", "Показания", "h");
    drafts.review(draft, true, "supervisor", null);
    register.recordAnswer(
        complaint.id(), "PARTIALLY_UPHELD", "Счёт за октябрь пересчитан.", Instant.now());
    long letterId =
        letters.create(
            complaint.id(), "Комиссия по регулированию", "Рига; +371 67097200", "answer-step");

    notifications.notifyCustomer(
        complaint.id(), NotificationKind.ANSWER, Map.of(), "answer-step", letterId);

    MimeMessage mail = singleMailTo(email);
    assertThat(mail.getSubject()).isEqualTo("Ответ на Ваше обращение № " + complaint.number());
    Parts parts = parts(mail);
    assertThat(parts.text())
        .contains("Ваша жалоба признана частично обоснованной.", "Счёт за октябрь пересчитан.");
    assertThat(parts.attachments()).singleElement();
    Part pdf = parts.attachments().get(0);
    assertThat(pdf.getContentType()).startsWith("application/pdf");
    assertThat(pdf.getFileName()).isEqualTo("otvet-" + complaint.number() + ".pdf");
    try (InputStream in = pdf.getInputStream();
        PDDocument document = Loader.loadPDF(in.readAllBytes())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains(
              "Ответ на обращение",
              complaint.number(),
              "Решение",
              "Ваша жалоба признана частично обоснованной.",
              "Счёт за октябрь пересчитан.",
              "Комиссия по регулированию");
    }
  }

  @Test
  void smsGoesToTheGatewayAsJsonWithTheBearerToken() throws Exception {
    Registered complaint = complaint(Language.lv, PreferredContact.SMS, null, "+371 29123456");
    int before = SMS_REQUESTS.size();

    notifications.notifyCustomer(complaint.id(), NotificationKind.ACKNOWLEDGEMENT, Map.of(), "a");

    assertThat(SMS_REQUESTS).hasSize(before + 1);
    OutboundTestServers.SmsRequest request = SMS_REQUESTS.get(before);
    assertThat(request.authorization()).isEqualTo("Bearer " + OutboundTestServers.SMS_TOKEN);
    assertThat(request.contentType()).startsWith("application/json");
    JsonNode body = json.readTree(request.body());
    assertThat(body.get("to").asText()).isEqualTo("+371 29123456");
    assertThat(body.get("text").asText())
        .contains("Iesniegums Nr. " + complaint.number() + " reģistrēts", "/status")
        .hasSizeLessThanOrEqualTo(134); // the SMS form: two UCS-2 segments at most
    OutboundMessage recorded = notifications.messages(complaint.id()).get(0);
    assertThat(body.get("reference").asText()).isEqualTo(recorded.reference());
    assertThat(recorded.state()).isEqualTo(DeliveryState.SENT);
    assertThat(recorded.channel()).isEqualTo(MessageChannel.SMS);
  }

  @Test
  void failedSmsStaysRecordedWhenTheJobRollsBackAndTheRetrySendsOnce() {
    Registered complaint = complaint(Language.en, PreferredContact.SMS, null, "+371 29000099");
    OutboundTestServers.smsGatewayStatus = 503;
    int before = SMS_REQUESTS.size();
    TransactionTemplate job = new TransactionTemplate(transactionManager);

    assertThatThrownBy(
            () ->
                job.executeWithoutResult(
                    status ->
                        notifications.notifyCustomer(
                            complaint.id(), NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1")))
        .isInstanceOf(MessageDeliveryFailed.class)
        .hasMessageContaining("SmsGatewayException")
        .hasMessageNotContaining("29000099");

    OutboundMessage failed = notifications.messages(complaint.id()).get(0);
    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.error()).contains("HTTP 503");
    assertThat(eventTypes(complaint.id())).contains(NotificationService.MESSAGE_FAILED);

    OutboundTestServers.smsGatewayStatus = 200;
    job.executeWithoutResult(
        status ->
            notifications.notifyCustomer(
                complaint.id(), NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1"));
    job.executeWithoutResult(
        status ->
            notifications.notifyCustomer(
                complaint.id(), NotificationKind.ACKNOWLEDGEMENT, Map.of(), "job-1"));

    assertThat(SMS_REQUESTS).hasSize(before + 2); // the refused one and the accepted one
    assertThat(notifications.messages(complaint.id()))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
              assertThat(sent.attempts()).isEqualTo(2);
              assertThat(sent.error()).isNull();
            });
    assertThat(eventTypes(complaint.id()))
        .filteredOn(NotificationService.MESSAGE_SENT::equals)
        .hasSize(1);
  }

  @Test
  void customerWhoPrefersSmsButGaveNoPhoneGetsAnEmail() throws Exception {
    String email = address("fallback");
    Registered complaint = complaint(Language.lv, PreferredContact.SMS, email, null);
    int before = SMS_REQUESTS.size();

    notifications.notifyCustomer(complaint.id(), NotificationKind.ACKNOWLEDGEMENT, Map.of(), "a");

    assertThat(singleMailTo(email).getSubject()).contains(complaint.number());
    assertThat(SMS_REQUESTS).hasSize(before);
    assertThat(notifications.messages(complaint.id()).get(0).channel())
        .isEqualTo(MessageChannel.EMAIL);
  }

  @Test
  void customerWhoPrefersEmailButGaveOnlyAPhoneGetsAnSms() {
    Registered complaint = complaint(Language.lt, PreferredContact.EMAIL, null, "+370 61234567");
    int before = SMS_REQUESTS.size();

    notifications.notifyCustomer(complaint.id(), NotificationKind.ACKNOWLEDGEMENT, Map.of(), "a");

    assertThat(SMS_REQUESTS).hasSize(before + 1);
    assertThat(SMS_REQUESTS.get(before).body())
        .contains("+370 61234567", "Kreipimasis Nr. " + complaint.number() + " gautas");
  }

  // --- helpers ----------------------------------------------------------------------------

  record Registered(long id, String number) {}

  Registered complaint(Language language, PreferredContact preferred, String email, String phone) {
    var registered =
        register.register(
            new NewComplaint(
                Channel.API,
                language,
                "Anna Bērziņa",
                email,
                phone,
                null,
                "Brīvības iela 1, Rīga",
                preferred,
                "Radiators",
                "Nav apkures",
                null,
                null,
                RECEIVED,
                DUE,
                null));
    return new Registered(registered.id(), registered.registrationNumber());
  }

  static String address(String name) {
    return name + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.lv";
  }

  static MimeMessage singleMailTo(String email) throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> !mailsTo(email).isEmpty());
    List<MimeMessage> mails = mailsTo(email);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  static List<MimeMessage> mailsTo(String email) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage mail : OutboundTestServers.smtp().getReceivedMessages()) {
      if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(email))) {
        found.add(mail);
      }
    }
    return found;
  }

  List<String> eventTypes(long complaintId) {
    return register.timeline(complaintId).stream().map(TimelineEntry::type).toList();
  }

  record Parts(String text, String html, List<Part> attachments) {}

  static Parts parts(Part message) throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> htmls = new ArrayList<>();
    List<Part> attachments = new ArrayList<>();
    collect(message, texts, htmls, attachments);
    assertThat(texts).as("plain text parts").hasSize(1);
    assertThat(htmls).as("HTML parts").hasSize(1);
    return new Parts(texts.get(0), htmls.get(0), attachments);
  }

  private static void collect(
      Part part, List<String> texts, List<String> htmls, List<Part> attachments) throws Exception {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      attachments.add(part);
    } else if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, texts, htmls, attachments);
      }
    } else if (part.isMimeType("text/plain")) {
      assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
      texts.add((String) part.getContent());
    } else if (part.isMimeType("text/html")) {
      htmls.add((String) part.getContent());
    }
  }
}
