package eu.complaintdesk.privacy;

import static eu.complaintdesk.register.Complaints.newComplaint;
import static java.nio.charset.StandardCharsets.UTF_8;
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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The owners' anonymisation SQL on H2, the default run's database (ErasureIT runs it on
 * PostgreSQL): each statement runs on a row seeded for it, removes what it should and keeps the
 * figures; a second run finds nothing to do.
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
    jdbc.sql("delete from spring_session").update();
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
    String session = seedTheOtherOwnersRows(id, registered.registrationNumber());

    assertThat(registerPart.closedNotAnonymised(Instant.now().plusSeconds(60), 0, 10))
        .containsExactly(id);
    assertThat(registerPart.closedNotAnonymised(Instant.now().plusSeconds(60), id, 10)).isEmpty();
    assertThat(registerPart.closedNotAnonymised(register.get(id).closedAt(), 0, 10)).isEmpty();
    assertThat(registerPart.closedWithDocuments(Instant.now().plusSeconds(60), 0, 10))
        .containsExactly(id);
    assertThat(registerPart.withPersonalData(List.of(id, id + 1))).containsExactly(id);
    assertThat(registerPart.anonymise(id, "ERASURE")).isTrue();
    assertThat(answers.anonymiseDrafts(id)).isEqualTo(1);
    assertThat(answers.anonymiseInquiries(id)).isEqualTo(1);
    assertThat(messagesPart.anonymise(id)).isEqualTo(1);
    assertThat(surveysPart.anonymise(id)).isEqualTo(1);
    assertThat(attachments.remove(id)).isEqualTo(1);
    assertThat(notifications.cancelPending(id)).isEqualTo(1);
    assertThat(notifications.removeMessageBodies(id)).isEqualTo(2);
    assertThat(notifications.removeLetters(id)).isEqualTo(1);
    assertThat(notifications.anonymiseMessages(id)).isEqualTo(2);
    assertThat(intake.anonymise(id)).isEqualTo(2);
    assertThat(sessions.forgetCase(registered.registrationNumber())).isEqualTo(1);

    assertThat(count("select count(*) from external_inquiry where reply is not null")).isZero();
    assertThat(count("select count(*) from external_inquiry")).isEqualTo(1);
    assertThat(count("select count(*) from attachment")).isZero();
    assertThat(count("select count(*) from answer_letter")).isZero();
    assertThat(
            count(
                "select count(*) from outbound_message where recipient is null and subject = ''"
                    + " and body = '' and print_body is null and letter_id is null"
                    + " and reply_token is null"))
        .isEqualTo(2);
    assertThat(
            jdbc.sql("select delivery_state from outbound_message order by id")
                .query(String.class)
                .list())
        .containsExactly("NOT_SENT", "SENT");
    assertThat(count("select count(*) from idempotent_submission")).isZero();
    assertThat(count("select count(*) from access_code_handover")).isZero();
    assertThat(
            jdbc.sql("select session_primary_id from spring_session_attributes")
                .query(String.class)
                .list())
        .as("only the session of another case keeps its attribute")
        .containsExactly(OTHER_SESSION);
    jdbc.sql("delete from spring_session where primary_id in (:ids)")
        .param("ids", List.of(session, OTHER_SESSION))
        .update();
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
    assertThat(
            jdbc.sql("select anonymised_reason from complaint where id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("ERASURE");
    assertThat(registerPart.closedNotAnonymised(Instant.now().plusSeconds(60), 0, 10)).isEmpty();
    assertThat(registerPart.closedWithDocuments(Instant.now().plusSeconds(60), 0, 10)).isEmpty();
    assertThat(registerPart.withPersonalData(List.of(id))).isEmpty();

    assertThat(registerPart.anonymise(id, "ERASURE")).isFalse();
    assertThat(registerPart.markDocumentsRemoved(id)).isFalse();
    assertThat(answers.anonymiseDrafts(id)).isZero();
    assertThat(messagesPart.anonymise(id)).isZero();
    assertThat(surveysPart.anonymise(id)).isZero();
    assertThat(answers.anonymiseInquiries(id)).isZero();
    assertThat(attachments.remove(id)).isZero();
    assertThat(notifications.cancelPending(id)).isZero();
    assertThat(notifications.removeMessageBodies(id)).isZero();
    assertThat(notifications.removeLetters(id)).isZero();
    assertThat(intake.anonymise(id)).isZero();
    assertThat(sessions.forgetCase(registered.registrationNumber())).isZero();
  }

  private static final String OTHER_SESSION = "00000000-0000-0000-0000-000000000002";

  /**
   * One row for each statement of the other owners: an external reply, an attachment, a message
   * still pending and one sent with a letter and a printed body, a submission record and an access
   * code handover, a session that opened the case (and one that opened another); the session's id.
   */
  private String seedTheOtherOwnersRows(long id, String registrationNumber) {
    Timestamp at = Timestamp.from(RECEIVED);
    jdbc.sql(
            "insert into external_inquiry (complaint_id, organisation, asked_at, reply,"
                + " replied_at, recorded_by) values (:id, 'building-manager', :at, 'Atbilde',"
                + " :at, 'handler1')")
        .param("id", id)
        .param("at", at)
        .update();
    jdbc.sql(
            "insert into attachment (complaint_id, file_name, media_type, size_bytes, sha256,"
                + " content, created_at) values (:id, 'rekins.pdf', 'application/pdf', 3, 'ab',"
                + " :content, :at)")
        .param("id", id)
        .param("content", new byte[] {1, 2, 3})
        .param("at", at)
        .update();
    jdbc.sql(
            "insert into answer_letter (complaint_id, dedup_key, language, file_name, content,"
                + " created_at) values (:id, 'answer', 'lv', 'atbilde.pdf', :content, :at)")
        .param("id", id)
        .param("content", new byte[] {4, 5, 6})
        .param("at", at)
        .update();
    long letter = jdbc.sql("select id from answer_letter").query(Long.class).single();
    jdbc.sql(
            "insert into outbound_message (complaint_id, kind, channel, recipient, language,"
                + " subject, body, delivery_state, dedup_key, created_at, reply_token)"
                + " values (:id, 'ACKNOWLEDGEMENT', 'EMAIL', 'anna@example.lv', 'lv', 'Sveiki',"
                + " 'Teksts', 'PENDING', 'ack', :at, 'token1')")
        .param("id", id)
        .param("at", at)
        .update();
    jdbc.sql(
            "insert into outbound_message (complaint_id, kind, channel, recipient, language,"
                + " subject, body, print_body, delivery_state, dedup_key, created_at, letter_id)"
                + " values (:id, 'ANSWER', 'POST', 'Rīga', 'lv', 'Atbilde', 'Teksts', 'Drukai',"
                + " 'SENT', 'answer', :at, :letter)")
        .param("id", id)
        .param("at", at)
        .param("letter", letter)
        .update();
    jdbc.sql(
            "insert into idempotent_submission (idempotency_key, request_hash, complaint_id,"
                + " access_code, response_due_date, created_at) values ('key1', 'hash', :id,"
                + " 'code', :due, :at)")
        .param("id", id)
        .param("due", java.sql.Date.valueOf("2026-04-09"))
        .param("at", at)
        .update();
    jdbc.sql(
            "insert into access_code_handover (complaint_id, access_code, expires_at)"
                + " values (:id, 'code', :at)")
        .param("id", id)
        .param("at", at)
        .update();
    String session = "00000000-0000-0000-0000-000000000001";
    session(session, registrationNumber);
    session(OTHER_SESSION, "2026-999999");
    return session;
  }

  private void session(String primaryId, String registrationNumber) {
    jdbc.sql(
            "insert into spring_session (primary_id, session_id, creation_time,"
                + " last_access_time, max_inactive_interval, expiry_time)"
                + " values (:id, :id, 0, 0, 1800, 1800000)")
        .param("id", primaryId)
        .update();
    jdbc.sql(
            "insert into spring_session_attributes (session_primary_id, attribute_name,"
                + " attribute_bytes) values (:id, :name, :bytes)")
        .param("id", primaryId)
        .param("name", SessionAnonymisation.CASE_ACCESS_ATTRIBUTE)
        .param("bytes", ("serialised " + registrationNumber + " code").getBytes(UTF_8))
        .update();
  }

  private int count(String sql) {
    return jdbc.sql(sql).query(Integer.class).single();
  }
}
