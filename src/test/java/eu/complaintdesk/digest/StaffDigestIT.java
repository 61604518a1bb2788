package eu.complaintdesk.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.notification.StaffEmail;
import eu.complaintdesk.notification.StaffLinks;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.security.Groups;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.OutboundTestServers;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The morning digest on PostgreSQL with a real SMTP server: one e-mail per staff member listing
 * exactly their tasks and their groups' unclaimed tasks due that day or overdue, once a day,
 * nothing on weekends and holidays, nothing to someone who switched it off. The job never runs by
 * the clock in the tests ({@code complaints.digest.enabled=false}); each test calls it for its own
 * users at the instant it chooses, on days years ahead whose tasks it sets up itself.
 */
class StaffDigestIT extends ApplicationIntegrationTest {

  /** The organisation's zone of the default calendar (LV). */
  static final ZoneId RIGA = ZoneId.of("Europe/Riga");

  /** A Tuesday, a working day. */
  static final LocalDate WORKING_DAY = LocalDate.of(2030, 3, 12);

  @LocalServerPort int port;
  @Autowired DigestJob job;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired StaffEmail email;

  @Test
  void oneDigestListsExactlyTheUsersTasksDueTodayOrOverdueAndASecondRunSendsNothing()
      throws Exception {
    String suffix = suffix();
    String group = "digest-group-" + suffix;
    String user = staffUser("digest-" + suffix, group);
    CaseDriver cases = new CaseDriver(port);
    String assignedNumber = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String groupNumber = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String tomorrowNumber = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String otherGroupNumber = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String claimedNumber = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String assigned = cases.awaitTask(assignedNumber, "UserTask_CheckCompleteness");
    String groupTask = cases.awaitTask(groupNumber, "UserTask_CheckCompleteness");
    String tomorrow = cases.awaitTask(tomorrowNumber, "UserTask_CheckCompleteness");
    String otherGroup = cases.awaitTask(otherGroupNumber, "UserTask_CheckCompleteness");
    String claimed = cases.awaitTask(claimedNumber, "UserTask_CheckCompleteness");
    // overdue, assigned to the user
    tasks.setAssignee(assigned, user);
    tasks.setDueDate(assigned, at(WORKING_DAY.minusDays(1), 10, 0));
    // due today, unclaimed, of the user's group
    tasks.addCandidateGroup(groupTask, group);
    tasks.setDueDate(groupTask, at(WORKING_DAY, 16, 0));
    // due tomorrow, of the user's group: not yet
    tasks.addCandidateGroup(tomorrow, group);
    tasks.setDueDate(tomorrow, at(WORKING_DAY.plusDays(1), 10, 0));
    // due today, of the registrars only: not the user's
    tasks.setDueDate(otherGroup, at(WORKING_DAY, 12, 0));
    // due today, of the user's group, but claimed by a registrar: theirs now
    tasks.addCandidateGroup(claimed, group);
    tasks.setAssignee(claimed, "registrar");
    tasks.setDueDate(claimed, at(WORKING_DAY, 12, 0));

    DigestJob.Result first = job.run(instant(WORKING_DAY, 7, 45), List.of(user));

    assertThat(first).isEqualTo(new DigestJob.Result(1, 0, 0, 0));
    List<MimeMessage> mails = digestsTo(email(user));
    assertThat(mails).hasSize(1);
    MimeMessage mail = mails.get(0);
    assertThat(mail.getSubject()).isEqualTo("2 tasks due today or overdue");
    assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    // no Reply-To naming the complaints inbox: an answer to the digest must not become a complaint
    assertThat(mail.getHeader("Reply-To")).isNull();
    assertThat(mail.getFrom()[0].toString()).isEqualTo(OutboundTestServers.MAIL_FROM);
    Texts texts = texts(mail);
    String link = "http://localhost:8080/camunda/app/tasklist/default/#/?task=";
    assertThat(texts.plain())
        .contains("Assigned to you: 1 task", "Unclaimed tasks of your groups: 1 task")
        .contains(
            assignedNumber
                + " – Check completeness – due 11 March 2030, overdue – "
                + link
                + assigned)
        .contains(groupNumber + " – Check completeness – due 12 March 2030 – " + link + groupTask)
        .doesNotContain(tomorrowNumber, otherGroupNumber, claimedNumber)
        .doesNotContain("Anna", "Ozola", "Radiators", "heating");
    assertThat(texts.html())
        .contains("<a href=\"" + link + assigned + "\">")
        .contains("<li>" + groupNumber)
        .doesNotContain(tomorrowNumber, otherGroupNumber, claimedNumber);
    assertThat(state(user, WORKING_DAY)).isEqualTo("SENT");

    DigestJob.Result second = job.run(instant(WORKING_DAY, 8, 30), List.of(user));
    DigestJob.Result lateNode = job.run(instant(WORKING_DAY, 11, 50), List.of(user));

    assertThat(second).isEqualTo(DigestJob.Result.NONE);
    assertThat(lateNode).isEqualTo(DigestJob.Result.NONE);
    assertThat(digestsTo(email(user))).hasSize(1);

    // a weekend, a public holiday (1 May), before the time and after noon: nothing, no record
    for (Instant quiet :
        List.of(
            instant(LocalDate.of(2030, 3, 16), 8, 0),
            instant(LocalDate.of(2030, 5, 1), 8, 0),
            instant(WORKING_DAY.plusDays(1), 7, 0),
            instant(WORKING_DAY.plusDays(1), 12, 0))) {
      assertThat(job.run(quiet, List.of(user)))
          .as(quiet.toString())
          .isEqualTo(DigestJob.Result.NONE);
    }
    assertThat(digestsTo(email(user))).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from staff_digest where user_id = ?", Integer.class, user))
        .isEqualTo(1);
  }

  @Test
  void aNodeStartedLaterInTheMorningSendsTheDigestNothingDueSendsNothing() throws Exception {
    String suffix = suffix();
    String group = "digest-group-" + suffix;
    String late = staffUser("digest-late-" + suffix, group);
    String idle = staffUser("digest-idle-" + suffix, "digest-idle-group-" + suffix);
    String number = new CaseDriver(port).submit(CaseDriver.HEATING_COMPLAINT);
    String task = new CaseDriver(port).awaitTask(number, "UserTask_CheckCompleteness");
    tasks.addCandidateGroup(task, group);
    LocalDate day = WORKING_DAY.plusDays(1);
    tasks.setDueDate(task, at(day, 9, 0));

    DigestJob.Result result = job.run(instant(day, 10, 15), List.of(late, idle));

    assertThat(result).isEqualTo(new DigestJob.Result(1, 0, 1, 0));
    assertThat(digestsTo(email(late))).hasSize(1);
    assertThat(texts(digestsTo(email(late)).get(0)).plain()).contains(number + " – ");
    assertThat(digestsTo(email(idle))).isEmpty();
    assertThat(state(idle, day)).isEqualTo("NOTHING_DUE");
  }

  @Test
  void aUserWhoSwitchedTheDigestOffGetsNothingAndMaySwitchItOnAgain() throws Exception {
    String suffix = suffix();
    String group = "digest-group-" + suffix;
    String user = staffUser("digest-off-" + suffix, group);
    String number = new CaseDriver(port).submit(CaseDriver.HEATING_COMPLAINT);
    String task = new CaseDriver(port).awaitTask(number, "UserTask_CheckCompleteness");
    tasks.setAssignee(task, user);
    LocalDate day = WORKING_DAY.plusDays(2);
    tasks.setDueDate(task, at(day, 9, 0));
    assertThat(setting(user).json().get("enabled").asBoolean()).isTrue();

    HttpResponse<String> off = put(user, "{\"enabled\": false}");

    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(json.readTree(off.body()).get("enabled").asBoolean()).isFalse();
    assertThat(setting(user).json().get("enabled").asBoolean()).isFalse();
    assertThat(identity.getUserInfo(user, DigestSettings.KEY)).isEqualTo("off");
    assertThat(job.run(instant(day, 7, 30), List.of(user)))
        .isEqualTo(new DigestJob.Result(0, 0, 0, 1));
    assertThat(digestsTo(email(user))).isEmpty();

    HttpResponse<String> on = put(user, "{\"enabled\": true}");

    assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
    assertThat(setting(user).json().get("enabled").asBoolean()).isTrue();
    LocalDate next = day.plusDays(1);
    assertThat(job.run(instant(next, 7, 30), List.of(user)).sent()).isEqualTo(1);
    assertThat(digestsTo(email(user))).hasSize(1);
  }

  @Test
  void badSettingsAreRefusedNamingTheField() throws Exception {
    String user = staffUser("digest-bad-" + suffix(), "digest-bad-group-" + suffix());

    for (String body : List.of("{\"enabled\": \"no\"}", "{}", "not json", "[true]", "")) {
      HttpResponse<String> refused = put(user, body);
      assertThat(refused.statusCode()).as(body).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .as(body)
          .startsWith("application/problem+json");
      assertThat(json.readTree(refused.body()).get("field").asText()).as(body).isEqualTo("enabled");
    }
    HttpResponse<String> unknown = put(user, "{\"enabled\": false, \"user\": \"admin\"}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json.readTree(unknown.body()).get("field").asText()).isEqualTo("user");
    assertThat(setting(user).json().get("enabled").asBoolean()).isTrue();
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/api/staff/me/digest")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void aFailedSendIsTriedAgainLaterThatMorningThenGivenUp() throws Exception {
    String suffix = suffix();
    String group = "digest-group-" + suffix;
    String givenUp = staffUser("digest-fail-" + suffix, group);
    String retried = staffUser("digest-retry-" + suffix, group);
    String number = new CaseDriver(port).submit(CaseDriver.HEATING_COMPLAINT);
    String task = new CaseDriver(port).awaitTask(number, "UserTask_CheckCompleteness");
    tasks.addCandidateGroup(task, group);
    LocalDate day = LocalDate.of(2030, 3, 19);
    tasks.setDueDate(task, at(day, 9, 0));
    List<String> both = List.of(givenUp, retried);

    OutboundTestServers.stopSmtp();
    try {
      assertThat(job.run(instant(day, 7, 30), both)).isEqualTo(new DigestJob.Result(0, 2, 0, 0));
      // not again before RETRY_AFTER
      assertThat(job.run(instant(day, 7, 35), both)).isEqualTo(DigestJob.Result.NONE);
      assertThat(job.run(instant(day, 7, 41), List.of(givenUp)).failed()).isEqualTo(1);
      assertThat(job.run(instant(day, 7, 52), List.of(givenUp)).failed()).isEqualTo(1);
    } finally {
      OutboundTestServers.startSmtp();
    }
    assertThat(state(givenUp, day)).isEqualTo("GIVEN_UP");
    assertThat(state(retried, day)).isEqualTo("FAILED");

    DigestJob.Result later = job.run(instant(day, 8, 3), both);

    assertThat(later).isEqualTo(new DigestJob.Result(1, 0, 0, 0));
    assertThat(digestsTo(email(retried))).hasSize(1);
    assertThat(digestsTo(email(givenUp))).isEmpty();
    assertThat(state(retried, day)).isEqualTo("SENT");
    assertThat(job.run(instant(day, 9, 0), both)).isEqualTo(DigestJob.Result.NONE);
  }

  @Test
  void everyStaffLanguageWritesTheDigestWithCountsThatAgree() {
    DigestTasks.DueTask overdue =
        new DigestTasks.DueTask(
            "t1",
            "UserTask_DraftAnswer",
            "Draft answer",
            "2030-000001",
            instant(WORKING_DAY.minusDays(1), 18, 0));
    DigestTasks.DueTask today =
        new DigestTasks.DueTask(
            "t2", "SomeOtherTask", "Another task", null, instant(WORKING_DAY, 18, 0));
    DigestTasks.Due due = new DigestTasks.Due(List.of(overdue), List.of(today), 1, 3);
    Instant now = instant(WORKING_DAY, 7, 30);

    for (Language language : Language.values()) {
      DigestMail.Text text =
          new DigestMail(email, language, RIGA, StaffLinks.at("https://staff.example/"))
              .render(due, WORKING_DAY, now);
      assertThat(text.subject()).as(language.name()).startsWith("4 ").doesNotContain("{", "#");
      assertThat(text.body())
          .as(language.name())
          .contains(
              "2030-000001 – ", "https://staff.example/camunda/app/tasklist/default/#/?task=t1")
          .contains("— – Another task – ")
          .contains(" 1 ", " 3 ", " 2 ", "https://staff.example/camunda/app/tasklist/default/\n")
          .doesNotContainPattern("\\{[A-Za-z]+}")
          .doesNotContain("plural", "# ")
          .doesNotContain("UserTask_");
    }
    String latvian =
        new DigestMail(email, Language.lv, RIGA, StaffLinks.at("https://staff.example"))
            .render(due, WORKING_DAY, now)
            .body();
    assertThat(latvian)
        .contains("2030-000001 – Sagatavot atbildes projektu – termiņš 11.03.2030., nokavēts")
        .contains("termiņš 12.03.2030. – https://staff.example/");
  }

  // --- helpers --------------------------------------------------------------------------------

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** A staff member (privacy officer: no task ever goes to that group) in a group of their own. */
  private String staffUser(String id, String group) {
    if (identity.createGroupQuery().groupId(group).count() == 0) {
      Group created = identity.newGroup(group);
      created.setName(group);
      created.setType("WORKFLOW");
      identity.saveGroup(created);
    }
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Test");
    user.setEmail(email(id));
    user.setPassword(id);
    identity.saveUser(user);
    identity.createMembership(id, Groups.PRIVACY_OFFICERS);
    identity.createMembership(id, group);
    return id;
  }

  private static String email(String user) {
    return user + "@complaintdesk.example";
  }

  private static Instant instant(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(RIGA).toInstant();
  }

  private static Date at(LocalDate day, int hour, int minute) {
    return Date.from(instant(day, hour, minute));
  }

  private String state(String user, LocalDate day) {
    return jdbc.queryForObject(
        "select state from staff_digest where user_id = ? and digest_date = ?",
        String.class,
        user,
        day);
  }

  /** The digests (Message-ID {@code <digest-…>}) GreenMail received for the address. */
  private static List<MimeMessage> digestsTo(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage mail : OutboundTestServers.smtp().getReceivedMessages()) {
      if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
              .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address))
          && mail.getMessageID() != null
          && mail.getMessageID().startsWith("<digest-")) {
        found.add(mail);
      }
    }
    return found;
  }

  record Texts(String plain, String html) {}

  private static Texts texts(Part mail) throws Exception {
    List<String> plain = new ArrayList<>();
    List<String> html = new ArrayList<>();
    collect(mail, plain, html);
    assertThat(plain).hasSize(1);
    assertThat(html).hasSize(1);
    return new Texts(plain.get(0), html.get(0));
  }

  private static void collect(Part part, List<String> plain, List<String> html) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, plain, html);
      }
    } else if (part.isMimeType("text/plain")) {
      plain.add((String) part.getContent());
    } else if (part.isMimeType("text/html")) {
      html.add((String) part.getContent());
    }
  }

  private EngineRest.Response setting(String user) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(uri("/api/staff/me/digest"))
                    .header("Authorization", EngineRest.basic(user, user))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new EngineRest.Response(response.statusCode(), response.body());
  }

  private HttpResponse<String> put(String user, String body) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri("/api/staff/me/digest"))
                .header("Content-Type", "application/json")
                .header("Authorization", EngineRest.basic(user, user))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
