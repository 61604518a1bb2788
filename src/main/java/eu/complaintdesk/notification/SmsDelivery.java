package eu.complaintdesk.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * SMS through an HTTP gateway: {@code POST complaints.sms.gateway-url} with {@code Authorization:
 * Bearer complaints.sms.token} and the JSON {@code {"to", "text", "reference"}}. Any answer other
 * than 2xx, a timeout ({@code complaints.sms.timeout}) or a connection failure is a failed
 * delivery. The reference is the same on every attempt, so a gateway can drop a repeated one.
 * Active only when {@code complaints.sms.gateway-url} is set; otherwise SMS go to the log.
 *
 * <p>The gateway splits a long text; what each accepted SMS costs ({@link SmsSegments}: GSM-7 or
 * UCS-2, 160/153 or 70/67) is counted in {@code complaints_notifications_sms_segments{kind}} (a
 * summary: {@code _count} messages, {@code _sum} segments) and logged at debug with the message id.
 */
@Component
@Order(20)
@ConditionalOnProperty(prefix = "complaints.sms", name = "gateway-url")
class SmsDelivery implements MessageDelivery {

  private static final Logger log = LoggerFactory.getLogger(SmsDelivery.class);

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String SEGMENTS = "complaints.notifications.sms.segments";

  private final URI gateway;
  private final String token;
  private final Duration timeout;
  private final HttpClient http;
  private final MeterRegistry meters;

  SmsDelivery(
      @Value("${complaints.sms.gateway-url}") URI gateway,
      @Value("${complaints.sms.token:}") String token,
      @Value("${complaints.sms.timeout:PT10S}") Duration timeout,
      MeterRegistry meters) {
    this.gateway = gateway;
    this.token = token;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.meters = meters;
  }

  @Override
  public boolean supports(MessageChannel channel) {
    return channel == MessageChannel.SMS;
  }

  @Override
  public void deliver(OutboundMessage message) {
    Map<String, String> payload = new LinkedHashMap<>();
    payload.put("to", message.recipient());
    payload.put("text", message.body());
    payload.put("reference", message.reference());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(json(payload)));
    if (!token.isBlank()) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<Void> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException("SMS gateway unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending SMS", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SmsGatewayException("SMS gateway answered HTTP " + response.statusCode());
    }
    try {
      counted(message);
    } catch (RuntimeException e) {
      // the gateway took the message: a failure to count it must not make the job send it again
      log.warn("SMS {} sent but not counted: {}", message.id(), e.toString());
    }
  }

  /** Counts the segments the accepted message costs; logs them with the message id. */
  private void counted(OutboundMessage message) {
    SmsSegments cost = SmsSegments.of(message.body());
    DistributionSummary.builder(SEGMENTS)
        .description("SMS handed to the gateway (count) and the segments they cost (sum), per kind")
        .tag("kind", message.kind().name())
        .register(meters)
        .record(cost.segments());
    log.debug(
        "SMS {} for complaint {}: {} characters, {}, {} segment(s)",
        message.id(),
        message.registrationNumber(),
        cost.units(),
        cost.encoding(),
        cost.segments());
  }

  private static String json(Map<String, String> payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The gateway refused or failed the message. */
  static class SmsGatewayException extends RuntimeException {
    SmsGatewayException(String message) {
      super(message);
    }
  }
}
