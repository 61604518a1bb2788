package eu.complaintdesk.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.springframework.jdbc.support.KeyHolder;

/**
 * How the register's tables take and give values, for every package that owns one of them: instants
 * as UTC {@link OffsetDateTime} (which both H2 and PgJDBC map natively), blank texts as null.
 */
public final class SqlValues {

  private SqlValues() {}

  public static OffsetDateTime toDb(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static Instant fromDb(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    return fromDb(rs.getObject(column, OffsetDateTime.class));
  }

  /** The id the database gave the row just inserted. */
  public static long generatedId(KeyHolder key) {
    return Objects.requireNonNull(key.getKeyAs(Long.class), "generated id");
  }

  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
