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
    assertThat(register.get(id).extensionReason())
        .contains("Nepieciešama informācija no AS Sadales tīkls");

    register.setResponseDue(id, extended.plus(Duration.ofDays(2)), false, null);

    Complaint complaint = register.get(id);
    assertThat(complaint.responseDueAt()).isEqualTo(extended.plus(Duration.ofDays(2)));
    assertThat(complaint.extended()).isTrue();
    assertThat(register.get(id).extensionReason())
        .contains("Nepieciešama informācija no AS Sadales tīkls");
    assertThat(register.timeline(id))
        .extracting(TimelineEntry::type)
        .containsExactly("REGISTERED", "DEADLINE_EXTENDED", "RESPONSE_DUE_SET");
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
  void customersCasesAreFoundByEmailIgnoringCaseOrByPhoneIgnoringSeparators() {
    long first = register.register(newComplaint(RECEIVED)).id();
    long other = register.register(withCustomer(RECEIVED, "other@example.lv", "C-2")).id();
    long second = register.register(withCustomer(RECEIVED, " anna.berzina@example.LV ", null)).id();

    assertThat(register.idsOfCustomer("ANNA.Berzina@example.lv", null))
        .containsExactly(first, second);
    assertThat(register.idsOfCustomer(null, "+371 200-000 00"))
        .containsExactly(first, other, second);
    assertThat(register.idsOfCustomer("other@example.lv", "")).containsExactly(other);
    assertThat(register.idsOfCustomer(" ", "+()")).isEmpty();
    assertThat(register.idsOfCustomer("nobody@example.lv", "123")).isEmpty();
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
  void answerIsRecorded() {
    long id = register.register(newComplaint(RECEIVED)).id();
    Instant answeredAt = NOW.plus(Duration.ofDays(3));

    register.recordAnswer(id, "UPHELD", "Rēķins tiks pārrēķināts.", answeredAt);

    Complaint complaint = register.get(id);
    assertThat(complaint.outcome()).isEqualTo("UPHELD");
    assertThat(complaint.answeredAt()).isEqualTo(answeredAt);
    assertThat(register.get(id).answerText()).contains("Rēķins tiks pārrēķināts.");
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
