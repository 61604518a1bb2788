package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.testing.TestDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cap's contact key: every way of writing one phone number or one mailbox gives one key, in
 * Java ({@link AcknowledgementCap#contact}) and in the SQL that counts the earlier messages, on H2
 * (the default local database) and PostgreSQL alike.
 */
class AcknowledgementCapTest {

  static final List<String> ONE_PHONE =
      List.of(
          "+37120000000",
          "0037120000000",
          "37120000000",
          "20000000",
          "+371 2000 0000",
          "+371 (200) 00-000",
          " 00 371 20.00.00.00 ");

  static final List<String> ONE_MAILBOX =
      List.of(
          "anna@example.lv",
          "Anna@Example.LV",
          " anna+complaints@example.lv",
          "ANNA+a+b@EXAMPLE.LV",
          "anna+@example.lv");

  @Test
  void everyWritingOfOnePhoneNumberIsOneContact() {
    assertThat(ONE_PHONE)
        .extracting(phone -> AcknowledgementCap.contact(MessageChannel.SMS, phone))
        .containsOnly("20000000");
    assertThat(AcknowledgementCap.contact(MessageChannel.SMS, "+370 612 34567"))
        .isEqualTo("61234567");
    assertThat(AcknowledgementCap.contact(MessageChannel.SMS, "8 612 34567"))
        .as("Lithuanian trunk prefix")
        .isEqualTo("61234567");
    assertThat(AcknowledgementCap.contact(MessageChannel.SMS, "+371 20000001"))
        .isNotEqualTo("20000000");
    assertThat(AcknowledgementCap.contact(MessageChannel.SMS, "112")).isEqualTo("112");
  }

  @Test
  void everyWritingOfOneMailboxIsOneContact() {
    assertThat(ONE_MAILBOX)
        .extracting(address -> AcknowledgementCap.contact(MessageChannel.EMAIL, address))
        .containsOnly("anna@example.lv");
    assertThat(AcknowledgementCap.contact(MessageChannel.EMAIL, "anna.ozola@example.lv"))
        .isEqualTo("anna.ozola@example.lv");
    assertThat(AcknowledgementCap.contact(MessageChannel.EMAIL, "janis@example.lv"))
        .isNotEqualTo("anna@example.lv");
  }

  @Test
  void theSqlKeysAgreeWithJavaOnH2() throws Exception {
    assertSqlAgrees(TestDatabases.h2("acknowledgement-cap"), "H2");
  }

  @Test
  void theSqlKeysAgreeWithJavaOnPostgres() throws Exception {
    assertSqlAgrees(TestDatabases.postgres(), "PostgreSQL");
  }

  @Test
  void onPostgresTheCountReadsTheContactsOwnMessagesThroughItsIndex() throws Exception {
    DataSource postgres = TestDatabases.postgres();
    String[][] keys = {
      {AcknowledgementCap.EMAIL_KEY, "ix_outbound_message_email_contact"},
      {AcknowledgementCap.phoneKey("PostgreSQL"), "ix_outbound_message_phone_contact"}
    };
    for (String[] key : keys) {
      String sql =
          AcknowledgementCap.earlierSql(key[0])
              .replace(":kind", "'ACKNOWLEDGEMENT'")
              .replace(":channel", "'EMAIL'")
              .replace(":since", "now() - interval '1 day'")
              .replace(":id", "1000")
              .replace(":withheld", "'NOT_SENT'")
              .replace(":contact", "'anna@example.lv'");
      try (java.sql.Connection c = postgres.getConnection();
          java.sql.Statement s = c.createStatement()) {
        c.setAutoCommit(false);
        // in a transaction rolled back below: without the table scan and the other indexes, the
        // key's index is the way to the rows, and the key is its condition only if the count's
        // expression is the index's expression
        s.execute("set local enable_seqscan = off");
        s.execute("set local enable_bitmapscan = off");
        List<String> others = new java.util.ArrayList<>();
        try (java.sql.ResultSet rows =
            s.executeQuery(
                "select i.relname, con.conname from pg_index x join pg_class i on i.oid ="
                    + " x.indexrelid left join pg_constraint con on con.conindid = x.indexrelid"
                    + " where x.indrelid = 'outbound_message'::regclass and not x.indisprimary"
                    + " and i.relname <> '"
                    + key[1]
                    + "'")) {
          while (rows.next()) {
            others.add(
                rows.getString(2) == null
                    ? "drop index " + rows.getString(1)
                    : "alter table outbound_message drop constraint " + rows.getString(2));
          }
        }
        for (String drop : others) {
          s.execute(drop);
        }
        List<String> plan = new java.util.ArrayList<>();
        try (java.sql.ResultSet rows = s.executeQuery("explain " + sql)) {
          while (rows.next()) {
            plan.add(rows.getString(1));
          }
        }
        c.rollback();
        assertThat(String.join("\n", plan)).as(key[0]).contains("using " + key[1]);
        assertThat(plan)
            .as(key[0])
            .anyMatch(line -> line.contains("Index Cond") && line.contains("regexp_replace"));
      }
    }
  }

  private static void assertSqlAgrees(DataSource dataSource, String product) throws Exception {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    assertThat(
            org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(
                dataSource, java.sql.DatabaseMetaData::getDatabaseProductName))
        .isEqualTo(product);
    for (String phone : ONE_PHONE) {
      assertThat(key(jdbc, AcknowledgementCap.phoneKey(product), phone))
          .as(phone)
          .isEqualTo(AcknowledgementCap.contact(MessageChannel.SMS, phone));
    }
    assertThat(key(jdbc, AcknowledgementCap.phoneKey(product), "112")).isEqualTo("112");
    for (String address : ONE_MAILBOX) {
      assertThat(key(jdbc, AcknowledgementCap.EMAIL_KEY, address))
          .as(address)
          .isEqualTo(AcknowledgementCap.contact(MessageChannel.EMAIL, address));
    }
    assertThat(key(jdbc, AcknowledgementCap.EMAIL_KEY, "anna.ozola@example.lv"))
        .isEqualTo("anna.ozola@example.lv");
  }

  private static String key(JdbcClient jdbc, String expression, String recipient) {
    return jdbc.sql(
            "select "
                + expression
                + " from (select cast(:recipient as varchar(500)) as recipient) t")
        .param("recipient", recipient)
        .query(String.class)
        .single();
  }
}
