package eu.complaintdesk.answer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The answer feature's part of anonymising a case ({@code privacy/}): drafts lose their text,
 * refusal reasons and review comment (their outcome, authors, dates and approval stay); inquiries
 * to other organisations lose the reply (the directory id of the organisation and the dates stay),
 * and so do their replies that came by e-mail.
 */
@Component
public class AnswerAnonymisation {

  private final JdbcClient jdbc;

  AnswerAnonymisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Empties the texts of the case's drafts; how many drafts still held a text. */
  public int anonymiseDrafts(long complaintId) {
    return jdbc.sql(
            "update answer_draft set draft_text = '', refusal_reasons = null,"
                + " review_comment = null where complaint_id = :id and (draft_text <> ''"
                + " or refusal_reasons is not null or review_comment is not null)")
        .param("id", complaintId)
        .update();
  }

  /** Removes the replies of the case's inquiries; how many replies there were. */
  public int anonymiseInquiries(long complaintId) {
    // issue 12: the replies that came by e-mail lose their text too
    jdbc.sql(
            "update inquiry_reply_email set reply_text = null"
                + " where complaint_id = :id and reply_text is not null")
        .param("id", complaintId)
        .update();
    int replies =
        jdbc.sql(
                "update external_inquiry set reply = null"
                    + " where complaint_id = :id and reply is not null")
            .param("id", complaintId)
            .update();
    // the questions are the handler's free text, which may quote the customer
    jdbc.sql(
            "update external_inquiry set question = null"
                + " where complaint_id = :id and question is not null")
        .param("id", complaintId)
        .update();
    jdbc.sql("delete from inquiry_question where complaint_id = :id")
        .param("id", complaintId)
        .update();
    return replies;
  }
}
