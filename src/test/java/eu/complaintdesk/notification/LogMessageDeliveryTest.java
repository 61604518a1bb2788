package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import eu.complaintdesk.register.Language;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogMessageDeliveryTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(LogMessageDelivery.class);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(appender);
  }

  @Test
  void logLineNamesTheMessageButNoPersonalData() {
    OutboundMessage message =
        new OutboundMessage(
            42,
            7,
            "2026-000042",
            NotificationKind.ANSWER,
            MessageChannel.EMAIL,
            "anna.berzina@example.lv",
            Language.lv,
            "Atbilde Annai Bērziņai",
            "Labdien, Anna Bērziņa! Jūsu adrese: Brīvības iela 1",
            DeliveryState.PENDING,
            "answer",
            Instant.parse("2026-03-09T08:30:00Z"),
            null,
            null,
            0,
            null,
            null,
            null,
            null);

    new LogMessageDelivery().deliver(message);

    assertThat(appender.list)
        .singleElement()
        .satisfies(
            event -> {
              String line = event.getFormattedMessage();
              assertThat(line).contains("ANSWER", "2026-000042", "EMAIL", "42");
              assertThat(line).doesNotContain("anna", "Anna", "Bērziņ", "Brīvības", "Labdien");
              assertThat(event.getArgumentArray())
                  .doesNotContain(message.recipient(), message.body(), message.subject());
            });
    assertThat(message.toString()).doesNotContain("anna", "Labdien", "Atbilde");
  }
}
