package eu.complaintdesk.register;

import eu.complaintdesk.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out registration numbers {@code <year>-<6 digits>}, gap-free per year of receipt in the
 * organisation's time zone.
 *
 * <p>The counter row of the year is incremented with {@code UPDATE}, which locks it until the
 * registering transaction ends: concurrent intakes queue on the row, and a rolled-back registration
 * gives its number back. The first registration of a year inserts the row; when two do so at once,
 * the loser's insert fails on the primary key inside a savepoint and it retries the update, which
 * then waits for the winner.
 */
@Component
class RegistrationNumbers {

  private static final int ATTEMPTS = 5;

  private final JdbcClient jdbc;
  private final TransactionTemplate savepoint;
  private final ZoneId zone;

  RegistrationNumbers(
      JdbcClient jdbc, PlatformTransactionManager transactionManager, WorkingCalendar calendar) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.zone = calendar.zone();
  }

  /** Must run inside the transaction that stores the complaint carrying the number. */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(Instant receivedAt) {
    int year = receivedAt.atZone(zone).getYear();
    return format(year, nextValue(year));
  }

  static String format(int year, long value) {
    return String.format("%d-%06d", year, value);
  }

  private long nextValue(int year) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      int updated =
          jdbc.sql(
                  "update registration_counter set last_number = last_number + 1"
                      + " where counter_year = :year")
              .param("year", year)
              .update();
      if (updated == 1) {
        return jdbc.sql("select last_number from registration_counter where counter_year = :year")
            .param("year", year)
            .query(Long.class)
            .single();
      }
      try {
        savepoint.executeWithoutResult(
            status ->
                jdbc.sql(
                        "insert into registration_counter (counter_year, last_number)"
                            + " values (:year, 1)")
                    .param("year", year)
                    .update());
        return 1;
      } catch (DuplicateKeyException | ConcurrencyFailureException e) {
        // another intake created the year's row first: increment it on the next attempt
      }
    }
    throw new IllegalStateException("Could not allocate a registration number for " + year);
  }
}
