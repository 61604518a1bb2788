package eu.complaintdesk.survey;

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

/** Survey invitations and answers, against a real PostgreSQL. */
@RegisterDatabaseTest
class SurveysTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired MutableClock clock;

  @Test
  void surveyIsAnsweredOnceBeforeItExpires() {
    long id = register.register(newComplaint(RECEIVED)).id();
    Instant expires = NOW.plus(Duration.ofDays(14));
    String token = surveys.open(id, expires);
    String other = surveys.open(id, expires);

    assertThat(token).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(other);
    assertThat(surveys.find(token)).contains(new Survey(token, id, expires, null, null, null));
    assertThatThrownBy(() -> surveys.answer(token, 6, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> surveys.answer("unknown", 3, null))
        .isInstanceOf(IllegalArgumentException.class);

    clock.advance(Duration.ofDays(1));
    surveys.answer(token, 4, "Ātri atrisināja");

    assertThat(surveys.find(token))
        .contains(
            new Survey(token, id, expires, 4, "Ātri atrisināja", NOW.plus(Duration.ofDays(1))));
    assertThatThrownBy(() -> surveys.answer(token, 5, null))
        .isInstanceOf(IllegalStateException.class);
    clock.set(expires);
    assertThatThrownBy(() -> surveys.answer(other, 5, null))
        .isInstanceOf(IllegalStateException.class);
    assertThat(surveys.find("unknown")).isEmpty();
  }
}
