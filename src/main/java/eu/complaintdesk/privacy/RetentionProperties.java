package eu.complaintdesk.privacy;

import java.time.LocalTime;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a closed case keeps what, bound from {@code complaints.retention}; counted from the day
 * the case closed (closed, closed as incomplete, withdrawn). Unset values get their defaults; a bad
 * value stops the start-up with a message naming the property.
 *
 * @param personalData how long a closed case keeps the customer's personal data and every text
 *     (then the case is anonymised); default 3 years
 * @param documents how long a closed case keeps its documents: attachments, answer letters, the
 *     bodies of messages sent; default as {@code personalData}, never longer
 * @param runAt when the nightly job runs, in the organisation's time zone; default 02:30
 * @param chunkSize cases per transaction of the job; default 50
 * @param enabled whether the nightly job runs on this node; default true
 */
@ConfigurationProperties("complaints.retention")
record RetentionProperties(
    Period personalData, Period documents, LocalTime runAt, Integer chunkSize, Boolean enabled) {

  static final Period DEFAULT_PERSONAL_DATA = Period.ofYears(3);
  static final LocalTime DEFAULT_RUN_AT = LocalTime.of(2, 30);
  static final int DEFAULT_CHUNK_SIZE = 50;
  static final int MAX_CHUNK_SIZE = 1000;

  /** Shorter than this would anonymise cases a customer may still appeal or ask about. */
  static final Period MIN_PERIOD = Period.ofDays(30);

  RetentionProperties {
    personalData = personalData == null ? DEFAULT_PERSONAL_DATA : personalData;
    documents = documents == null ? personalData : documents;
    runAt = runAt == null ? DEFAULT_RUN_AT : runAt;
    chunkSize = chunkSize == null ? DEFAULT_CHUNK_SIZE : chunkSize;
    enabled = enabled == null || enabled;
    requireAtLeastMinimum("personal-data", personalData);
    requireAtLeastMinimum("documents", documents);
    if (days(documents) > days(personalData)) {
      throw new IllegalArgumentException(
          "complaints.retention.documents ("
              + documents
              + ") must not be longer than complaints.retention.personal-data ("
              + personalData
              + "): anonymising a case removes its documents too");
    }
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "complaints.retention.chunk-size ("
              + chunkSize
              + ") must be between 1 and "
              + MAX_CHUNK_SIZE);
    }
  }

  private static void requireAtLeastMinimum(String name, Period period) {
    if (period.isNegative() || days(period) < days(MIN_PERIOD)) {
      throw new IllegalArgumentException(
          "complaints.retention."
              + name
              + " ("
              + period
              + ") must be at least "
              + MIN_PERIOD
              + " (an ISO-8601 period such as P3Y)");
    }
  }

  /** Approximate length in days, for comparing periods (a year as 365 days, a month as 30). */
  private static long days(Period period) {
    return period.getYears() * 365L + period.getMonths() * 30L + period.getDays();
  }
}
