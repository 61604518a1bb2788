package eu.complaintdesk.reporting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The managers' key figures for the cases received in a period. Rates are fractions 0–1 rounded to
 * four places, {@code null} when nothing was there to count; averages are rounded to two places.
 */
@Schema(
    description =
        "Key figures of the cases received in the period (receivedAt from the first day's 00:00 to"
            + " the end of the last day, in the calendar's time zone), all from the complaint"
            + " register. Rates are fractions 0-1 (4 places), null when their denominator is 0.")
record Kpis(
    @Schema(description = "The period, both days inclusive, and the time zone of its days")
        Period period,
    @Schema(description = "When the figures were computed") Instant generatedAt,
    @Schema(description = "Cases received in the period") long received,
    @Schema(
            description =
                "Received cases per feedback type (every type listed; UNCLASSIFIED: not yet"
                    + " classified)")
        Map<String, Long> byFeedbackType,
    @Schema(description = "Received cases per channel (every channel listed)")
        Map<String, Long> byChannel,
    @Schema(
            description =
                "Received cases per category (categories that occur; UNCLASSIFIED: not yet"
                    + " classified)")
        Map<String, Long> byCategory,
    Timeliness timeliness,
    ResponseTime responseTime,
    Extension extension,
    AppealNotice appealNotice,
    Satisfaction satisfaction,
    Backlog backlog,
    @Schema(description = "Received cases flagged as repeat complaints at classification")
        long repeatComplaints,
    @Schema(
            description =
                "Decisions on the received complaints that were answered: UPHELD,"
                    + " PARTIALLY_UPHELD, REJECTED (all three listed)")
        Map<String, Long> outcomes) {

  record Period(LocalDate from, LocalDate to, String zone) {}

  @Schema(
      description =
          "Answered cases (answeredAt set: complaints, proposals, information requests) and"
              + " whether they were answered by their due date")
  record Timeliness(
      @Schema(description = "Received cases that have been answered") long answered,
      @Schema(
              description =
                  "Answered at or before responseDueAt (the due date in force, extended"
                      + " or moved by a paused clock)")
          long onTime,
      @Schema(description = "Answered after responseDueAt") long late,
      @Schema(
              description =
                  "onTime / (onTime + late); answered cases without a due date are left" + " out")
          Double onTimeRate) {}

  @Schema(
      description =
          "Working days from receipt to answer, per answered case: the working days after the day"
              + " of effective receipt (outside working hours: the next opening) up to and"
              + " including the day of the answer; answered the same working day = 0; time the"
              + " clock was paused counts")
  record ResponseTime(
      @Schema(description = "Answered cases counted") long answered,
      @Schema(
              description =
                  "Median of the working days (mean of the middle two for an even" + " count)")
          Double medianWorkingDays,
      @Schema(description = "Arithmetic mean of the working days") Double averageWorkingDays) {}

  @Schema(description = "Deadline extensions (to 20 working days) among received complaints")
  record Extension(
      @Schema(
              description =
                  "Received cases classified as SERVICE_COMPLAINT or"
                      + " CUSTOMER_SERVICE_COMPLAINT")
          long complaints,
      @Schema(description = "Of them, with the deadline extended") long extended,
      @Schema(description = "extended / complaints") Double rate) {}

  @Schema(
      description =
          "Appeal notices among answered complaints (an APPEAL_NOTICE entry in the case's"
              + " timeline, written when the notice of the right to appeal is sent)")
  record AppealNotice(
      @Schema(description = "Received complaints answered with a decision (outcome set)")
          long answeredComplaints,
      @Schema(description = "Of them, PARTIALLY_UPHELD or REJECTED") long notFullyUpheld,
      @Schema(description = "Of them, with an appeal notice sent") long appealNotices,
      @Schema(description = "appealNotices / answeredComplaints") Double rate) {}

  @Schema(description = "Satisfaction surveys of the received cases")
  record Satisfaction(
      @Schema(description = "Cases whose customer was invited to a survey") long invited,
      @Schema(description = "Cases whose survey was answered (the latest answer counts)")
          long answers,
      @Schema(description = "answers / invited") Double responseRate,
      @Schema(description = "Mean score 1-5 of the answers") Double averageScore,
      @Schema(description = "Answers per score, \"1\" to \"5\" (all listed)")
          Map<String, Long> distribution) {}

  @Schema(
      description =
          "Open cases now: status not ANSWERED, CLOSED, CLOSED_INCOMPLETE or WITHDRAWN; overdue:"
              + " open, past responseDueAt and not waiting for the customer"
              + " (AWAITING_INFORMATION: the clock stands still)")
  record Backlog(
      @Schema(description = "Received in the period and open now") long open,
      @Schema(description = "Received in the period, open and overdue now") long overdue,
      @Schema(description = "Open now in the whole register, whenever received")
          long openInRegister,
      @Schema(description = "Open and overdue now in the whole register") long overdueInRegister) {}
}
