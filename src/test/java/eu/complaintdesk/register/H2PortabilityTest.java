package eu.complaintdesk.register;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static eu.complaintdesk.register.Complaints.withCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.NotificationService;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.notification.PostRoom;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.testing.H2TestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The same migration on H2 (the default run's database): it applies, and the register's SQL,
 * including the counter under concurrent intake, works there too.
 */
@SpringJUnitConfig(H2TestConfiguration.class)
class H2PortabilityTest {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired Surveys surveys;
  @Autowired AnswerDrafts drafts;
  @Autowired NotificationService notifications;
  @Autowired PostRoom postRoom;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired CaseReads caseReads;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
  }

  @Test
  void registerWorksOnH2() {
    RegisteredComplaint registered = register.register(newComplaint(RECEIVED));
    long id = registered.id();
    register.classify(id, "SERVICE_COMPLAINT", "BILLING", "NORMAL", false, "registrar1");
    register.setResponseDue(id, RECEIVED.plus(Duration.ofDays(28)), true, "Ārēja informācija");
    long draft = drafts.save(id, "Atbilde", "UPHELD", null, "handler1");
    drafts.review(draft, true, "supervisor1", null);
    String token = surveys.open(id, Instant.now().plus(Duration.ofDays(10)));
    long repeat =
        register
            .register(withCustomer(RECEIVED.plusSeconds(60), "anna.berzina@example.lv", null))
            .id();
    register.classify(repeat, "SERVICE_COMPLAINT", "BILLING", "NORMAL", false, "registrar1");

    assertThat(register.findAccessible(registered.registrationNumber(), registered.accessCode()))
        .isPresent();
    assertThat(register.get(id).extended()).isTrue();
    assertThat(drafts.latest(id).orElseThrow().approved()).isTrue();
    assertThat(surveys.find(token)).isPresent();
    assertThat(register.hasRecentSimilar(repeat, Duration.ofDays(90))).isTrue();
    assertThat(register.timeline(id)).hasSizeGreaterThan(5);
    assertThat(register.idsOfCustomer(null, "+371 2000 0000")).containsExactly(id, repeat);
  }

  @Test
  void postRoomWorksOnH2() {
    NewComplaint c = newComplaint(RECEIVED);
    long id =
        register
            .register(
                new NewComplaint(
                    c.channel(),
                    c.language(),
                    c.customerName(),
                    null,
                    null,
                    null,
                    c.customerAddress(),
                    PreferredContact.POST,
                    c.subject(),
                    c.description(),
                    c.remedySought(),
                    c.categoryHint(),
                    RECEIVED,
                    c.responseDueAt(),
                    null))
            .id();
    notifications.notifyCustomer(id, NotificationKind.ACKNOWLEDGEMENT, Map.of(), "ack");

    OutboundMessage letter = postRoom.toPost().stream().findFirst().orElseThrow();
    assertThat(letter.recipient()).isEqualTo("Brīvības iela 1, Rīga, LV-1010");
    assertThat(postRoom.letter(letter.id())).isPresent();
    assertThat(postRoom.markPosted(letter.id(), "registrar1")).isTrue();
    assertThat(postRoom.markPosted(letter.id(), "registrar2")).isTrue();

    assertThat(postRoom.toPost()).isEmpty();
    OutboundMessage posted = notifications.messages(id).get(0);
    assertThat(posted.postedAt()).isNotNull();
    assertThat(posted.postedBy()).isEqualTo("registrar1");
    assertThat(register.timeline(id))
        .filteredOn(entry -> entry.type().equals(PostRoom.MESSAGE_POSTED))
        .singleElement()
        .satisfies(entry -> assertThat(entry.visibleToCustomer()).isFalse());
    assertThat(postRoom.markPosted(letter.id() + 1000, "registrar1")).isFalse();
  }

  @Test
  void concurrentIntakeGetsDistinctGapFreeNumbersOnH2() throws Exception {
    assertThat(
            RegistrationNumberConcurrencyTest.registerConcurrently(
                register, 4, 10, Instant.parse("2026-05-04T09:00:00Z")))
        .containsExactlyElementsOf(RegistrationNumberConcurrencyTest.expectedNumbers(2026, 40));
  }

  @Test
  void caseReadsWorkOnH2() {
    long id = register.register(newComplaint(RECEIVED)).id();
    caseReads.record(id, "handler1", CaseReads.Kind.CASE_FILE, null);
    caseReads.record(id, "handler1", CaseReads.Kind.LETTER, 7L);

    CaseReads.Latest latest = caseReads.latest(id, 1);

    assertThat(latest.total()).isEqualTo(2);
    assertThat(latest.reads()).hasSize(1);
  }

  @Test
  void numberOfARolledBackRegistrationIsNeverGivenAgainOnH2() {
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    status -> {
                      register.register(newComplaint(RECEIVED));
                      throw new IllegalStateException("rolled back");
                    }))
        .hasMessage("rolled back");

    assertThat(register.register(newComplaint(RECEIVED)).registrationNumber())
        .isEqualTo("2026-000002");
    assertThat(register.findByRegistrationNumber("2026-000001")).isEmpty();
  }
}
