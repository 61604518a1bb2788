package eu.complaintdesk.customermessage;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.RegisterDatabaseTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer's messages, against a real PostgreSQL. */
@RegisterDatabaseTest
class CustomerMessagesTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired CustomerMessages customerMessages;
  @Autowired MutableClock clock;

  @Test
  void customerMessagesAreKeptInOrder() {
    long id = register.register(newComplaint(RECEIVED)).id();
    long first = customerMessages.add(id, "Pielikumā foto");
    clock.advance(Duration.ofMinutes(5));
    long second = customerMessages.add(id, "Un vēl viens");

    assertThat(customerMessages.list(id))
        .containsExactly(
            new CustomerMessage(first, "Pielikumā foto", NOW),
            new CustomerMessage(second, "Un vēl viens", NOW.plus(Duration.ofMinutes(5))));
    assertThat(register.timeline(id))
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.type()).isEqualTo("CUSTOMER_MESSAGE");
              assertThat(entry.detail()).isNull();
            });
  }
}
