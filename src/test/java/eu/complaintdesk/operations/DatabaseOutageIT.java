package eu.complaintdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import eu.complaintdesk.testing.EngineRest;
import eu.complaintdesk.testing.RestartablePostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The database goes away under load and comes back: while it is away every request is answered 503
 * application/problem+json with {@code Retry-After} within 5 s (never 500, never a false 201), the
 * readiness probe says DOWN and liveness UP; once it is back readiness is UP again and submissions
 * succeed, without a restart of the application; and every 201 answered during the whole run is in
 * the register with its case started.
 *
 * <p>A context of its own (not {@code ApplicationIntegrationTest}'s), on a PostgreSQL it may stop:
 * the same port and data directory after the restart. The pool is configured by the application's
 * own {@code spring.datasource.hikari.*} (connection timeout 2.5 s). The load is a few client
 * threads posting valid complaints to this application on localhost, bounded in number and time.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "complaints.demo-users=true",
      // the submission limit (README "Public API") must not be what answers this load
      "complaints.limits.submissions-per-hour=100000"
    })
@Import(DatabaseOutageIT.StoppableDatabase.class)
@Tag("own-engine") // a JVM of its own (pom.xml, failsafe)
@DirtiesContext
class DatabaseOutageIT {

  static final String VALID =
      """
      {"language":"en",
       "customer":{"name":"Anna Ozola","email":"anna@example.lv"},
       "preferredContact":"EMAIL",
       "subject":"Radiators are cold",
       "description":"No heating in the flat since Monday."}
      """;

  static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
  static final int CLIENTS = 3;
  static final int MAX_REQUESTS_PER_CLIENT = 150;

  @TestConfiguration(proxyBeanMethods = false)
  static class StoppableDatabase {

    @Bean(destroyMethod = "close")
    RestartablePostgres restartablePostgres() {
      return new RestartablePostgres();
    }

    /** Configured as in production: the application's {@code spring.datasource.hikari.*}. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(RestartablePostgres postgres) {
      HikariDataSource dataSource = new HikariDataSource();
      dataSource.setJdbcUrl(postgres.jdbcUrl());
      dataSource.setUsername("postgres");
      dataSource.setPassword("postgres");
      return dataSource;
    }
  }

  /** One answer to one submission of the load. */
  record Answer(
      int status,
      String contentType,
      String retryAfter,
      String registrationNumber,
      Instant sentAt,
      Duration took) {}

  @LocalServerPort int port;
  @Autowired RestartablePostgres postgres;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;
  @Autowired ObjectMapper json;

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void anOutageIsAnsweredHonestlyAndNothingAcceptedIsLost() throws Exception {
    assertThat(dataSource.unwrap(HikariDataSource.class).getConnectionTimeout()).isEqualTo(2500);
    assertThat(submit().status()).isEqualTo(201);
    awaitReadiness(200, "UP");

    List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean loading = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      clients.submit(
          () -> {
            for (int n = 0; n < MAX_REQUESTS_PER_CLIENT && loading.get(); n++) {
              answers.add(submit());
              Thread.sleep(100);
            }
            return null;
          });
    }
    Instant stopped;
    Instant restarted;
    try {
      Thread.sleep(1000);
      postgres.stop();
      stopped = Instant.now();

      // readiness DOWN, liveness UP: the node is taken out of the balancer, not restarted
      awaitReadiness(503, "DOWN");
      HttpResponse<String> liveness = get("/actuator/health/liveness", null, null);
      assertThat(liveness.statusCode()).isEqualTo(200);
      assertThat(liveness.body()).contains("\"UP\"");

      // a public page: the error page, in HTML
      Instant pageSent = Instant.now();
      HttpResponse<String> page = get("/surveys/AAAAAAAAAAAAAAAAAAAAAAAA", "text/html", null);
      assertThat(Duration.between(pageSent, Instant.now())).isLessThan(ANSWER_WITHIN);
      assertThat(page.statusCode()).isEqualTo(503);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.headers().firstValue("Retry-After")).isPresent();

      // a staff call whose sign-in the engine cannot check, and the engine REST API
      assertOutageProblem(get("/api/staff/complaints/2026-000001", null, "registrar"));
      assertOutageProblem(get("/engine-rest/task", null, "admin"));

      Thread.sleep(3000);
      postgres.start();
      restarted = Instant.now();

      awaitReadiness(200, "UP");
      Thread.sleep(1500);
    } finally {
      loading.set(false);
      clients.shutdown();
    }
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    // submissions succeed again, the application was not restarted
    await().atMost(Duration.ofSeconds(20)).until(() -> submit().status() == 201);

    List<Answer> all = List.copyOf(answers);
    List<Answer> created = all.stream().filter(a -> a.status() == 201).toList();
    List<Answer> refused = all.stream().filter(a -> a.status() != 201).toList();
    assertThat(refused).as("answers while the database was away").isNotEmpty();
    assertThat(created).as("answers before and after").isNotEmpty();
    assertThat(refused)
        .allSatisfy(
            answer -> {
              assertThat(answer.status()).isEqualTo(503);
              assertThat(answer.contentType()).isEqualTo("application/problem+json");
              assertThat(answer.retryAfter()).isNotNull();
              assertThat(Long.parseLong(answer.retryAfter())).isPositive();
              assertThat(answer.took()).isLessThan(ANSWER_WITHIN);
            });
    // whatever was sent wholly within the outage was refused
    assertThat(all)
        .filteredOn(
            a ->
                a.sentAt().isAfter(stopped.plusMillis(200))
                    && a.sentAt().plus(a.took()).isBefore(restarted))
        .isNotEmpty()
        .allSatisfy(answer -> assertThat(answer.status()).isEqualTo(503));
    // every 201 is in the register, with its case started
    for (Answer answer : created) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from complaint where registration_number = ?",
                  Long.class,
                  answer.registrationNumber()))
          .as(answer.registrationNumber())
          .isEqualTo(1);
      assertThat(
              history
                  .createHistoricProcessInstanceQuery()
                  .processInstanceBusinessKey(answer.registrationNumber())
                  .count())
          .as(answer.registrationNumber())
          .isEqualTo(1);
    }
  }

  private void assertOutageProblem(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.uri().getPath()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(503);
  }

  private void awaitReadiness(int status, String health) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              HttpResponse<String> readiness = get("/actuator/health/readiness", null, null);
              return readiness.statusCode() == status
                  && readiness.body().contains("\"" + health + "\"");
            });
  }

  private Answer submit() {
    Instant sent = Instant.now();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri("/api/complaints"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(VALID))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String number =
          response.statusCode() == 201
              ? json.readTree(response.body()).get("registrationNumber").asText()
              : null;
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null),
          number,
          sent,
          Duration.between(sent, Instant.now()));
    } catch (Exception e) {
      // no answer at all (a timeout) is a failure too
      return new Answer(
          -1, e.getClass().getName(), null, null, sent, Duration.between(sent, Instant.now()));
    }
  }

  private HttpResponse<String> get(String path, String accept, String user) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (user != null) {
      request.header("Authorization", EngineRest.basic(user, user));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
