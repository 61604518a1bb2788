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

/** Answer drafts and their review, against a real PostgreSQL. */
@RegisterDatabaseTest
class AnswerDraftsTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired AnswerDrafts drafts;
  @Autowired MutableClock clock;

  @Test
  void draftIsReviewedBySomeoneElseOnce() {
    long id = register.register(newComplaint(RECEIVED)).id();
    long first = drafts.save(id, "Pirmais", "REJECTED", "Nav pamata", "handler1");
    drafts.review(first, false, "supervisor1", "Papildiniet pamatojumu");
    clock.advance(Duration.ofHours(1));
    long second = drafts.save(id, "Otrais", "PARTIALLY_UPHELD", null, "handler1");

    assertThatThrownBy(() -> drafts.review(second, true, "handler1", null))
        .isInstanceOf(IllegalStateException.class);
    drafts.review(second, true, "supervisor1", null);
    assertThatThrownBy(() -> drafts.review(second, false, "supervisor2", null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> drafts.review(999_999, true, "supervisor1", null))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(drafts.list(id)).extracting(AnswerDraft::id).containsExactly(first, second);
    AnswerDraft returned = drafts.list(id).get(0);
    assertThat(returned.approved()).isFalse();
    assertThat(returned.reviewComment()).isEqualTo("Papildiniet pamatojumu");
    assertThat(returned.refusalReasons()).isEqualTo("Nav pamata");
    AnswerDraft latest = drafts.latest(id).orElseThrow();
    assertThat(latest.id()).isEqualTo(second);
    assertThat(latest.text()).isEqualTo("Otrais");
    assertThat(latest.approved()).isTrue();
    assertThat(latest.reviewedBy()).isEqualTo("supervisor1");
    assertThat(latest.reviewedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(latest.draftedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(drafts.latest(register.register(newComplaint(RECEIVED)).id())).isEmpty();
  }

  @Test
  void draftOfAnUnknownComplaintIsRejected() {
    assertThatThrownBy(() -> drafts.save(404, "text", "UPHELD", null, "h"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
