package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.OutboundTestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acknowledgements to one e-mail address are capped per day (10 by default), counted in the
 * database: the eleventh complaint in a day with the same address is registered and handled, its
 * acknowledgement recorded as not sent with the reason, and the SMTP server gets ten e-mails (a
 * {@code +tag} in the address is the same mailbox); the same for a phone number however it is
 * written ({@code +371…}, {@code 00371…}, {@code 371…} or the eight national digits alone), and the
 * SMS gateway.
 */
class AcknowledgementCapIT extends ApplicationIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void eleventhAcknowledgementToOneAddressInADayIsRecordedButNotSent() throws Exception {
    String local = "cap-" + System.nanoTime();
    String address = local + "@example.lv";
    String tagged = local + "+desk@example.lv";
    List<String> addresses = List.of(address, tagged);
    for (int i = 1; i <= 11; i++) {
      // the same mailbox however it is written, with a +tag too
      String written =
          i % 3 == 0 ? tagged : i % 2 == 0 ? address.toUpperCase(Locale.ROOT) : " " + address;
      HttpResponse<String> created = submit(written.strip());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      if (i == 10) {
        // the cap counts what is recorded: two sends racing on parallel job threads may both
        // pass it (one more message is the worst case), so the eleventh comes after the tenth
        int sent = i;
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () -> states(addresses).stream().filter(s -> !s.equals("PENDING")).count() == sent);
      }
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> states(addresses).stream().filter(s -> !s.equals("PENDING")).count() == 11);

    assertThat(states(addresses)).hasSize(11).filteredOn("SENT"::equals).hasSize(10);
    assertThat(states(addresses)).filteredOn("NOT_SENT"::equals).hasSize(1);
    assertThat(
            NotificationDeliveryIT.mailsTo(address).size()
                + NotificationDeliveryIT.mailsTo(tagged).size())
        .isEqualTo(10);
    assertThat(
            jdbc.sql(
                    "select m.error_message from outbound_message m join complaint c"
                        + " on c.id = m.complaint_id where c.customer_email_lower in (:addresses)"
                        + " and m.delivery_state = 'NOT_SENT'")
                .param("addresses", addresses)
                .query(String.class)
                .single())
        .contains("complaints.limits.acknowledgements-per-contact-per-day");
    assertThat(
            jdbc.sql(
                    "select count(*) from complaint_event e join complaint c"
                        + " on c.id = e.complaint_id where c.customer_email_lower in (:addresses)"
                        + " and e.event_type = 'MESSAGE_NOT_SENT'")
                .param("addresses", addresses)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void eleventhAcknowledgementToOnePhoneNumberInADayIsNotSentHoweverTheNumberIsWritten()
      throws Exception {
    String digits = String.valueOf(20_000_000 + ThreadLocalRandom.current().nextInt(9_999_999));
    List<String> writings =
        List.of(
            "+371" + digits,
            "+371 " + digits.substring(0, 4) + " " + digits.substring(4),
            "+371 ("
                + digits.substring(0, 3)
                + ") "
                + digits.substring(3, 5)
                + "-"
                + digits.substring(5),
            // international prefix 00, none, or the national number alone
            "00371" + digits,
            "371" + digits,
            digits);
    int before = OutboundTestServers.SMS_REQUESTS.size();
    List<Long> complaints = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      HttpResponse<String> created = submitBySms(writings.get(i % writings.size()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      complaints.add(
          jdbc.sql("select id from complaint where registration_number = :number")
              .param("number", JSON.readTree(created.body()).get("registrationNumber").asText())
              .query(Long.class)
              .single());
      if (i == 9) {
        // the eleventh after the first ten are settled (see the e-mail test)
        await()
            .atMost(Duration.ofSeconds(120))
            .until(
                () ->
                    smsStates(complaints).stream().filter(s -> !s.equals("PENDING")).count() == 10);
      }
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> smsStates(complaints).stream().filter(s -> !s.equals("PENDING")).count() == 11);

    assertThat(smsStates(complaints)).filteredOn("SENT"::equals).hasSize(10);
    assertThat(smsStates(complaints)).filteredOn("NOT_SENT"::equals).hasSize(1);
    assertThat(
            OutboundTestServers.SMS_REQUESTS
                .subList(before, OutboundTestServers.SMS_REQUESTS.size())
                .stream()
                .filter(request -> request.body().replaceAll("[ ()-]", "").contains(digits)))
        .hasSize(10);
  }

  private List<String> smsStates(List<Long> complaints) {
    return jdbc.sql(
            "select delivery_state from outbound_message where complaint_id in (:ids)"
                + " and kind = 'ACKNOWLEDGEMENT' and channel = 'SMS'")
        .param("ids", complaints)
        .query(String.class)
        .list();
  }

  private HttpResponse<String> submitBySms(String phone) throws Exception {
    return post(
        """
        {"language":"lv",
         "customer":{"name":"Anna Ozola","phone":"%s"},
         "preferredContact":"SMS",
         "subject":"Auksti radiatori",
         "description":"Dzīvoklī nav apkures kopš pirmdienas."}
        """
            .formatted(phone));
  }

  /** The delivery states of the acknowledgements to the addresses, one per complaint. */
  private List<String> states(List<String> addresses) {
    return jdbc.sql(
            "select m.delivery_state from outbound_message m join complaint c"
                + " on c.id = m.complaint_id where c.customer_email_lower in (:addresses)"
                + " and m.kind = 'ACKNOWLEDGEMENT'")
        .param("addresses", addresses)
        .query(String.class)
        .list();
  }

  private HttpResponse<String> submit(String email) throws Exception {
    String body =
        """
        {"language":"en",
         "customer":{"name":"Anna Ozola","email":"%s"},
         "preferredContact":"EMAIL",
         "subject":"Radiators are cold",
         "description":"No heating in the flat since Monday."}
        """
            .formatted(email);
    return post(body);
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
