package eu.complaintdesk.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The outside world of the integration tests, started once per JVM: a real SMTP server (GreenMail)
 * on a fixed free port, so it can be stopped and started again to play an outage, and an HTTP
 * server playing the SMS gateway, which records every request and answers with {@link
 * #smsGatewayStatus}. {@link #register} points the application at both.
 */
public final class OutboundTestServers {

  public static final String SMS_TOKEN = "test-sms-token";
  public static final String MAIL_FROM = "Complaint Desk <complaints@desk.example>";
  public static final String MAIL_REPLY_TO = "help@desk.example";

  private static GreenMail smtp;
  private static int smtpPort;
  private static HttpServer smsGateway;

  /** Requests the SMS gateway received, oldest first. */
  public static final List<SmsRequest> SMS_REQUESTS = new CopyOnWriteArrayList<>();

  /** The HTTP status the SMS gateway answers with. */
  public static volatile int smsGatewayStatus = 200;

  public record SmsRequest(String authorization, String contentType, String body) {}

  private OutboundTestServers() {}

  public static synchronized void register(DynamicPropertyRegistry registry) {
    start();
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtpPort);
    registry.add("complaints.notifications.email.from", () -> MAIL_FROM);
    registry.add("complaints.notifications.email.reply-to", () -> MAIL_REPLY_TO);
    registry.add(
        "complaints.sms.gateway-url",
        () -> "http://127.0.0.1:" + smsGateway.getAddress().getPort() + "/sms");
    registry.add("complaints.sms.token", () -> SMS_TOKEN);
  }

  public static synchronized GreenMail smtp() {
    start();
    return smtp;
  }

  /** Stops the SMTP server: connections are refused until {@link #startSmtp()}. */
  public static synchronized void stopSmtp() {
    smtp.stop();
  }

  /** Starts a new SMTP server on the same port (it has none of the earlier messages). */
  public static synchronized void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private static void start() {
    if (smtp != null) {
      return;
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      smtpPort = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    startSmtp();
    try {
      smsGateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    smsGateway.createContext(
        "/sms",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            SMS_REQUESTS.add(
                new SmsRequest(
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(smsGatewayStatus, -1);
          exchange.close();
        });
    smsGateway.start();
  }
}
