package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.attachment.AttachmentInfo;
import eu.complaintdesk.attachment.AttachmentService;
import eu.complaintdesk.intake.IntakeService;
import eu.complaintdesk.intake.Submission;
import eu.complaintdesk.notification.AnswerLetters;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseVariables;
import eu.complaintdesk.testing.Multipart;
import eu.complaintdesk.testing.TestFiles;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public pages over HTTP: language, form protection, status access, survey states. */
class WebPagesIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired IntakeService intake;
  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired AnswerDrafts drafts;
  @Autowired JdbcClient jdbc;
  @Autowired AttachmentService attachments;
  @Autowired AnswerLetters letters;
  @Autowired RuntimeService runtime;

  /** A visitor: one browser with its cookies. */
  final HttpClient browser = visitor();

  @Test
  void pageLanguageFollowsAcceptLanguageThenTheOrganisationsLanguage() throws Exception {
    assertThat(htmlLanguage(get("/", "ru-RU,ru;q=0.9,en;q=0.5"))).isEqualTo("ru");
    assertThat(htmlLanguage(get("/", "de-DE, lt;q=0.8, en;q=0.5"))).isEqualTo("lt");
    assertThat(htmlLanguage(get("/", "en-GB"))).isEqualTo("en");
    // None of ours: the organisation's language (its country is LV).
    HttpResponse<String> german = get("/", "de-DE,de;q=0.9");
    assertThat(htmlLanguage(german)).isEqualTo("lv");
    assertThat(german.body()).contains("Pārbaudīt statusu");
  }

  @Test
  void chosenLanguageIsKeptOverAcceptLanguage() throws Exception {
    HttpResponse<String> chosen = get("/?lang=lt", "en");
    assertThat(htmlLanguage(chosen)).isEqualTo("lt");
    assertThat(htmlLanguage(get("/status", "en"))).isEqualTo("lt");
    assertThat(htmlLanguage(get("/status?lang=xx", "en"))).isEqualTo("lt");
  }

  @Test
  void formPostWithoutTheSessionsTokenIsRefusedAndStoresNothing() throws Exception {
    long before = complaints();
    Map<String, String> form = submitForm(get("/submit", "en"));

    form.remove("_csrf");
    HttpResponse<String> missing = post("/submit", form, "en");
    form.put("_csrf", "forged");
    HttpResponse<String> forged = post("/submit", form, "en");

    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("This form is no longer valid");
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void doubleSubmittedFormRegistersOneComplaint() throws Exception {
    Map<String, String> form = submitForm(get("/submit", "en"));

    HttpResponse<String> first = post("/submit", form, "en");
    HttpResponse<String> second = post("/submit", form, "en");
    HttpResponse<String> confirmation = get("/submitted", "en");

    assertThat(first.statusCode()).isEqualTo(302);
    assertThat(second.statusCode()).isEqualTo(302);
    assertThat(first.headers().firstValue("Location"))
        .hasValueSatisfying(l -> l.endsWith("/submitted"));
    String number = value(confirmation.body(), "id=\"registration-number\">([^<]+)<");
    assertThat(
            jdbc.sql("select count(*) from complaint where subject = :s")
                .param("s", form.get("subject"))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(register.findByRegistrationNumber(number)).isPresent();
    // Shown once: a reload leads to the status page, the access code is gone.
    HttpResponse<String> reload = get("/submitted", "en");
    assertThat(reload.statusCode()).isEqualTo(302);
    assertThat(reload.headers().firstValue("Location"))
        .hasValueSatisfying(l -> l.endsWith("/status"));
  }

  @Test
  void controlCharactersInTheFormAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
    long before = complaints();
    Map<String, String> form = submitForm(get("/submit?lang=en", "en"));
    form.put("name", "Anna\u0000 Ozola");
    form.put("description", "Ring\u0007 twice");

    HttpResponse<String> page = post("/submit", form, "en");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("Please remove the control characters from this text.")
        .contains("href=\"#name\"", "href=\"#description\"");
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void invalidSubmissionIsShownAgainInThePageLanguageWithTheEnteredValues() throws Exception {
    long before = complaints();
    Map<String, String> form = submitForm(get("/submit?lang=ru", "en"));
    form.put("name", "Иван Петров");
    form.put("email", "not-an-address");
    form.put("phone", "");
    form.put("preferredContact", "SMS");
    form.put("subject", "");

    HttpResponse<String> page = post("/submit", form, "en");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(htmlLanguage(page)).isEqualTo("ru");
    assertThat(page.body())
        .contains("Пожалуйста, введите адрес электронной почты")
        .contains("Пожалуйста, кратко укажите тему обращения.")
        .contains("Чтобы получить ответ по SMS, пожалуйста, укажите номер телефона.")
        .contains("value=\"Иван Петров\"")
        .contains("value=\"not-an-address\"")
        .contains("href=\"#email\"")
        .contains("aria-invalid=\"true\"");
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void whatTheVisitorSaysTheySendReachesTheSuggestionAndIsKeptWhenTheFormIsRefused()
      throws Exception {
    String page = get("/submit?lang=lv", "en").body();
    assertThat(page)
        .contains("Ko vēlaties iesniegt?")
        .containsPattern("<input type=\"radio\"[^>]*value=\"\"[^>]*checked");
    Map<String, String> form = submitForm(get("/submit?lang=en", "en"));
    form.put("feedbackTypeHint", "PROPOSAL");
    form.put("email", "not-an-address");

    HttpResponse<String> refused = post("/submit", form, "en");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .containsPattern("<input type=\"radio\"[^>]*value=\"PROPOSAL\"[^>]*checked")
        .doesNotContainPattern("<input type=\"radio\"[^>]*value=\"\"[^>]*checked");

    form.put("email", "anna@example.lv");
    assertThat(post("/submit", form, "en").statusCode()).isEqualTo(302);
    String number = value(get("/submitted", "en").body(), "id=\"registration-number\">([^<]+)<");
    // "No heating in the flat since Monday." alone would be suggested as a service complaint
    assertThat(suggestedFeedbackType(number)).isEqualTo("PROPOSAL");
  }

  @Test
  void unknownFeedbackTypeHintFromTheFormIsTakenAsDontKnow() throws Exception {
    Map<String, String> form = submitForm(get("/submit?lang=en", "en"));
    form.put("feedbackTypeHint", "COMPLIMENT");

    assertThat(post("/submit", form, "en").statusCode()).isEqualTo(302);
    String number = value(get("/submitted", "en").body(), "id=\"registration-number\">([^<]+)<");
    assertThat(suggestedFeedbackType(number)).isEqualTo("SERVICE_COMPLAINT");
  }

  @Test
  void wrongAccessCodeGetsTheSameAnswerAsAnUnknownNumber() throws Exception {
    IntakeService.Receipt receipt = submitted();
    get("/status", "en");
    String csrf = value(get("/status", "en").body(), "name=\"_csrf\" value=\"([^\"]+)\"");

    HttpResponse<String> wrongCode =
        post(
            "/status",
            Map.of(
                "_csrf",
                csrf,
                "registrationNumber",
                receipt.registrationNumber(),
                "accessCode",
                receipt.accessCode() + "X"),
            "en");
    HttpResponse<String> unknownNumber =
        post(
            "/status",
            Map.of("_csrf", csrf, "registrationNumber", "1999-999999", "accessCode", "whatever"),
            "en");
    HttpResponse<String> right =
        post(
            "/status",
            Map.of(
                "_csrf", csrf,
                "registrationNumber", receipt.registrationNumber(),
                "accessCode", receipt.accessCode()),
            "en");

    assertThat(wrongCode.statusCode()).isEqualTo(404).isEqualTo(unknownNumber.statusCode());
    String message = "We could not find a case with this registration number and access code.";
    assertThat(wrongCode.body()).contains(message).doesNotContain(receipt.accessCode());
    assertThat(unknownNumber.body()).contains(message);
    assertThat(right.statusCode()).isEqualTo(302);
    assertThat(right.headers().firstValue("Location"))
        .hasValueSatisfying(l -> l.endsWith("/status/case"));
    HttpResponse<String> status = get("/status/case", "en");
    assertThat(status.body())
        .contains(receipt.registrationNumber())
        .contains("Submission received and registered")
        .doesNotContain(receipt.accessCode());
  }

  @Test
  void surveyPageTellsExpiredWith410AndAnsweredAndUnknownKindly() throws Exception {
    long complaintId = submitted().complaintId();
    String expired = surveys.open(complaintId, Instant.now().minus(Duration.ofDays(1)));
    String answered = surveys.open(complaintId, Instant.now().plus(Duration.ofDays(10)));
    surveys.answer(answered, 4, null);

    HttpResponse<String> gone = get("/surveys/" + expired, "en");
    // The case is in English: the survey pages follow the customer's language.
    HttpResponse<String> done = get("/surveys/" + answered, "lv");
    HttpResponse<String> unknown = get("/surveys/no-such-survey", "en");

    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.body()).contains("This survey has closed");
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.body()).contains("Rating already received");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("Survey not found");
  }

  @Test
  void surveyPageSpeaksTheCustomersLanguageUnlessTheyChoseAnother() throws Exception {
    IntakeService.Receipt receipt = submitted(Language.ru);
    String token = surveys.open(receipt.complaintId(), Instant.now().plus(Duration.ofDays(10)));

    HttpResponse<String> customers = get("/surveys/" + token, "lv-LV,lv;q=0.9");
    HttpResponse<String> chosen = get("/surveys/" + token + "?lang=lt", "lv-LV,lv;q=0.9");

    assertThat(htmlLanguage(customers)).isEqualTo("ru");
    assertThat(customers.body()).contains("Как мы справились?");
    assertThat(htmlLanguage(chosen)).isEqualTo("lt");
    assertThat(chosen.body()).contains("Kaip mums sekėsi?");
  }

  @Test
  void surveyWithoutAScoreIsShownAgainWithTheError() throws Exception {
    String token = surveys.open(submitted().complaintId(), Instant.now().plus(Duration.ofDays(10)));
    String csrf = value(get("/surveys/" + token, "en").body(), "name=\"_csrf\" value=\"([^\"]+)\"");

    HttpResponse<String> page =
        post("/surveys/" + token, Map.of("_csrf", csrf, "comment", "Quick and kind"), "en");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("Please choose a rating from 1 to 5.")
        .contains("Quick and kind");
    assertThat(surveys.find(token).orElseThrow().answeredAt()).isNull();
  }

  @Test
  void submissionWithFilesKeepsThemAndADisguisedFileIsRefusedInThePageLanguage() throws Exception {
    Map<String, String> form = submitForm(get("/submit?lang=lv", "en"));
    long before = complaints();

    Multipart disguised = multipart(form);
    disguised.file("attachments", "rekins.pdf", "application/pdf", TestFiles.exe());
    HttpResponse<String> refused = postMultipart("/submit", disguised);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains(
            "Failu “rekins.pdf” nevaram pieņemt: var pievienot tikai PDF, JPEG vai PNG failus.")
        .contains("href=\"#attachments\"")
        .contains("Lūdzu, pievienojiet failus vēlreiz")
        .contains("value=\"" + form.get("subject") + "\"");
    assertThat(complaints()).isEqualTo(before);

    Multipart good = multipart(form);
    good.file("attachments", "rekins.pdf", "application/pdf", TestFiles.pdf());
    good.file("attachments", "skaititajs.png", "image/png", TestFiles.png());
    good.file("attachments", "", "application/octet-stream", new byte[0]);
    HttpResponse<String> accepted = postMultipart("/submit", good);

    assertThat(accepted.statusCode()).isEqualTo(302);
    String number = value(get("/submitted", "en").body(), "id=\"registration-number\">([^<]+)<");
    long id = register.findByRegistrationNumber(number).orElseThrow().id();
    assertThat(attachments.list(id))
        .extracting(AttachmentInfo::fileName)
        .containsExactly("rekins.pdf", "skaititajs.png");
  }

  @Test
  void uploadAboveTheLimitsGetsAFriendlyPageAndStoresNothing() throws Exception {
    Map<String, String> form = submitForm(get("/submit?lang=en", "en"));
    long before = complaints();
    Multipart tooLarge = multipart(form);
    tooLarge.file(
        "attachments", "scan.pdf", "application/pdf", TestFiles.pdfOfSize(11 * 1024 * 1024));

    HttpResponse<String> page = postMultipart("/submit", tooLarge);

    assertThat(page.statusCode()).isEqualTo(413);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> t.startsWith("text/html"));
    assertThat(page.body()).contains("The attached files are too large.");
    assertThat(complaints()).isEqualTo(before);
  }

  @Test
  void everyFieldOfTheSubmissionFormHasItsLabel() throws Exception {
    String page = get("/submit", "lv").body();
    Matcher fields =
        Pattern.compile("<(?:input|select|textarea)(?![^>]*type=\"hidden\")[^>]*\\bid=\"([^\"]+)\"")
            .matcher(page);
    int count = 0;
    while (fields.find()) {
      assertThat(page)
          .as("label of %s", fields.group(1))
          .contains("for=\"" + fields.group(1) + "\"");
      count++;
    }
    assertThat(count).isGreaterThanOrEqualTo(13);
    assertThat(page).doesNotContain("aria-describedby=\"\"").contains("<fieldset");
    HttpResponse<String> response = get("/submit", "lv");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValue(WebConfiguration.CONTENT_SECURITY_POLICY);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void unknownPageIsAFriendlyPageInTheVisitorsLanguage() throws Exception {
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(uri("/no-such-page"))
                .header("Accept", "text/html")
                .header("Accept-Language", "lt")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body())
        .contains("Puslapis nerastas", "Tokio puslapio nėra arba jis jums nebepasiekiamas.")
        .doesNotContain("Atsiprašome, įvyko klaida");
  }

  @Test
  void customerDownloadsTheAnswerLetterOfTheirCaseAndNoOtherFromTheStatusPage() throws Exception {
    IntakeService.Receipt receipt = submitted();
    long letterId = answerLetter(receipt);
    long otherLetterId = answerLetter(submitted());
    signIn(receipt);

    HttpResponse<String> status = get("/status/case", "en");
    HttpResponse<byte[]> letter =
        browser.send(
            HttpRequest.newBuilder(uri("/status/letters/" + letterId)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> otherCasesLetter = page("/status/letters/" + otherLetterId);
    HttpResponse<String> stranger =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/status/letters/" + letterId))
                    .header("Accept", "text/html")
                    .header("Accept-Language", "en")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(status.body())
        .contains("Our answer letter is ready", "href=\"/status/letters/" + letterId + "\"")
        .doesNotContain("ANSWER_LETTER", "/status/letters/" + otherLetterId + "\"");
    assertThat(letter.statusCode()).isEqualTo(200);
    assertThat(letter.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(letter.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    for (HttpResponse<String> refused : List.of(otherCasesLetter, stranger)) {
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(refused.body()).contains("Page not found").doesNotContain("%PDF");
    }
  }

  @Test
  void malformedPageAddressGetsTheFriendlyPageNeverJson() throws Exception {
    signIn(submitted());

    HttpResponse<String> malformed = page("/status/letters/not-a-number");

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(malformed.body())
        .contains("Sorry, something went wrong", "We could not process this request.")
        .doesNotContain("\"detail\"", "problem+json");
  }

  // --- helpers ----------------------------------------------------------------------------

  private long answerLetter(IntakeService.Receipt receipt) {
    long id = register.findByRegistrationNumber(receipt.registrationNumber()).orElseThrow().id();
    long draft = drafts.save(id, "Radiators repaired.", "UPHELD", null, "handler");
    drafts.review(draft, true, "supervisor", null);
    register.recordAnswer(id, "UPHELD", "Radiators repaired.", Instant.now());
    return letters.create(id, null, null, "web-pages-test");
  }

  private void signIn(IntakeService.Receipt receipt) throws Exception {
    String csrf = value(get("/status", "en").body(), "name=\"_csrf\" value=\"([^\"]+)\"");
    HttpResponse<String> opened =
        post(
            "/status",
            Map.of(
                "_csrf", csrf,
                "registrationNumber", receipt.registrationNumber(),
                "accessCode", receipt.accessCode()),
            "en");
    assertThat(opened.statusCode()).isEqualTo(302);
  }

  /** A page as a browser asks for it. */
  private HttpResponse<String> page(String path) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .header("Accept-Language", "en")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private IntakeService.Receipt submitted() {
    return submitted(Language.en);
  }

  private IntakeService.Receipt submitted(Language language) {
    return intake.submit(
        new Submission(
            language,
            new Submission.Customer("Anna Ozola", "anna@example.lv", null, null, null),
            PreferredContact.EMAIL,
            "Radiators are cold",
            "No heating since Monday.",
            null,
            null,
            null,
            null,
            null),
        Channel.API,
        Instant.now(),
        null,
        null);
  }

  private long complaints() {
    return jdbc.sql("select count(*) from complaint").query(Long.class).single();
  }

  /** The submission form's hidden fields plus a valid complaint. */
  private static Map<String, String> submitForm(HttpResponse<String> page) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", value(page.body(), "name=\"_csrf\" value=\"([^\"]+)\""));
    form.put("token", value(page.body(), "name=\"token\" value=\"([^\"]+)\""));
    form.put("name", "Anna Ozola");
    form.put("email", "anna@example.lv");
    form.put("preferredContact", "EMAIL");
    form.put("language", "en");
    form.put("subject", "Cold radiators " + System.nanoTime());
    form.put("description", "No heating in the flat since Monday.");
    return form;
  }

  private static Multipart multipart(Map<String, String> form) {
    Multipart multipart = new Multipart();
    form.forEach(multipart::text);
    return multipart;
  }

  private HttpResponse<String> postMultipart(String path, Multipart multipart) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri(path))
            .header("Accept-Language", "en")
            .header("Content-Type", multipart.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String value(String html, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(html);
    assertThat(matcher.find()).as("%s in the page", regex).isTrue();
    return matcher.group(1);
  }

  private static String htmlLanguage(HttpResponse<String> page) {
    return value(page.body(), "<html[^>]* lang=\"([a-z]+)\"");
  }

  private HttpResponse<String> get(String path, String acceptLanguage) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(uri(path)).header("Accept-Language", acceptLanguage).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, Map<String, String> form, String acceptLanguage)
      throws Exception {
    return post(browser, path, form, acceptLanguage, null);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** What the decision suggested to the registrar, once the case has got that far. */
  private String suggestedFeedbackType(String number) {
    return (String)
        CaseVariables.onceSuggested(runtime, number)
            .get(ComplaintVariables.SUGGESTED_FEEDBACK_TYPE);
  }

  // --- Accessibility (issue 14) -------------------------------------------------------------

  @Test
  void submissionSentAfterTheSessionEndedComesBackFilledWithANewTokenAndIsAcceptedOnlyThen()
      throws Exception {
    Map<String, String> form = submitForm(get("/submit", "en"));
    form.put("address", "Brīvības iela 1, Rīga");
    form.put("categoryHint", "METERING");
    // another visitor's browser, whose session has ended: no session cookie
    HttpClient expired = visitor();

    HttpResponse<String> again = post(expired, "/submit", form);

    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body())
        .contains("This form is no longer valid", "We have kept what you typed")
        .contains("Attached files cannot be kept")
        .contains("value=\"" + form.get("subject") + "\"")
        .contains(">No heating in the flat since Monday.</textarea>")
        .contains(">Brīvības iela 1, Rīga</textarea>", "autocomplete=\"street-address\"")
        .containsPattern("<option value=\"METERING\" selected=\"selected\"");
    assertThat(subjectCount(form.get("subject"))).isZero();
    String newToken = value(again.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
    assertThat(newToken).isNotEqualTo(form.get("_csrf"));
    assertThat(value(again.body(), "name=\"token\" value=\"([^\"]+)\""))
        .isEqualTo(form.get("token"));

    form.put("_csrf", newToken);
    HttpResponse<String> sent = post(expired, "/submit", form);

    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(subjectCount(form.get("subject"))).isEqualTo(1);
  }

  @Test
  void ratingSentAfterTheSessionEndedComesBackWithTheScoreAndCommentAndIsNotRecorded()
      throws Exception {
    String token = surveys.open(submitted().complaintId(), Instant.now().plus(Duration.ofDays(10)));

    HttpResponse<String> again =
        post(
            visitor(),
            "/surveys/" + token,
            Map.of("_csrf", "from-an-ended-session", "score", "4", "comment", "Quick and kind"));

    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body())
        .contains("This form is no longer valid", ">Quick and kind</textarea>")
        .containsPattern("id=\"score-4\" value=\"4\" checked=\"checked\"");
    assertThat(surveys.find(token).orElseThrow().answeredAt()).isNull();
  }

  @Test
  void statusFormsSentAfterTheSessionEndedKeepTheNumberAndShowTheMessageToCopy() throws Exception {
    IntakeService.Receipt receipt = submitted();

    HttpResponse<String> signIn =
        post(
            visitor(),
            "/status",
            Map.of(
                "registrationNumber", receipt.registrationNumber(),
                "accessCode", receipt.accessCode()));
    HttpResponse<String> message =
        post(visitor(), "/status/information", Map.of("message", "Meter reading: 12345"));

    assertThat(signIn.statusCode()).isEqualTo(403);
    assertThat(signIn.body())
        .contains("Please enter your access code again")
        .contains("value=\"" + receipt.registrationNumber() + "\"")
        .doesNotContain(receipt.accessCode());
    assertThat(message.statusCode()).isEqualTo(403);
    assertThat(message.body())
        .contains("Please copy it", ">Meter reading: 12345</textarea>", "href=\"/status\"");
    assertThat(register.timeline(receipt.complaintId()))
        .noneMatch(e -> "CUSTOMER_MESSAGE".equals(e.type()));
  }

  @Test
  void unknownAddressGetsTheLayoutInTheChosenLanguageWithoutASession() throws Exception {
    HttpClient stranger = visitor();
    HttpResponse<String> page =
        stranger.send(
            HttpRequest.newBuilder(uri("/no-such-page?lang=ru"))
                .header("Accept", "text/html")
                .header("Accept-Language", "en")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(htmlLanguage(page)).isEqualTo("ru");
    assertThat(page.body())
        .contains("Страница не найдена", "class=\"skip-link\" href=\"#main\"")
        .contains("href=\"/no-such-page?lang=lv\"", "href=\"/accessibility\"")
        .contains("<main id=\"main\"");
    assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION"));
  }

  @Test
  void accessibilityStatementInEveryLanguage() throws Exception {
    Map<String, String> headings =
        Map.of(
            "lv", "Piekļūstamības paziņojums",
            "ru", "Заявление о доступности",
            "lt", "Pareiškimas dėl prieinamumo",
            "en", "Accessibility statement");
    for (Map.Entry<String, String> language : headings.entrySet()) {
      HttpResponse<String> page = get("/accessibility?lang=" + language.getKey(), "en");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(htmlLanguage(page)).isEqualTo(language.getKey());
      assertThat(page.body())
          .contains("<h1>" + language.getValue() + "</h1>")
          .contains("WCAG", "EN 301 549", "axe-core", "href=\"/submit?category=E_SERVICES\"")
          .contains("www.tiesibsargs.lv")
          .doesNotContain("??");
    }
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefusedWithoutShowingItsValues() throws Exception {
    Map<String, String> form = submitForm(get("/submit", "en"));
    form.put("email", "attacker@example.com");
    IntakeService.Receipt receipt = submitted();

    for (String fetchSite : new String[] {"cross-site", "none"}) {
      HttpResponse<String> submission = post(visitor(), "/submit", form, fetchSite);
      HttpResponse<String> message =
          post(visitor(), "/status/information", Map.of("message", "Forged text"), fetchSite);
      HttpResponse<String> signIn =
          post(
              visitor(),
              "/status",
              Map.of("registrationNumber", receipt.registrationNumber()),
              fetchSite);

      for (HttpResponse<String> refused : List.of(submission, message, signIn)) {
        assertThat(refused.statusCode()).as(fetchSite).isEqualTo(403);
        assertThat(refused.body())
            .as(fetchSite)
            .contains("This form is no longer valid")
            .doesNotContain(
                "attacker@example.com",
                form.get("subject"),
                form.get("token"),
                "Forged text",
                receipt.registrationNumber());
      }
    }
    assertThat(subjectCount(form.get("subject"))).isZero();
  }

  /**
   * Issue 14: the request for missing information by SMS carries no list ("what we need: {link}"),
   * so the status page shows what we asked for while the case waits for it.
   */
  @Test
  void statusPageShowsWhatWeAskedForOnlyWhileWeWaitForIt() throws Exception {
    IntakeService.Receipt receipt = submitted(Language.lv);
    long id = register.findByRegistrationNumber(receipt.registrationNumber()).orElseThrow().id();
    register.recordMissingInformation(
        id, "Skaitītāja rādījuma foto\n\n  <b>Rēķina kopija</b> par oktobri  ");
    signIn(receipt);

    assertThat(get("/status/case", "lv").body())
        .doesNotContain("requested-information", "Skaitītāja rādījuma foto");

    register.changeStatus(id, ComplaintStatus.AWAITING_INFORMATION, "system", "test");
    String page = get("/status/case", "lv").body();

    assertThat(page)
        .contains(
            "id=\"requested-information\"",
            "Ko lūdzām iesniegt",
            "<p>Skaitītāja rādījuma foto</p>",
            "<p>&lt;b&gt;Rēķina kopija&lt;/b&gt; par oktobri</p>")
        .doesNotContain("<b>Rēķina", "<p></p>");
    assertThat(get("/status/case", "ru").body()).contains("Какие сведения мы просили");
  }

  private HttpClient visitor() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A post from a page of this site, as a browser says it (Sec-Fetch-Site). */
  private HttpResponse<String> post(HttpClient client, String path, Map<String, String> form)
      throws Exception {
    return post(client, path, form, "en", "same-origin");
  }

  private HttpResponse<String> post(
      HttpClient client, String path, Map<String, String> form, String fetchSite) throws Exception {
    return post(client, path, form, "en", fetchSite);
  }

  /** A form post; {@code fetchSite} as a browser says where it comes from, null: not said. */
  private HttpResponse<String> post(
      HttpClient client,
      String path,
      Map<String, String> form,
      String acceptLanguage,
      String fetchSite)
      throws Exception {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Accept-Language", acceptLanguage)
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (fetchSite != null) {
      request.header("Sec-Fetch-Site", fetchSite);
    }
    return client.send(
        request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private long subjectCount(String subject) {
    return jdbc.sql("select count(*) from complaint where subject = :s")
        .param("s", subject)
        .query(Long.class)
        .single();
  }
}
