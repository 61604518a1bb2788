package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.complaintdesk.system.ApplicationIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Acknowledgements to one e-mail address are capped per day (10 by default), counted in the
 * database: the eleventh complaint in a day with the same address is registered and handled, its
 * acknowledgement recorded as not sent with the reason, and the SMTP server gets ten e-mails.
 */
class AcknowledgementCapIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void eleventhAcknowledgementToOneAddressInADayIsRecordedButNotSent() throws Exception {
    String address = "cap-" + System.nanoTime() + "@example.lv";
    for (int i = 1; i <= 11; i++) {
      // the same mailbox however it is written
      String written = i % 2 == 0 ? address.toUpperCase(Locale.ROOT) : " " + address;
      HttpResponse<String> created = submit(written.strip());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> states(address).stream().filter(s -> !s.equals("PENDING")).count() == 11);

    assertThat(states(address)).hasSize(11).filteredOn("SENT"::equals).hasSize(10);
    assertThat(states(address)).filteredOn("NOT_SENT"::equals).hasSize(1);
    assertThat(NotificationDeliveryIT.mailsTo(address)).hasSize(10);
    assertThat(
            jdbc.sql(
                    "select m.error_message from outbound_message m join complaint c"
                        + " on c.id = m.complaint_id where c.customer_email_lower = :address"
                        + " and m.delivery_state = 'NOT_SENT'")
                .param("address", address)
                .query(String.class)
                .single())
        .contains("complaints.limits.acknowledgements-per-contact-per-day");
    assertThat(
            jdbc.sql(
                    "select count(*) from complaint_event e join complaint c"
                        + " on c.id = e.complaint_id where c.customer_email_lower = :address"
                        + " and e.event_type = 'MESSAGE_NOT_SENT'")
                .param("address", address)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  /** The delivery states of the acknowledgements to the address, one per complaint. */
  private List<String> states(String address) {
    return jdbc.sql(
            "select m.delivery_state from outbound_message m join complaint c"
                + " on c.id = m.complaint_id where c.customer_email_lower = :address"
                + " and m.kind = 'ACKNOWLEDGEMENT'")
        .param("address", address)
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
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
