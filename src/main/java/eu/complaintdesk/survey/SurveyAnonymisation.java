package eu.complaintdesk.survey;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The survey's part of anonymising a case ({@code privacy/}): the customer's comment is removed and
 * the token (the customer's link) stops working; the score and the dates stay for the reports.
 */
@Component
public class SurveyAnonymisation {

  /** The token of an anonymised survey: no link is ever this (tokens are 32 Base64 characters). */
  static final String NO_TOKEN_PREFIX = "anonymised-";

  private final JdbcClient jdbc;

  SurveyAnonymisation(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Removes the comments and tokens of the case's surveys; how many comments there were. */
  public int anonymise(long complaintId) {
    int comments =
        jdbc.sql(
                "update survey set customer_comment = null"
                    + " where complaint_id = :id and customer_comment is not null")
            .param("id", complaintId)
            .update();
    jdbc.sql(
            "update survey set token = concat(:prefix, cast(id as varchar(20)))"
                + " where complaint_id = :id and token not like :pattern")
        .param("prefix", NO_TOKEN_PREFIX)
        .param("pattern", NO_TOKEN_PREFIX + "%")
        .param("id", complaintId)
        .update();
    return comments;
  }
}
