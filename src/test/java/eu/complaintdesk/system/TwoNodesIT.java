package eu.complaintdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes of the packaged application (two JVMs from the fat jar that {@code package} built) on
 * one PostgreSQL, with the job executor on both, as behind a load balancer: they start at once,
 * share sessions, carry 500 complaints to their deadline timers, and one of them is killed with
 * complaints in flight. Real JVMs rather than two Spring contexts in one: the engine's clock and
 * its process engine registry are JVM-wide, and only a real process can be killed mid-job.
 *
 * <p>The nodes take a job lock of 20 s (shipped: 2 min), so that the survivor takes over the dead
 * node's jobs within the test, and poll for jobs at least every second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Path.of("target", "two-nodes");
  private static final String CHECK_COMPLETENESS = "UserTask_CheckCompleteness";
  private static final String CASE_DEADLINE_REACHED = "StartEvent_CaseDeadlineReached";
  private static final Duration NODE_START = Duration.ofMinutes(4);
  private static final Duration WORK_DONE = Duration.ofMinutes(4);

  private static EmbeddedPostgres postgres;
  private static JdbcTemplate db;
  private static GreenMail smtp;
  private static Node nodeA;
  private static Node nodeB;

  @BeforeAll
  static void startTwoNodesAtOnce() throws IOException {
    Files.createDirectories(WORK);
    Path jar = packagedJar();
    postgres = EmbeddedPostgres.builder().start();
    db = new JdbcTemplate(postgres.getPostgresDatabase());
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    List<String> shared =
        List.of(
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--complaints.demo-users=true",
            // the limits helper's per-client limit: 600 submissions come from one address
            "--complaints.limits.submissions-per-hour=100000",
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort,
            "--camunda.bpm.job-execution.lock-time-in-millis=20000",
            "--camunda.bpm.job-execution.wait-time-in-millis=250",
            "--camunda.bpm.job-execution.max-wait=1000",
            "--spring.main.banner-mode=off");
    nodeA = Node.start("node-a", jar, shared);
    nodeB = Node.start("node-b", jar, shared);
    nodeA.awaitUp();
    nodeB.awaitUp();
  }

  @AfterAll
  static void stopEverything() throws IOException {
    try {
      Stream.of(nodeA, nodeB).filter(node -> node != null).forEach(Node::kill);
    } finally {
      if (smtp != null) {
        smtp.stop();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  @Test
  @Order(1)
  void twoNodesStartingAtOnceDeployEachDefinitionOnce() {
    assertThat(db.queryForObject("select count(*) from act_re_deployment", Integer.class))
        .isEqualTo(1);
    assertOncePerKey("act_re_procdef", resources("bpmn", ".bpmn"));
    assertOncePerKey("act_re_decision_def", resources("dmn", ".dmn"));
    assertOncePerKey("act_re_camformdef", resources("forms", ".form"));
    // both ran the start-up runners: every demo user once, in its groups once
    assertThat(db.queryForObject("select count(*) from act_id_user", Integer.class)).isEqualTo(8);
    assertThat(
            db.queryForList(
                "select user_id_, group_id_ from act_id_membership"
                    + " group by user_id_, group_id_ having count(*) > 1"))
        .isEmpty();
  }

  @Test
  @Order(2)
  void aTasklistSignInOnOneNodeIsValidOnTheOther() throws Exception {
    Browser browser = new Browser();
    browser.get(nodeA, "/camunda/app/tasklist/default/");
    HttpResponse<String> login =
        browser.send(
            nodeA,
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "POST",
            "application/x-www-form-urlencoded",
            "username=registrar&password=registrar",
            true);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String sessionCookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(header -> header.startsWith("SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    assertThat(browser.cookieNames()).doesNotContain("JSESSIONID");

    // node B knows the user signed in on node A
    HttpResponse<String> user = browser.get(nodeB, "/camunda/api/admin/auth/user/default");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
    assertThat(JSON.readTree(user.body()).get("userId").asText()).isEqualTo("registrar");
    // a changing webapp request with the session's XSRF token, on either node
    for (Node node : List.of(nodeB, nodeA)) {
      HttpResponse<String> count =
          browser.send(
              node,
              "/camunda/api/engine/engine/default/task/count",
              "POST",
              "application/json",
              "{}",
              true);
      assertThat(count.statusCode()).as(node.name + ": " + count.body()).isEqualTo(200);
    }
    // the staff pages read the same sign-in (StaffSignIn)
    assertThat(browser.get(nodeB, "/staff/post").statusCode()).isEqualTo(200);
    assertThat(new Browser().get(nodeB, "/staff/post").statusCode()).isEqualTo(401);

    // a webapp request without the token ends the session (Camunda's CSRF filter): on both nodes
    HttpResponse<String> withoutToken =
        browser.send(
            nodeB,
            "/camunda/api/engine/engine/default/task/count",
            "POST",
            "application/json",
            "{}",
            false);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(browser.get(nodeA, "/staff/post").statusCode()).isEqualTo(401);
  }

  @Test
  @Order(3)
  void aCustomerSubmitsOnOneNodeAndOpensTheCaseOnTheOther() throws Exception {
    Browser browser = new Browser();
    HttpResponse<String> form = browser.get(nodeA, "/submit?lang=en");
    assertThat(form.headers().allValues("Set-Cookie"))
        .anySatisfy(header -> assertThat(header).startsWith("SESSION=").contains("SameSite=Lax"));
    String csrf = hidden(form.body(), "_csrf");
    HttpResponse<String> submitted =
        browser.send(
            nodeB,
            "/submit",
            "POST",
            "application/x-www-form-urlencoded",
            formBody(
                Map.of(
                    "_csrf", csrf,
                    "token", hidden(form.body(), "token"),
                    "language", "en",
                    "name", "Anna Ozola",
                    "email", "page@session.example",
                    "preferredContact", "EMAIL",
                    "subject", "Radiators are cold",
                    "description", "No heating in the flat since Monday.")),
            false);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
    assertThat(submitted.headers().firstValue("Location").orElseThrow()).endsWith("/submitted");

    // the confirmation (a flash attribute in the session) shows on the other node
    HttpResponse<String> confirmation = browser.get(nodeA, "/submitted");
    assertThat(confirmation.statusCode()).isEqualTo(200);
    String number = element(confirmation.body(), "registration-number");
    String accessCode = element(confirmation.body(), "access-code");

    HttpResponse<String> opened =
        browser.send(
            nodeB,
            "/status",
            "POST",
            "application/x-www-form-urlencoded",
            formBody(Map.of("registrationNumber", number, "accessCode", accessCode, "_csrf", csrf)),
            false);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
    assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/status/case");
    HttpResponse<String> caseView = browser.get(nodeA, "/status/case");
    assertThat(caseView.statusCode()).isEqualTo(200);
    assertThat(caseView.body()).contains(number);
  }

  private static String hidden(String html, String name) {
    Matcher value = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
    assertThat(value.find()).as("form field " + name).isTrue();
    return value.group(1);
  }

  private static String element(String html, String id) {
    Matcher text = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(html);
    assertThat(text.find()).as("element " + id).isTrue();
    return text.group(1).strip();
  }

  private static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            field ->
                field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Test
  @Order(4)
  void fiveHundredComplaintsReachTheirDeadlineTimersAndEveryTimerFiresOnce() throws Exception {
    String domain = "timers.example";
    List<Receipt> receipts = submitMany(500, domain);
    assertThat(receipts).extracting(Receipt::number).doesNotHaveDuplicates();
    await("500 complaints at their first task")
        .atMost(WORK_DONE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> atFirstTask(domain) == 500);
    assertThat(mailsTo(domain))
        .hasSize(500)
        .allSatisfy((to, mails) -> assertThat(mails).hasSize(1));

    // Their case deadlines are reached: due in the register and on the timer, now.
    List<String> timers =
        db.queryForList(
            "select j.id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ join"
                + " complaint c on c.process_instance_id = j.process_instance_id_ where"
                + " c.customer_email like ? and d.act_id_ = ?",
            String.class,
            "%@" + domain,
            CASE_DEADLINE_REACHED);
    assertThat(timers).hasSize(500);
    bringCaseDeadlinesForward(domain);

    await("every case escalated to the managers")
        .atMost(WORK_DONE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> jobsOf(domain) == 0 && timelineEntries(domain, "CASE_OVERDUE") == 500);

    // every timer fired once, on both nodes, and nothing failed
    Map<String, Integer> successes = new HashMap<>();
    Set<String> hosts = new HashSet<>();
    db.query(
        "select job_id_, hostname_, job_state_ from act_hi_job_log where act_id_ = ? and"
            + " job_state_ in (1, 2) and process_instance_id_ in (select process_instance_id"
            + " from complaint where customer_email like ?)",
        row -> {
          assertThat(row.getInt("job_state_")).as("failed timer job").isEqualTo(2);
          successes.merge(row.getString("job_id_"), 1, Integer::sum);
          hosts.add(row.getString("hostname_"));
        },
        CASE_DEADLINE_REACHED,
        "%@" + domain);
    assertThat(successes).containsOnlyKeys(timers).allSatisfy((id, n) -> assertThat(n).isOne());
    assertThat(hosts).containsExactlyInAnyOrder("node-a", "node-b");

    // no message twice: one record per complaint and kind, each handed over once
    assertThat(
            db.queryForList(
                "select m.complaint_id, m.kind from outbound_message m join complaint c on c.id ="
                    + " m.complaint_id where c.customer_email like ? group by m.complaint_id,"
                    + " m.kind having count(*) > 1",
                "%@" + domain))
        .isEmpty();
    assertThat(
            db.queryForList(
                "select m.kind, m.delivery_state, m.attempts, count(*) as messages from"
                    + " outbound_message m join complaint c on c.id = m.complaint_id where"
                    + " c.customer_email like ? group by m.kind, m.delivery_state, m.attempts"
                    + " order by m.kind",
                "%@" + domain))
        .containsExactly(
            Map.of(
                "kind",
                "ACKNOWLEDGEMENT",
                "delivery_state",
                "SENT",
                "attempts",
                1,
                "messages",
                500L),
            Map.of(
                "kind", "CASE_OVERDUE", "delivery_state", "SENT", "attempts", 1, "messages", 500L));
    assertThat(mailsTo(domain))
        .hasSize(500)
        .allSatisfy((to, mails) -> assertThat(mails).hasSize(1));
    assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
    // no complaint lost: each is registered once and still waits at its first task
    assertThat(atFirstTask(domain)).isEqualTo(500);
    assertThat(timelineEntries(domain, "REGISTERED")).isEqualTo(500);
  }

  @Test
  @Order(5)
  void whenANodeIsKilledTheOtherFinishesItsComplaints() throws Exception {
    String domain = "killed.example";
    List<Receipt> receipts = submitMany(100, domain);
    await("100 complaints at their first task, acknowledged")
        .atMost(WORK_DONE)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> atFirstTask(domain) == 100 && sent(domain, "ACKNOWLEDGEMENT") == 100);
    assertThat(mailsTo(domain).keySet())
        .containsExactlyInAnyOrderElementsOf(
            receipts.stream().map(Receipt::email).collect(Collectors.toSet()));

    // A burst of work that starts when the test says so: every case deadline at once, each timer
    // escalating its case and sending a message. Node B dies as soon as it has fired one timer.
    bringCaseDeadlinesForward(domain);
    await("node B at work on them")
        .atMost(WORK_DONE)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> timersFiredBy("node-b", domain) >= 1);
    nodeB.kill();
    int escalatedAtTheKill = timelineEntries(domain, "CASE_OVERDUE");
    assertThat(escalatedAtTheKill).as("cases escalated when node B died").isLessThan(100);

    // node A takes over, the jobs node B held too once their lock has run out
    await("node A finished what node B left")
        .atMost(WORK_DONE)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> timelineEntries(domain, "CASE_OVERDUE") == 100 && jobsOf(domain) == 0);
    assertThat(timersFiredBy("node-a", domain)).isPositive();
    assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).isZero();
    // each timer fired once: a job node B had not committed ran again on node A, once
    assertThat(
            db.queryForList(
                "select job_id_ from act_hi_job_log where act_id_ = ? and job_state_ = 2 and"
                    + " process_instance_id_ in (select process_instance_id from complaint where"
                    + " customer_email like ?) group by job_id_ having count(*) > 1",
                String.class,
                CASE_DEADLINE_REACHED,
                "%@" + domain))
        .isEmpty();
    // one message record per case and kind, every one handed over (a node killed between the
    // SMTP server's "accepted" and its record of SENT makes the survivor hand the same message
    // over again, with the same Message-ID: docs/adr/0007)
    assertThat(
            db.queryForList(
                "select m.complaint_id, m.kind from outbound_message m join complaint c on c.id ="
                    + " m.complaint_id where c.customer_email like ? group by m.complaint_id,"
                    + " m.kind having count(*) > 1",
                "%@" + domain))
        .isEmpty();
    assertThat(sent(domain, "CASE_OVERDUE")).isEqualTo(100);
    assertThat(atFirstTask(domain)).isEqualTo(100);
    assertThat(timelineEntries(domain, "REGISTERED")).isEqualTo(100);
    mailsTo(domain)
        .forEach(
            (to, received) ->
                assertThat(received.stream().map(TwoNodesIT::messageId).distinct()).hasSize(1));
  }

  /** The complaints' case deadlines are reached: due in the register and on the timer, now. */
  private static void bringCaseDeadlinesForward(String domain) {
    db.update(
        "update complaint set response_due_at = ? where customer_email like ?",
        new Timestamp(System.currentTimeMillis() - 60_000),
        "%@" + domain);
    db.update(
        "update act_ru_job set duedate_ = ? where id_ in (select j.id_ from act_ru_job j join"
            + " act_ru_jobdef d on d.id_ = j.job_def_id_ join complaint c on"
            + " c.process_instance_id = j.process_instance_id_ where c.customer_email like ? and"
            + " d.act_id_ = ?)",
        new Timestamp(System.currentTimeMillis() - 1_000),
        "%@" + domain,
        CASE_DEADLINE_REACHED);
  }

  private static int timersFiredBy(String host, String domain) {
    return db.queryForObject(
        "select count(*) from act_hi_job_log l join complaint c on c.process_instance_id ="
            + " l.process_instance_id_ where c.customer_email like ? and l.hostname_ = ? and"
            + " l.job_state_ = 2 and l.act_id_ = ?",
        Integer.class,
        "%@" + domain,
        host,
        CASE_DEADLINE_REACHED);
  }

  /** Complaints of the domain whose message of this kind was handed over. */
  private static int sent(String domain, String kind) {
    return db.queryForObject(
        "select count(distinct m.complaint_id) from outbound_message m join complaint c on c.id ="
            + " m.complaint_id where c.customer_email like ? and m.kind = ? and"
            + " m.delivery_state = 'SENT'",
        Integer.class,
        "%@" + domain,
        kind);
  }

  // --- the complaints ----------------------------------------------------------------------

  private record Receipt(String number, String accessCode, String email) {}

  private static List<Receipt> submitMany(int count, String domain) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Receipt>> submitted = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Node node = i % 2 == 0 ? nodeA : nodeB;
        String email = "customer" + i + "@" + domain;
        submitted.add(clients.submit(() -> submit(node, email)));
      }
      List<Receipt> receipts = new ArrayList<>();
      for (Future<Receipt> receipt : submitted) {
        receipts.add(receipt.get(2, TimeUnit.MINUTES));
      }
      return receipts;
    } finally {
      clients.shutdownNow();
    }
  }

  private static Receipt submit(Node node, String email) throws Exception {
    String body =
        """
        {"language":"en",
         "customer":{"name":"Anna Ozola","email":"%s"},
         "preferredContact":"EMAIL",
         "subject":"Radiators are cold",
         "description":"No heating in the flat since Monday.",
         "categoryHint":"HEATING_QUALITY"}
        """
            .formatted(email);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(node.uri("/api/complaints"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode receipt = JSON.readTree(response.body());
    return new Receipt(
        receipt.get("registrationNumber").asText(), receipt.get("accessCode").asText(), email);
  }

  private static int atFirstTask(String domain) {
    return db.queryForObject(
        "select count(*) from act_ru_task t join complaint c on c.process_instance_id ="
            + " t.proc_inst_id_ where c.customer_email like ? and t.task_def_key_ = ?",
        Integer.class,
        "%@" + domain,
        CHECK_COMPLETENESS);
  }

  private static int jobsOf(String domain) {
    return db.queryForObject(
        "select count(*) from act_ru_job j join complaint c on c.process_instance_id ="
            + " j.process_instance_id_ where c.customer_email like ?",
        Integer.class,
        "%@" + domain);
  }

  private static int timelineEntries(String domain, String event) {
    return db.queryForObject(
        "select count(*) from complaint_event e join complaint c on c.id = e.complaint_id where"
            + " c.customer_email like ? and e.event_type = ?",
        Integer.class,
        "%@" + domain,
        event);
  }

  /** The e-mails the SMTP server received for addresses of the domain, by recipient. */
  private static Map<String, List<MimeMessage>> mailsTo(String domain) throws MessagingException {
    Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
      if (to.endsWith("@" + domain)) {
        byRecipient.computeIfAbsent(to, key -> new ArrayList<>()).add(message);
      }
    }
    return byRecipient;
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every definition in one version only, and at least one per model file. */
  private static void assertOncePerKey(String table, int files) {
    List<Map<String, Object>> keys =
        db.queryForList("select key_, count(*) as versions from " + table + " group by key_");
    assertThat(keys).as(table).hasSizeGreaterThanOrEqualTo(files);
    assertThat(keys).as(table).allSatisfy(key -> assertThat(key.get("versions")).isEqualTo(1L));
  }

  /** How many definitions the project's folder holds (one definition per file). */
  private static int resources(String folder, String extension) {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return (int) files.filter(file -> file.toString().endsWith(extension)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- the nodes ---------------------------------------------------------------------------

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(file -> file.getFileName().toString().matches("complaint-desk-.*\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "No target/complaint-desk-*.jar: run the integration tests with mvn verify,"
                          + " which packages the application first"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One application JVM; its output goes to target/two-nodes/NAME.log. */
  private static final class Node {

    final String name;
    final int port;
    final Process process;
    final Path log;

    private Node(String name, int port, Process process, Path log) {
      this.name = name;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    static Node start(String name, Path jar, List<String> shared) throws IOException {
      int port = freePort();
      Path directory = Files.createDirectories(WORK.resolve(name));
      Path log = WORK.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
      command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
      command.add("--server.port=" + port);
      // names the node in the engine's job log (act_hi_job_log.hostname_)
      command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
      command.addAll(shared);
      Process process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      // also when the test JVM is stopped from outside, before @AfterAll
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
      return new Node(name, port, process, log);
    }

    URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    void awaitUp() {
      await(name + " up")
          .atMost(NODE_START)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new AssertionError(name + " exited; see " + log.toAbsolutePath());
                }
                try {
                  return new Browser().get(this, "/").statusCode() == 200;
                } catch (IOException notYet) {
                  return false;
                }
              });
    }

    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** An HTTP client with a cookie store: one browser in front of a load balancer. */
  private static final class Browser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(Node node, String path) throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(
        Node node, String path, String method, String type, String body, boolean xsrf)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(node.uri(path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", type)
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (xsrf) {
        request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String cookie(String name) {
      return cookies.getCookieStore().getCookies().stream()
          .filter(cookie -> cookie.getName().equals(name))
          .map(HttpCookie::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    Set<String> cookieNames() {
      return cookies.getCookieStore().getCookies().stream()
          .map(HttpCookie::getName)
          .collect(Collectors.toSet());
    }
  }
}
