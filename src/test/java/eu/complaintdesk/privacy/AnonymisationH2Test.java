package eu.complaintdesk.privacy;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.answer.AnswerAnonymisation;
import eu.complaintdesk.answer.AnswerDrafts;
import eu.complaintdesk.attachment.AttachmentAnonymisation;
import eu.complaintdesk.customermessage.CustomerMessageAnonymisation;
import eu.complaintdesk.customermessage.CustomerMessages;
import eu.complaintdesk.intake.IntakeAnonymisation;
import eu.complaintdesk.notification.NotificationAnonymisation;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.RegisterAnonymisation;
import eu.complaintdesk.register.RegisteredComplaint;
import eu.complaintdesk.survey.SurveyAnonymisation;
import eu.complaintdesk.survey.Surveys;
import eu.complaintdesk.system.SessionAnonymisation;
import eu.complaintdesk.testing.H2TestConfiguration;
import eu.complaintdesk.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The owners' anonymisation SQL on H2, the default run's database (ErasureIT runs it on
 * PostgreSQL): each statement runs, removes what it should and keeps the figures; a second run
 * finds nothing to do.
 */
@SpringJUnitConfig(H2TestConfiguration.class)
@Import({
  AnswerAnonymisation.class,
  AttachmentAnonymisation.class,
  CustomerMessageAnonymisation.class,
  IntakeAnonymisation.class,
  SurveyAnonymisation.class,
  SessionAnonymisation.class
})
class AnonymisationH2Test {

  private static final Instant RECEIVED = Instant.parse("2026-03-09T08:30:00Z");

  @Autowired ComplaintRegister register;
  @Autowired RegisterAnonymisation registerPart;
  @Autowired AnswerDrafts drafts;
  @Autowired AnswerAnonymisation answers;
  @Autowired CustomerMessages messages;
  @Autowired CustomerMessageAnonymisation messagesPart;
  @Autowired Surveys surveys;
  @Autowired SurveyAnonymisation surveysPart;
  @Autowired AttachmentAnonymisation attachments;
  @Autowired NotificationAnonymisation notifications;
  @Autowired IntakeAnonymisation intake;
  @Autowired SessionAnonymisation sessions;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @BeforeEach
  void emptyRegister() {
    TestDatabases.clean(dataSource);
  }

  @Test
  void everyOwnersAnonymisationRunsOnH2AndASecondRunChangesNothing() {
    RegisteredComplaint registered = register.register(newComplaint(RECEIVED));
    long id = registered.id();
    register.classify(id, "SERVICE_COMPLAINT", "BILLING", "NORMAL", false, "registrar1");
    long draft = drafts.save(id, "Atbilde", "REJECTED", "Pamatojums", "handler1");
    drafts.review(draft, false, "supervisor1", "Komentārs");
    messages.add(id, "Vēl informācija");
    String token = surveys.open(id, RECEIVED.plus(Duration.ofDays(10)));
    surveys.answer(token, 4, "Paldies");
    register.changeStatus(id, ComplaintStatus.CLOSED, "system", "Case closed");

    assertThat(registerPart.closedNotAnonymised(Instant.now().plusSeconds(60), 10))
        .containsExactly(id);
    assertThat(registerPart.anonymise(id, "ERASURE")).isTrue();
    assertThat(answers.anonymiseDrafts(id)).isEqualTo(1);
    assertThat(answers.anonymiseInquiries(id)).isZero();
    assertThat(messagesPart.anonymise(id)).isEqualTo(1);
    assertThat(surveysPart.anonymise(id)).isEqualTo(1);
    assertThat(attachments.remove(id)).isZero();
    assertThat(notifications.cancelPending(id)).isZero();
    assertThat(notifications.removeMessageBodies(id)).isZero();
    assertThat(notifications.removeLetters(id)).isZero();
    assertThat(notifications.anonymiseMessages(id)).isZero();
    assertThat(intake.anonymise(id)).isZero();
    assertThat(sessions.forgetCase(registered.registrationNumber())).isZero();

    assertThat(register.get(id).customerName()).isNull();
    assertThat(register.get(id).subject()).isNull();
    assertThat(register.get(id).category()).isEqualTo("BILLING");
    assertThat(register.get(id).status()).isEqualTo(ComplaintStatus.CLOSED);
    assertThat(register.findAccessible(registered.registrationNumber(), registered.accessCode()))
        .isEmpty();
    assertThat(register.timeline(id)).allMatch(entry -> entry.detail() == null);
    assertThat(drafts.list(id).get(0).text()).isEmpty();
    assertThat(drafts.list(id).get(0).reviewComment()).isNull();
    assertThat(messages.list(id).get(0).message()).isEmpty();
    assertThat(surveys.find(token)).isEmpty();
    assertThat(
            jdbc.sql("select score from survey where complaint_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single())
        .isEqualTo(4);
    assertThat(registerPart.isAnonymised(id)).isTrue();
    assertThat(registerPart.closedNotAnonymised(Instant.now().plusSeconds(60), 10)).isEmpty();
    assertThat(registerPart.closedWithDocuments(Instant.now().plusSeconds(60), 10)).isEmpty();

    assertThat(registerPart.anonymise(id, "ERASURE")).isFalse();
    assertThat(registerPart.markDocumentsRemoved(id)).isFalse();
    assertThat(answers.anonymiseDrafts(id)).isZero();
    assertThat(messagesPart.anonymise(id)).isZero();
    assertThat(surveysPart.anonymise(id)).isZero();
  }
}
