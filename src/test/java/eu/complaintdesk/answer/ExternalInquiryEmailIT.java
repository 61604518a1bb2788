package eu.complaintdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.notification.MessageChannel;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.OutboundTestServers;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A handler's inquiry reaches a directory organisation by e-mail (GreenMail): exactly one message
 * to its address, in its language, with the registration number and the question, under our
 * Message-ID; an organisation not in the directory gets none and its reply task says to contact it.
 * Mails are told apart by recipient and registration number (other tests mail the same partner).
 */
class ExternalInquiryEmailIT extends ApplicationIntegrationTest {

  static final String BUILDING_MANAGER = "building-manager@partners.example";

  @LocalServerPort int port;
  @Autowired NotificationService notifications;
  @Autowired ComplaintRegister register;

  @Test
  void draftFormWithAChosenEntryAnotherNameAndAQuestionEmailsTheEntryOnly() throws Exception {
    CaseDriver cases = new CaseDriver(port);
    String number = cases.heatingComplaintAwaitingDraft();
    EngineRest handler = EngineRest.as(port, "handler");
    EngineRest admin = EngineRest.as(port, "admin");
    String task = cases.awaitTask(number, "UserTask_DraftAnswer");

    // what Tasklist reads for the checklist: the directory as a JSON list, labels in the staff
    // language
    EngineRest.Response form =
        handler.get("/task/" + task + "/form-variables?deserializeValues=false");
    assertThat(form.status()).as(form.toString()).isEqualTo(200);
    JsonNode options = form.json().get("externalOrganisationOptions");
    assertThat(options.get("type").asText()).isEqualTo("Object");
    assertThat(options.get("valueInfo").get("serializationDataFormat").asText())
        .isEqualTo("application/json");
    assertThat(options.get("value").asText())
        .contains("{\"label\":\"Building manager\",\"value\":\"building-manager\"}");

    // what Tasklist submits: the checklist in the options' type, the text areas as strings
    String question = "When was the heating in the building at Brīvības iela 1 switched off?";
    assertThat(handler.post("/task/" + task + "/claim", CaseDriver.claimBody(handler)).status())
        .isEqualTo(204);
    EngineRest.Response submitted =
        handler.post(
            "/task/" + task + "/submit-form",
            """
            {"variables":{
              "needsExternalInformation":{"value":true,"type":"Boolean"},
              "externalOrganisationChoice":{"value":"[\\"building-manager\\"]","type":"Object",
                "valueInfo":{"serializationDataFormat":"application/json",
                             "objectTypeName":"java.util.ArrayList"}},
              "externalOrganisations":{"value":"Būvvalde","type":"String"},
              "inquiryQuestion":{"value":"%s","type":"String"}}}
            """
                .formatted(question));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);

    MimeMessage mail = singleMail(BUILDING_MANAGER, number);
    long complaintId = register.findByRegistrationNumber(number).orElseThrow().id();
    OutboundMessage recorded =
        notifications.messages(complaintId).stream()
            .filter(m -> m.kind() == NotificationKind.EXTERNAL_INQUIRY)
            .filter(m -> m.channel() == MessageChannel.EMAIL)
            .findFirst()
            .orElseThrow();
    assertThat(mail.getMessageID())
        .isEqualTo("<outbound-" + recorded.id() + "." + recorded.replyToken() + "@desk.example>");
    assertThat(mail.getHeader("Content-Language")).containsExactly("lv");
    assertThat(mail.getSubject()).startsWith("Informācijas pieprasījums");
    assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress())
        .isEqualTo(OutboundTestServers.MAIL_REPLY_TO);
    assertThat(text(mail))
        .contains("Ēkas pārvaldnieks", number, question, "atbildiet uz šo e-pastu")
        .doesNotContain("Anna Ozola", "anna@example.lv", "Radiators are cold");
    // the other name gets no e-mail: the only mail naming the case is the partner's
    assertThat(mailsNaming(number))
        .extracting(
            m -> ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress())
        .containsOnly(BUILDING_MANAGER, "anna@example.lv");
    // each organisation is asked in a step of its own: wait for both reply tasks
    JsonNode replyTasks =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    admin
                        .get(
                            "/task?processInstanceBusinessKey="
                                + number
                                + "&taskDefinitionKey=UserTask_RecordExternalReply")
                        .json(),
                found -> found.size() == 2);
    assertThat(
            notifications.messages(complaintId).stream()
                .filter(m -> m.kind() == NotificationKind.EXTERNAL_INQUIRY))
        .extracting(OutboundMessage::channel, OutboundMessage::recipient)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(MessageChannel.EMAIL, BUILDING_MANAGER),
            org.assertj.core.groups.Tuple.tuple(MessageChannel.ORGANISATION, "Būvvalde"));

    List<String> descriptions = new ArrayList<>();
    replyTasks.forEach(t -> descriptions.add(t.get("description").asText()));
    assertThat(descriptions)
        .containsExactlyInAnyOrder(
            "Building manager was asked by e-mail; its reply e-mail completes this task. Record"
                + " here a reply that came by phone or post.",
            "Not in the directory: contact Būvvalde by phone or post and record its reply here.");

    // the question is the register's: not in the engine's history, nor are the options
    String instance = replyTasks.get(0).get("processInstanceId").asText();
    for (String name :
        List.of("inquiryQuestion", "externalOrganisationOptions", "externalOrganisationChoice")) {
      EngineRest.Response kept =
          admin.get(
              "/history/variable-instance/count?processInstanceId="
                  + instance
                  + "&variableName="
                  + name);
      assertThat(kept.json().get("count").asLong()).as(name).isZero();
    }
    JsonNode details = admin.get("/history/detail?processInstanceId=" + instance).json();
    assertThat(details).isNotEmpty();
    for (JsonNode detail : details) {
      assertThat(detail.path("variableName").asText() + detail.path("fieldId").asText())
          .isNotIn("inquiryQuestion", "externalOrganisationOptions", "externalOrganisationChoice");
    }
    assertThat(admin.get("/history/detail?processInstanceId=" + instance).body())
        .doesNotContain(question);

    // the case file's JSON: names, how each was asked, the question
    HttpResponse<String> inquiries =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + port
                                + "/api/staff/complaints/"
                                + number
                                + "/inquiries"))
                    .header("Authorization", EngineRest.basic("handler", "handler"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(inquiries.statusCode()).as(inquiries.body()).isEqualTo(200);
    assertThat(new ObjectMapper().readTree(inquiries.body()).get("inquiries"))
        .extracting(
            i -> i.get("organisationName").asText() + "|" + i.get("contact").asText(),
            i -> i.get("question").asText())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Building manager|EMAIL", question),
            org.assertj.core.groups.Tuple.tuple("Būvvalde|BY_HAND", question));
  }

  @Test
  void contractCompletionNamingTheDirectoryIdEmailsTheDefaultQuestion() throws Exception {
    CaseDriver cases = new CaseDriver(port);
    String number = cases.heatingComplaintAwaitingDraft();

    cases.work(
        EngineRest.as(port, "handler"),
        number,
        "UserTask_DraftAnswer",
        Map.of("needsExternalInformation", true, "externalOrganisations", "building-manager"));

    MimeMessage mail = singleMail(BUILDING_MANAGER, number);
    assertThat(mail.getHeader("Content-Language")).containsExactly("lv");
    assertThat(text(mail))
        .contains("Ēkas pārvaldnieks", number, "Lūdzu, sniedziet mums jūsu rīcībā esošo");
  }

  private static MimeMessage singleMail(String to, String number) throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(to, number).isEmpty());
    List<MimeMessage> mails = mailsTo(to, number);
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static List<MimeMessage> mailsTo(String to, String number) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage mail : mailsNaming(number)) {
      if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(to))) {
        found.add(mail);
      }
    }
    return found;
  }

  private static List<MimeMessage> mailsNaming(String number) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage mail : OutboundTestServers.smtp().getReceivedMessages()) {
      if (mail.getSubject() != null && mail.getSubject().contains(number)) {
        found.add(mail);
      }
    }
    return found;
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = text(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
