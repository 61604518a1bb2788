package eu.complaintdesk.answer;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.RegisterDatabaseTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Inquiries to other organisations and their replies, against a real PostgreSQL. */
@RegisterDatabaseTest
class ExternalInquiriesTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired ExternalInquiries inquiries;
  @Autowired MutableClock clock;

  @Test
  void inquiriesAndTheirRepliesAreTracked() {
    long id = register.register(newComplaint(RECEIVED)).id();
    long inquiry = inquiries.open(id, "AS Sadales tīkls", "test:1");
    inquiries.open(id, "Rīgas ūdens", "test:2");
    clock.advance(Duration.ofDays(2));

    inquiries.recordReply(inquiry, "Pārtraukums 3 stundas", "handler1");

    assertThat(inquiries.inquiries(id))
        .containsExactly(
            new ExternalInquiry(
                inquiry,
                "AS Sadales tīkls",
                NOW,
                "Pārtraukums 3 stundas",
                NOW.plus(Duration.ofDays(2)),
                "handler1"),
            new ExternalInquiry(inquiry + 1, "Rīgas ūdens", NOW, null, null, null));
    assertThatThrownBy(() -> inquiries.recordReply(999_999, "x", "h"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
