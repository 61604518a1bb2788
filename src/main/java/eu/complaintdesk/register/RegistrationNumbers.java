package eu.complaintdesk.register;

import eu.complaintdesk.calendar.WorkingCalendar;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * <p>A year's sequence is created ahead of need: when a node starts and once a day on every node
 * (the year before, this year and the next, so that a staff registration dated last year finds its
 * series, and a node running across New Year finds the new year's series ready). It starts after
 * the year's last number of the counter table that earlier releases used ({@code
 * registration_counter}, whose row of the year is then deleted in the same transaction). Only as a
 * last resort (an odd year) is it created when first needed: on PostgreSQL inside the registering
 * transaction itself (DDL is transactional there), so no second connection is taken while one is
 * held; on H2 (one node, any DDL would commit the registering transaction) over a connection of its
 * own.
 */
@Component
class RegistrationNumbers {

  private static final Logger LOG = LoggerFactory.getLogger(RegistrationNumbers.class);

  static final String GIVEN_UP = "complaints.registration.numbers.given.up";

  /**
   * The transaction's advisory lock under which a year's sequence is created on PostgreSQL
   * ("CmplNmbr"; not system/NodeStartupLock's key, which a starting node holds meanwhile).
   */
  static final long CREATION_LOCK = 0x436d706c4e6d6272L;

  /** How often every node makes sure this year's and next year's sequences exist. */
  static final Duration CHECK_EVERY = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final ZoneId zone;
  private final Clock clock;
  private final Counter givenUp;
  private final TransactionTemplate transactions;
  private final Set<Integer> yearsWithSequence = ConcurrentHashMap.newKeySet();
  private volatile Boolean postgres;

  RegistrationNumbers(
      JdbcClient jdbc,
      DataSource dataSource,
      WorkingCalendar calendar,
      Clock clock,
      MeterRegistry meters,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
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
   * At start-up (one node at a time, system/NodeStartupLock) and then once a day on every node, so
   * that no intake waits for the creation of a year's sequence, also on a node that runs across New
   * Year. The check is cheap and safe on several nodes at once (it creates only what is missing,
   * under a lock).
   */
  @Component
  static class AtStart implements ApplicationRunner, DisposableBean {

    private final RegistrationNumbers numbers;
    private final ScheduledExecutorService daily =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "registration-numbers-check");
              thread.setDaemon(true);
              return thread;
            });

    AtStart(RegistrationNumbers numbers) {
      this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
      numbers.prepare();
      long every = CHECK_EVERY.toMillis();
      daily.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    private void check() {
      try {
        numbers.prepare();
      } catch (RuntimeException e) {
        // tried again tomorrow; an intake would still create a missing year's sequence itself
        LOG.warn("Registration numbers not prepared ahead: {}", e.toString());
      }
    }

    @Override
    public void destroy() {
      daily.shutdownNow();
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
    if (postgres()) {
      // DDL is transactional here: joins the registering transaction (or opens one at start-up and
      // in the daily check), so no second connection is taken while one is held
      transactions.executeWithoutResult(status -> createInTransaction(year));
    } else {
      createOverOwnConnection(year);
    }
  }

  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      try (Connection connection = dataSource.getConnection()) {
        known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      } catch (SQLException e) {
        throw new IllegalStateException("Could not tell the database", e);
      }
      postgres = known;
    }
    return known;
  }

  /**
   * PostgreSQL: in the current transaction, under a transaction's advisory lock ({@link
   * #CREATION_LOCK}) so that two nodes creating the same sequence at once do not collide on the
   * catalogue's unique index (which would abort the registering transaction): the second waits,
   * then finds the sequence. The old counter's row is read {@code for update}, and the sequence
   * created after its number and the row deleted in the same transaction: a node of an earlier
   * release still running could not take a number in between (all of them must nevertheless be
   * stopped before this release starts: README "Upgrading").
   */
  private void createInTransaction(int year) {
    jdbc.sql("select true from (select pg_advisory_xact_lock(:key)) as locked")
        .param("key", CREATION_LOCK)
        .query(Boolean.class)
        .single();
    boolean exists =
        jdbc.sql(
                    "select count(*) from information_schema.sequences"
                        + " where sequence_schema = current_schema and lower(sequence_name) = :name")
                .param("name", sequenceName(year))
                .query(Long.class)
                .single()
            > 0;
    if (!exists) {
      long last =
          jdbc.sql(
                  "select last_number from registration_counter where counter_year = :year"
                      + " for update")
              .param("year", year)
              .query(Long.class)
              .optional()
              .orElse(0L);
      jdbc.sql("create sequence " + sequenceName(year) + " start with " + (last + 1) + " cache 1")
          .update();
      // the sequence carries the year's series on: its old counter row has served
      jdbc.sql("delete from registration_counter where counter_year = :year")
          .param("year", year)
          .update();
      LOG.info("Registration numbers of {} prepared", year);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              yearsWithSequence.add(year);
            }
          });
    } else {
      yearsWithSequence.add(year);
    }
  }

  /**
   * H2 (the single-node default run, where the pool is not contended): any DDL would commit the
   * registering transaction, so the sequence is created over a connection of its own, in a
   * transaction of its own.
   */
  private void createOverOwnConnection(int year) {
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
   * H2: creates the year's sequence after the last number earlier releases gave in that year, and
   * removes that year's row of their counter (only read here, once; one node, so nothing takes a
   * number in between).
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
      }
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
