package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import eu.complaintdesk.register.Language;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS gateway over real HTTP: what is sent, and what each accepted SMS costs in segments. */
class SmsDeliveryTest {

  private final List<String> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private HttpServer gateway;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private SmsDelivery delivery;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext(
        "/sms",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    gateway.start();
    delivery =
        new SmsDelivery(
            URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms"),
            "token",
            Duration.ofSeconds(5),
            meters);
  }

  @AfterEach
  void stopGateway() {
    gateway.stop(0);
  }

  @Test
  void acceptedSmsAreCountedWithTheirSegmentsPerKind() {
    delivery.deliver(sms(NotificationKind.ANSWER, "ā".repeat(134))); // UCS-2: 2 segments
    delivery.deliver(sms(NotificationKind.ANSWER, "a".repeat(160))); // GSM-7: 1 segment
    delivery.deliver(sms(NotificationKind.ACKNOWLEDGEMENT, "ж".repeat(440))); // 7 segments

    DistributionSummary answers = meters.get(SmsDelivery.SEGMENTS).tag("kind", "ANSWER").summary();
    assertThat(answers.count()).isEqualTo(2);
    assertThat(answers.totalAmount()).isEqualTo(3);
    assertThat(
            meters.get(SmsDelivery.SEGMENTS).tag("kind", "ACKNOWLEDGEMENT").summary().totalAmount())
        .isEqualTo(7);
    assertThat(received).hasSize(3).first().asString().contains("\"text\":\"āā");
  }

  @Test
  void refusedSmsIsNotCounted() {
    status = 503;

    assertThatThrownBy(() -> delivery.deliver(sms(NotificationKind.ANSWER, "text")))
        .isInstanceOf(SmsDelivery.SmsGatewayException.class);
    assertThat(meters.find(SmsDelivery.SEGMENTS).summary()).isNull();
  }

  private static OutboundMessage sms(NotificationKind kind, String body) {
    return new OutboundMessage(
        1L,
        2L,
        "2026-000001",
        kind,
        MessageChannel.SMS,
        "+371 20000000",
        Language.lv,
        "subject",
        body,
        DeliveryState.PENDING,
        "key",
        Instant.now(),
        null,
        null,
        0,
        null,
        null,
        null,
        null);
  }
}
