package eu.complaintdesk.notification;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * At most {@code complaints.limits.acknowledgements-per-contact-per-day} (10) acknowledgements go
 * to one e-mail address or phone number in 24 hours: anyone may submit in a stranger's name, and
 * every SMS costs money. Counted in {@code outbound_message}, so all nodes share the count. An
 * acknowledgement beyond the cap is recorded as {@link DeliveryState#NOT_SENT} with the reason; the
 * complaint is registered and handled as always.
 *
 * <p>The decision is by the message's place among the acknowledgements to the same contact recorded
 * before it (lower id, within 24 hours before it, not themselves withheld), so a retried step
 * decides as the first run did. Two sends recorded at the same moment on two nodes may both pass at
 * the edge of the cap; one more message is the worst case.
 */
@Component
class AcknowledgementCap {

  static final Duration WINDOW = Duration.ofHours(24);

  /**
   * The contact as the SQL below compares it, the same as {@link #contact} does in Java: e-mail
   * without case and without a {@code +tag} in the local part ({@code anna+x@example.lv} is the
   * mailbox {@code anna@example.lv} for most providers); phone digits only, and of those the last
   * {@value #PHONE_DIGITS}.
   *
   * <p>The last eight digits stand for the national significant number: Latvian and Lithuanian
   * numbers have eight, so {@code +371 20000000}, {@code 0037120000000}, {@code 37120000000} and
   * {@code 20000000} are one contact, whatever international prefix ({@code +}, {@code 00}, none)
   * or trunk prefix is written. Two numbers of other countries that share their last eight digits
   * count as one, which only makes the cap stricter for them. (libphonenumber is not on the class
   * path, and a full parser would buy nothing here.) Both regular expressions run unchanged on
   * PostgreSQL and H2 ({@code [+]} needs no escaping; the e-mail one has a single match in an
   * address with one {@code @}, so first-match and all-matches replacement agree), except that
   * PostgreSQL replaces every match only with the flag {@code g}, which H2 refuses: see {@link
   * #phoneKey}.
   */
  static final int PHONE_DIGITS = 8;

  static final String EMAIL_KEY = "regexp_replace(lower(trim(recipient)), '[+][^@]*@', '@')";

  /** The phone key in SQL for the database product (JDBC's name: PostgreSQL, H2). */
  static String phoneKey(String databaseProduct) {
    String allMatches = "PostgreSQL".equals(databaseProduct) ? ", 'g'" : "";
    return "right(regexp_replace(recipient, '[^0-9]', ''" + allMatches + "), " + PHONE_DIGITS + ")";
  }

  private final JdbcClient jdbc;
  private final String phoneKey;
  private final int perDay;

  AcknowledgementCap(
      JdbcClient jdbc,
      DataSource dataSource,
      @Value("${complaints.limits.acknowledgements-per-contact-per-day:10}") int perDay)
      throws MetaDataAccessException {
    if (perDay <= 0) {
      throw new IllegalArgumentException(
          "complaints.limits.acknowledgements-per-contact-per-day must be positive");
    }
    this.jdbc = jdbc;
    this.phoneKey =
        phoneKey(
            JdbcUtils.extractDatabaseMetaData(
                dataSource, DatabaseMetaData::getDatabaseProductName));
    this.perDay = perDay;
  }

  /** Whether this recorded message is an acknowledgement beyond its contact's cap. */
  boolean isReached(OutboundMessage message) {
    if (message.kind() != NotificationKind.ACKNOWLEDGEMENT || message.recipient() == null) {
      return false;
    }
    String key;
    if (message.channel() == MessageChannel.EMAIL) {
      key = EMAIL_KEY;
    } else if (message.channel() == MessageChannel.SMS) {
      key = phoneKey;
    } else {
      return false;
    }
    long earlier =
        jdbc.sql(earlierSql(key))
            .param("kind", NotificationKind.ACKNOWLEDGEMENT.name())
            .param("channel", message.channel().name())
            .param("since", message.createdAt().minus(WINDOW).atOffset(ZoneOffset.UTC))
            .param("id", message.id())
            .param("withheld", DeliveryState.NOT_SENT.name())
            .param("contact", contact(message.channel(), message.recipient()))
            .query(Long.class)
            .single();
    return earlier >= perDay;
  }

  /**
   * The acknowledgements to the contact before this one: on PostgreSQL read through the index on
   * the contact's key (db/vendor/postgresql V24), which holds exactly these expressions.
   */
  static String earlierSql(String key) {
    return "select count(*) from outbound_message where kind = :kind and channel = :channel"
        + " and created_at > :since and id < :id and delivery_state <> :withheld and "
        + key
        + " = :contact";
  }

  /** Why a message was withheld, as kept with it (no personal data). */
  String reason() {
    return "Not sent: "
        + perDay
        + " acknowledgements went to this contact within 24 hours"
        + " (complaints.limits.acknowledgements-per-contact-per-day)";
  }

  /** The contact's key for the cap; see {@link #PHONE_DIGITS} for how it is normalised. */
  static String contact(MessageChannel channel, String recipient) {
    String value = recipient.strip();
    if (channel == MessageChannel.EMAIL) {
      return value.toLowerCase(Locale.ROOT).replaceFirst("[+][^@]*@", "@");
    }
    String digits = value.replaceAll("[^0-9]", "");
    return digits.substring(Math.max(0, digits.length() - PHONE_DIGITS));
  }
}
