package eu.complaintdesk.reporting;

import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.FeedbackType;
import eu.complaintdesk.register.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds up the key figures case by case, as the register's rows stream past: counts only, plus one
 * number per answered case for the median. Not thread-safe; one tally per report.
 */
final class KpiTally {

  static final String UNCLASSIFIED = "UNCLASSIFIED";

  private final Instant now;
  private long received;
  private final Map<String, Long> byFeedbackType = new LinkedHashMap<>();
  private final Map<String, Long> byChannel = new LinkedHashMap<>();
  private final Map<String, Long> byCategory = new TreeMap<>();
  private final Map<String, Long> outcomes = new LinkedHashMap<>();
  private long answered;
  private long onTime;
  private long late;
  private int[] workingDays = new int[64];
  private int workingDaysCount;
  private long complaints;
  private long extended;
  private long answeredComplaints;
  private long notFullyUpheld;
  private long appealNotices;
  private long invited;
  private long surveyAnswers;
  private long scoreSum;
  private final Map<String, Long> distribution = new LinkedHashMap<>();
  private long open;
  private long overdue;
  private long repeatComplaints;

  /** A tally whose backlog is taken at {@code now}. */
  KpiTally(Instant now) {
    this.now = now;
    for (FeedbackType type : FeedbackType.values()) {
      byFeedbackType.put(type.name(), 0L);
    }
    for (Channel channel : Channel.values()) {
      byChannel.put(channel.name(), 0L);
    }
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome.name(), 0L);
    }
    for (int score = 1; score <= 5; score++) {
      distribution.put(String.valueOf(score), 0L);
    }
  }

  void add(ReportedCase c) {
    received++;
    byFeedbackType.merge(orUnclassified(c.feedbackType()), 1L, Long::sum);
    byChannel.merge(c.channel(), 1L, Long::sum);
    byCategory.merge(orUnclassified(c.category()), 1L, Long::sum);
    if (c.answeredAt() != null) {
      answered++;
      if (Boolean.TRUE.equals(c.onTime())) {
        onTime++;
      } else if (Boolean.FALSE.equals(c.onTime())) {
        late++;
      }
      if (c.workingDaysToAnswer() != null) {
        addWorkingDays(c.workingDaysToAnswer());
      }
    }
    if (c.isComplaint()) {
      complaints++;
      if (c.extended()) {
        extended++;
      }
    }
    if (c.outcome() != null && c.answeredAt() != null) {
      answeredComplaints++;
      outcomes.merge(c.outcome(), 1L, Long::sum);
      if (!Outcome.UPHELD.name().equals(c.outcome())) {
        notFullyUpheld++;
      }
      if (c.appealNotice()) {
        appealNotices++;
      }
    }
    if (c.surveyInvited()) {
      invited++;
    }
    if (c.surveyScore() != null) {
      surveyAnswers++;
      scoreSum += c.surveyScore();
      distribution.merge(String.valueOf(c.surveyScore()), 1L, Long::sum);
    }
    if (c.isOpen()) {
      open++;
      if (c.isOverdue(now)) {
        overdue++;
      }
    }
    if (c.repeatComplaint()) {
      repeatComplaints++;
    }
  }

  Kpis result(ReportPeriod period, String zone, long openInRegister, long overdueInRegister) {
    int[] days = Arrays.copyOf(workingDays, workingDaysCount);
    return new Kpis(
        new Kpis.Period(period.from(), period.to(), zone),
        now,
        received,
        byFeedbackType,
        byChannel,
        byCategory,
        new Kpis.Timeliness(answered, onTime, late, ratio(onTime, onTime + late)),
        new Kpis.ResponseTime(days.length, median(days), average(days)),
        new Kpis.Extension(complaints, extended, ratio(extended, complaints)),
        new Kpis.AppealNotice(
            answeredComplaints,
            notFullyUpheld,
            appealNotices,
            ratio(appealNotices, answeredComplaints)),
        new Kpis.Satisfaction(
            invited,
            surveyAnswers,
            ratio(surveyAnswers, invited),
            surveyAnswers == 0 ? null : round((double) scoreSum / surveyAnswers, 2),
            distribution),
        new Kpis.Backlog(open, overdue, openInRegister, overdueInRegister),
        repeatComplaints,
        outcomes);
  }

  /** The median, the mean of the middle two for an even count; {@code null} for none. */
  static Double median(int[] values) {
    if (values.length == 0) {
      return null;
    }
    int[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1
        ? (double) sorted[middle]
        : round((sorted[middle - 1] + sorted[middle]) / 2.0, 2);
  }

  /** The arithmetic mean to two places; {@code null} for none. */
  static Double average(int[] values) {
    if (values.length == 0) {
      return null;
    }
    long sum = 0;
    for (int value : values) {
      sum += value;
    }
    return round((double) sum / values.length, 2);
  }

  /** {@code part / whole} to four places; {@code null} when {@code whole} is 0. */
  static Double ratio(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole, 4);
  }

  private static double round(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
  }

  private void addWorkingDays(int days) {
    if (workingDaysCount == workingDays.length) {
      workingDays = Arrays.copyOf(workingDays, workingDays.length * 2);
    }
    workingDays[workingDaysCount++] = days;
  }

  private static String orUnclassified(String code) {
    return code == null ? UNCLASSIFIED : code;
  }
}
