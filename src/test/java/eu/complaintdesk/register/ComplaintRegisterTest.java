package eu.complaintdesk.register;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static eu.complaintdesk.register.Complaints.withCustomer;
import static eu.complaintdesk.testing.RegisterTestConfiguration.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.testing.MutableClock;
import eu.complaintdesk.testing.PostgresTestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The register against a real PostgreSQL. */
@SpringJUnitConfig(PostgresTestConfiguration.class)
class ComplaintRegisterTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
    clock.set(NOW);
  }

  @Test
  void registeredComplaintGetsYearPrefixedNumberAndAccessCode() {
    RegisteredComplaint registered = register.register(newComplaint(RECEIVED));

    assertThat(registered.registrationNumber()).isEqualTo("2026-000001");
    assertThat(registered.accessCode())
        .hasSize(12)
        .matches("[" + AccessCodes.ALPHABET + "]+")
        .doesNotContainPattern("[0O1lI]");
    Complaint complaint = register.get(registered.id());
    assertThat(complaint.status()).isEqualTo(ComplaintStatus.REGISTERED);
    assertThat(complaint.registrationNumber()).isEqualTo("2026-000001");
    assertThat(complaint.receivedAt()).isEqualTo(RECEIVED);
    assertThat(complaint.responseDueAt()).isEqualTo(RECEIVED.plus(Duration.ofDays(14)));
    assertThat(complaint.customerEmail()).isEqualTo("Anna.Berzina@Example.lv");
    assertThat(complaint.customerName()).isEqualTo("Anna Bērziņa");
    assertThat(complaint.preferredContact()).isEqualTo(PreferredContact.EMAIL);
    assertThat(complaint.extended()).isFalse();
    assertThat(register.findByRegistrationNumber("2026-000001")).contains(complaint);
    assertThat(register.timeline(registered.id()))
        .containsExactly(new TimelineEntry(NOW, "REGISTERED", "customer", "WEB_FORM", true));
  }

  @Test
  void onlyTheHashOfTheAccessCodeIsStored() {
    RegisteredComplaint registered = register.register(newComplaint(RECEIVED));

    String stored =
        jdbc.sql("select access_code_hash from complaint where id = :id")
            .param("id", registered.id())
            .query(String.class)
            .single();
    assertThat(stored).hasSize(64).isNotEqualTo(registered.accessCode());
    assertThat(stored).doesNotContain(registered.accessCode());
  }

  @Test
  void accessCodeOpensOnlyItsOwnComplaint() {
    RegisteredComplaint first = register.register(newComplaint(RECEIVED));
    RegisteredComplaint second = register.register(newComplaint(RECEIVED));

    assertThat(register.findAccessible(first.registrationNumber(), first.accessCode()))
        .map(Complaint::id)
        .contains(first.id());
    String typedLoosely =
        first.accessCode().substring(0, 4).toLowerCase() + "-" + first.accessCode().substring(4);
    assertThat(register.findAccessible(first.registrationNumber(), typedLoosely)).isPresent();
    assertThat(register.findAccessible(first.registrationNumber(), second.accessCode())).isEmpty();
    assertThat(register.findAccessible(first.registrationNumber(), "")).isEmpty();
    assertThat(register.findAccessible(first.registrationNumber(), null)).isEmpty();
    assertThat(register.findAccessible("2026-999999", first.accessCode())).isEmpty();
    assertThat(register.findAccessible(null, first.accessCode())).isEmpty();
  }

  @Test
  void unknownComplaintIsRejected() {
    assertThat(register.find(404)).isEmpty();
    assertThatThrownBy(() -> register.get(404)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> register.changeStatus(404, ComplaintStatus.CLOSED, "x", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> register.saveDraft(404, "text", "UPHELD", null, "h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> register.resumeClock(404))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingStatusSetsClosedAtAndIsShownToTheCustomer() {
    long id = register.register(newComplaint(RECEIVED)).id();

    clock.set(NOW.plusSeconds(60));
    register.changeStatus(id, ComplaintStatus.IN_PROGRESS, "handler1", null);
    assertThat(register.get(id).closedAt()).isNull();
    clock.set(NOW.plusSeconds(120));
    register.changeStatus(id, ComplaintStatus.WITHDRAWN, "customer", "Atrisināts");

    Complaint complaint = register.get(id);
    assertThat(complaint.status()).isEqualTo(ComplaintStatus.WITHDRAWN);
    assertThat(complaint.closedAt()).isEqualTo(NOW.plusSeconds(120));
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type, TimelineEntry::visibleToCustomer)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("REGISTERED", true),
            org.assertj.core.groups.Tuple.tuple("IN_PROGRESS", true),
            org.assertj.core.groups.Tuple.tuple("WITHDRAWN", true));
  }

  @Test
  void classificationAndProcessInstanceAreRecorded() {
    long id = register.register(newComplaint(RECEIVED)).id();

    register.linkProcessInstance(id, "pi-123");
    register.classify(id, "SERVICE_COMPLAINT", "HEATING_QUALITY", "HIGH", true, "registrar1");

    Complaint complaint = register.get(id);
    assertThat(complaint.processInstanceId()).isEqualTo("pi-123");
    assertThat(complaint.feedbackType()).isEqualTo("SERVICE_COMPLAINT");
    assertThat(complaint.category()).isEqualTo("HEATING_QUALITY");
    assertThat(complaint.priority()).isEqualTo("HIGH");
    assertThat(complaint.repeatComplaint()).isTrue();
    assertThat(register.timeline(id))
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.type()).isEqualTo("CLASSIFIED");
              assertThat(entry.actor()).isEqualTo("registrar1");
              assertThat(entry.visibleToCustomer()).isFalse();
            });
  }

  @Test
  void extensionIsKeptWhenTheDeadlineMovesAgain() {
    long id = register.register(newComplaint(RECEIVED)).id();
    Instant extended = RECEIVED.plus(Duration.ofDays(28));

    register.setResponseDue(id, extended, true, "Nepieciešama informācija no AS Sadales tīkls");
    assertThat(register.get(id).extended()).isTrue();
    assertThat(register.extensionReason(id))
        .contains("Nepieciešama informācija no AS Sadales tīkls");

    register.setResponseDue(id, extended.plus(Duration.ofDays(2)), false, null);

    Complaint complaint = register.get(id);
    assertThat(complaint.responseDueAt()).isEqualTo(extended.plus(Duration.ofDays(2)));
    assertThat(complaint.extended()).isTrue();
    assertThat(register.extensionReason(id))
        .contains("Nepieciešama informācija no AS Sadales tīkls");
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .containsExactly("REGISTERED", "DEADLINE_EXTENDED", "RESPONSE_DUE_SET");
  }

  @Test
  void clockPausesAndResumesOnce() {
    long id = register.register(newComplaint(RECEIVED)).id();
    Instant paused = NOW.plusSeconds(3600);

    assertThat(register.resumeClock(id)).isEmpty();
    register.pauseClock(id, paused);
    register.pauseClock(id, paused.plusSeconds(60));
    assertThat(register.get(id).clockPausedAt()).isEqualTo(paused);

    assertThat(register.resumeClock(id)).contains(paused);
    assertThat(register.get(id).clockPausedAt()).isNull();
    assertThat(register.resumeClock(id)).isEmpty();
  }

  @Test
  void recentComplaintOfTheSameCustomerInTheSameCategoryIsARepeat() {
    long earlier =
        register
            .register(withCustomer(RECEIVED.minus(Duration.ofDays(30)), "anna@example.lv", null))
            .id();
    long sameEmailOtherCase =
        register.register(withCustomer(RECEIVED, " ANNA@example.LV ", null)).id();
    long sameCustomerNumber =
        register.register(withCustomer(RECEIVED, "other@example.lv", "C-7")).id();
    long stranger = register.register(withCustomer(RECEIVED, "stranger@example.lv", "C-8")).id();
    long byNumberEarlier =
        register.register(withCustomer(RECEIVED.minus(Duration.ofDays(1)), null, "C-7")).id();
    for (long id :
        List.of(earlier, sameEmailOtherCase, sameCustomerNumber, stranger, byNumberEarlier)) {
      register.classify(id, "SERVICE_COMPLAINT", "BILLING", "NORMAL", false, "registrar1");
    }

    assertThat(register.hasRecentSimilar(sameEmailOtherCase, Duration.ofDays(90))).isTrue();
    assertThat(register.hasRecentSimilar(sameEmailOtherCase, Duration.ofDays(29))).isFalse();
    assertThat(register.hasRecentSimilar(sameCustomerNumber, Duration.ofDays(90))).isTrue();
    assertThat(register.hasRecentSimilar(stranger, Duration.ofDays(90))).isFalse();
    assertThat(register.hasRecentSimilar(earlier, Duration.ofDays(90)))
        .as("a later complaint does not make an earlier one a repeat")
        .isFalse();

    register.classify(sameCustomerNumber, "SERVICE_COMPLAINT", "METER", "NORMAL", false, "r");
    assertThat(register.hasRecentSimilar(sameCustomerNumber, Duration.ofDays(90))).isFalse();
  }

  @Test
  void unclassifiedComplaintIsNoRepeat() {
    register.register(withCustomer(RECEIVED.minus(Duration.ofDays(1)), "anna@example.lv", null));
    long id = register.register(withCustomer(RECEIVED, "anna@example.lv", null)).id();

    assertThat(register.hasRecentSimilar(id, Duration.ofDays(90))).isFalse();
  }

  @Test
  void classificationTextIsLowerCasedSubjectAndDescription() {
    long id = register.register(newComplaint(RECEIVED)).id();

    assertThat(register.classificationText(id))
        .isEqualTo("radiators ir auksts kopš pirmdienas dzīvoklī nav apkures.");
  }

  @Test
  void draftIsReviewedBySomeoneElseOnce() {
    long id = register.register(newComplaint(RECEIVED)).id();
    long first = register.saveDraft(id, "Pirmais", "REJECTED", "Nav pamata", "handler1");
    register.recordReview(first, false, "supervisor1", "Papildiniet pamatojumu");
    clock.advance(Duration.ofHours(1));
    long second = register.saveDraft(id, "Otrais", "PARTIALLY_UPHELD", null, "handler1");

    assertThatThrownBy(() -> register.recordReview(second, true, "handler1", null))
        .isInstanceOf(IllegalStateException.class);
    register.recordReview(second, true, "supervisor1", null);
    assertThatThrownBy(() -> register.recordReview(second, false, "supervisor2", null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> register.recordReview(999_999, true, "supervisor1", null))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(register.drafts(id)).extracting(AnswerDraft::id).containsExactly(first, second);
    AnswerDraft returned = register.drafts(id).get(0);
    assertThat(returned.approved()).isFalse();
    assertThat(returned.reviewComment()).isEqualTo("Papildiniet pamatojumu");
    assertThat(returned.refusalReasons()).isEqualTo("Nav pamata");
    AnswerDraft latest = register.latestDraft(id).orElseThrow();
    assertThat(latest.id()).isEqualTo(second);
    assertThat(latest.text()).isEqualTo("Otrais");
    assertThat(latest.approved()).isTrue();
    assertThat(latest.reviewedBy()).isEqualTo("supervisor1");
    assertThat(latest.reviewedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(latest.draftedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(register.latestDraft(register.register(newComplaint(RECEIVED)).id())).isEmpty();
  }

  @Test
  void answerIsRecorded() {
    long id = register.register(newComplaint(RECEIVED)).id();
    Instant answeredAt = NOW.plus(Duration.ofDays(3));

    register.recordAnswer(id, "UPHELD", "Rēķins tiks pārrēķināts.", answeredAt);

    Complaint complaint = register.get(id);
    assertThat(complaint.outcome()).isEqualTo("UPHELD");
    assertThat(complaint.answeredAt()).isEqualTo(answeredAt);
    assertThat(register.answerText(id)).contains("Rēķins tiks pārrēķināts.");
  }

  @Test
  void inquiriesAndTheirRepliesAreTracked() {
    long id = register.register(newComplaint(RECEIVED)).id();
    long inquiry = register.openInquiry(id, "AS Sadales tīkls");
    register.openInquiry(id, "Rīgas ūdens");
    clock.advance(Duration.ofDays(2));

    register.recordInquiryReply(inquiry, "Pārtraukums 3 stundas", "handler1");

    assertThat(register.inquiries(id))
        .containsExactly(
            new ExternalInquiry(
                inquiry,
                "AS Sadales tīkls",
                NOW,
                "Pārtraukums 3 stundas",
                NOW.plus(Duration.ofDays(2)),
                "handler1"),
            new ExternalInquiry(inquiry + 1, "Rīgas ūdens", NOW, null, null, null));
    assertThatThrownBy(() -> register.recordInquiryReply(999_999, "x", "h"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void customerMessagesAreKeptInOrder() {
    long id = register.register(newComplaint(RECEIVED)).id();
    long first = register.addCustomerMessage(id, "Pielikumā foto");
    clock.advance(Duration.ofMinutes(5));
    long second = register.addCustomerMessage(id, "Un vēl viens");

    assertThat(register.customerMessages(id))
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

  @Test
  void surveyIsAnsweredOnceBeforeItExpires() {
    long id = register.register(newComplaint(RECEIVED)).id();
    Instant expires = NOW.plus(Duration.ofDays(14));
    String token = register.openSurvey(id, expires);
    String other = register.openSurvey(id, expires);

    assertThat(token).matches("[A-Za-z0-9_-]{32}").isNotEqualTo(other);
    assertThat(register.findSurvey(token))
        .contains(new Survey(token, id, expires, null, null, null));
    assertThatThrownBy(() -> register.answerSurvey(token, 6, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> register.answerSurvey("unknown", 3, null))
        .isInstanceOf(IllegalArgumentException.class);

    clock.advance(Duration.ofDays(1));
    register.answerSurvey(token, 4, "Ātri atrisināja");

    assertThat(register.findSurvey(token))
        .contains(
            new Survey(token, id, expires, 4, "Ātri atrisināja", NOW.plus(Duration.ofDays(1))));
    assertThatThrownBy(() -> register.answerSurvey(token, 5, null))
        .isInstanceOf(IllegalStateException.class);
    clock.set(expires);
    assertThatThrownBy(() -> register.answerSurvey(other, 5, null))
        .isInstanceOf(IllegalStateException.class);
    assertThat(register.findSurvey("unknown")).isEmpty();
  }

  @Test
  void registrationNumberTakesTheYearOfReceiptInRigaTime() {
    Instant newYearsEveInUtc = Instant.parse("2026-12-31T22:30:00Z"); // 00:30 on 1 January in Riga

    assertThat(register.register(newComplaint(newYearsEveInUtc)).registrationNumber())
        .isEqualTo("2027-000001");
    assertThat(register.register(newComplaint(RECEIVED)).registrationNumber())
        .isEqualTo("2026-000001");
    assertThat(register.register(newComplaint(newYearsEveInUtc)).registrationNumber())
        .isEqualTo("2027-000002");
  }
}
