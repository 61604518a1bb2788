package eu.complaintdesk.register;

import eu.complaintdesk.calendar.WorkingCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands out registration numbers {@code <year>-<6 digits>}, per year of receipt in the
 * organisation's time zone, from a database sequence per year ({@code registration_number_<year>},
 * docs/adr/0015).
 *
 * <p>A sequence is incremented outside the transaction that takes the number and never locks:
 * concurrent intakes on any node do not wait for one another, the numbers are unique and increase
 * in the order they are taken. A registration that rolls back after taking its number leaves that
 * number unused for good (a gap); it is logged and counted ({@code
 * complaints_registration_numbers_given_up_total}).
 *
 * <p>A year's sequence is created when a node starts (the year before, this year and the next, so
 * that a staff registration dated last year finds its series) or when a year is first needed,
 * starting after the year's last number of the counter table that earlier releases used ({@code
 * registration_counter}, whose row of the year is then deleted). It is created over a connection of
 * its own, in a transaction of its own: on H2 any DDL would commit the registering transaction.
 */
@Component
class RegistrationNumbers {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationNumbers.class);

  static final String GIVEN_UP = "complaints.registration.numbers.given.up";

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final ZoneId zone;
  private final Clock clock;
  private final Counter givenUp;
  private final Set<Integer> yearsWithSequence = ConcurrentHashMap.newKeySet();

  RegistrationNumbers(
      JdbcClient jdbc,
      DataSource dataSource,
      WorkingCalendar calendar,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.zone = calendar.zone();
    this.clock = clock;
    this.givenUp =
        Counter.builder(GIVEN_UP)
            .description(
                "Registration numbers taken by a registration that then rolled back: gaps in the"
                    + " series (docs/adr/0015)")
            .register(meters);
  }

  /**
   * At start-up (one node at a time, system/NodeStartupLock), so that no intake waits for the
   * creation of a year's sequence.
   */
  @Component
  static class AtStart implements ApplicationRunner {

    private final RegistrationNumbers numbers;

    AtStart(RegistrationNumbers numbers) {
      this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
      numbers.prepare();
    }
  }

  /**
   * The next number of the year of {@code receivedAt}. Must run inside the transaction that stores
   * the complaint carrying the number; if that transaction rolls back, the number is given up.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public String next(Instant receivedAt) {
    int year = receivedAt.atZone(zone).getYear();
    ensureSequence(year);
    long value =
        jdbc.sql("select nextval('" + sequenceName(year) + "')").query(Long.class).single();
    String number = format(year, value);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              givenUp.increment();
              LOG.info("Registration number {} given up: its registration was rolled back", number);
            }
          }
        });
    return number;
  }

  static String format(int year, long value) {
    return String.format("%d-%06d", year, value);
  }

  static String sequenceName(int year) {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("Not a year of receipt: " + year);
    }
    return "registration_number_" + year;
  }

  /** Creates the sequences of last year, this year and next year if they are missing. */
  void prepare() {
    int year = clock.instant().atZone(zone).getYear();
    for (int y = year - 1; y <= year + 1; y++) {
      ensureSequence(y);
    }
  }

  private void ensureSequence(int year) {
    if (yearsWithSequence.contains(year)) {
      return;
    }
    synchronized (yearsWithSequence) {
      if (!yearsWithSequence.contains(year)) {
        try (Connection connection = dataSource.getConnection()) {
          if (!exists(connection, year)) {
            create(connection, year);
          }
        } catch (SQLException e) {
          throw new IllegalStateException("Could not prepare the numbers of " + year, e);
        }
        yearsWithSequence.add(year);
      }
    }
  }

  private static boolean exists(Connection connection, int year) throws SQLException {
    try (var statement =
        connection.prepareStatement(
            "select count(*) from information_schema.sequences"
                + " where sequence_schema = current_schema and lower(sequence_name) = ?")) {
      statement.setString(1, sequenceName(year));
      try (var rs = statement.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    }
  }

  /**
   * Creates the year's sequence after the last number earlier releases gave in that year, and
   * removes that year's row of their counter (only read here, once). Another node may create it at
   * the same moment: PostgreSQL then refuses one of the two {@code create … if not exists} on its
   * catalogue's unique index, and the sequence exists all the same.
   */
  private static void create(Connection connection, int year) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true);
    try {
      long last = 0;
      try (var statement =
          connection.prepareStatement(
              "select last_number from registration_counter where counter_year = ?")) {
        statement.setInt(1, year);
        try (var rs = statement.executeQuery()) {
          if (rs.next()) {
            last = rs.getLong(1);
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "create sequence if not exists "
                + sequenceName(year)
                + " start with "
                + (last + 1)
                + " cache 1");
      } catch (SQLException e) {
        if (!exists(connection, year)) {
          throw e;
        }
      }
      // the sequence carries the year's series on: its old counter row has served
      try (var statement =
          connection.prepareStatement("delete from registration_counter where counter_year = ?")) {
        statement.setInt(1, year);
        statement.executeUpdate();
      }
      LOG.info("Registration numbers of {} prepared", year);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
