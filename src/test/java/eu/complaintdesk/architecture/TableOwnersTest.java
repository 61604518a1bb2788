package eu.complaintdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table (issue 10): each table of the migrations is written by the classes of exactly
 * one package. Other packages read it, or ask its owner to write. Where columns of one table carry
 * another feature's rule, that feature owns them (the deadline clock on the complaint row).
 *
 * <p>ArchUnit sees classes, not the SQL in their strings, so the writes are found by a scan of the
 * main sources: every {@code insert into}, {@code update … set}, {@code delete from}, {@code merge
 * into} (upserts included) in a string literal or text block, with literals joined by {@code +}.
 * The tables come from the Flyway migrations; a new table fails here until it is given an owner.
 */
class TableOwnersTest {

  private static final String BASE = "eu.complaintdesk";
  private static final Path MAIN = Path.of("src/main/java/eu/complaintdesk");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /** Table → the package (below {@code eu.complaintdesk}) whose classes alone write it. */
  static final Map<String, String> OWNERS =
      Map.ofEntries(
          // the complaint, its registration number and access code, and its timeline
          Map.entry("complaint", "register"),
          Map.entry("registration_counter", "register"),
          Map.entry("complaint_event", "register"),
          // drafts, the four-eyes review, inquiries to other organisations
          Map.entry("answer_draft", "answer"),
          Map.entry("external_inquiry", "answer"),
          Map.entry("survey", "survey"),
          Map.entry("customer_message", "customermessage"),
          // the public and staff intake: idempotent submissions, the receipt page's access code
          Map.entry("idempotent_submission", "intake"),
          Map.entry("access_code_handover", "intake"),
          Map.entry("attachment", "attachment"),
          // the e-mail inbox: e-mails taken in, failed attempts
          Map.entry("inbound_email", "inbox"),
          Map.entry("inbound_email_attempt", "inbox"),
          // the outbox and the answer letters (PDF), the post room
          Map.entry("outbound_message", "notification"),
          Map.entry("answer_letter", "notification"),
          // HTTP sessions: Spring Session JDBC writes them, configured (H2's upsert) in system/
          Map.entry("spring_session", "system"),
          Map.entry("spring_session_attributes", "system"),
          // who read what: staff reads of case files, attachments and letters (issue 11)
          Map.entry("case_read", "register"),
          // Issue 12, the morning digest (part B): one row per staff user and day
          Map.entry("staff_digest", "digest"),
          // issue 12 (engineer D): other organisations' replies that came by e-mail
          Map.entry("inquiry_reply_email", "answer"),
          // issue 12, engineer C: the question of a complaint's next inquiries
          Map.entry("inquiry_question", "answer"));

  /** Columns owned by another package than their table's: table.column → package. */
  static final Map<String, String> COLUMN_OWNERS = Map.of("complaint.clock_paused_at", "deadline");

  /** Tables that only a library writes (Spring Session's own SQL), so no statement of ours. */
  static final Set<String> WRITTEN_BY_LIBRARY = Set.of("spring_session");

  /** Spring Session's table name placeholder in its SQL. */
  private static final String SESSION_TABLE_PLACEHOLDER = "%table_name%";

  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
  private static final Pattern JOINED_LITERALS = Pattern.compile("\"\\s*\\+\\s*\"");

  private static final String TABLE = "([a-z_%][a-z0-9_%]*)";
  private static final Pattern INSERT =
      Pattern.compile("\\b(?:insert|merge)\\s+into\\s+" + TABLE + "\\s*(\\(([^)]*)\\))?");
  private static final Pattern UPDATE =
      Pattern.compile("\\bupdate\\s+" + TABLE + "\\s+set\\s+(.*?)(?:\\bwhere\\b|$)");
  private static final Pattern DELETE = Pattern.compile("\\bdelete\\s+from\\s+" + TABLE);
  private static final Pattern TRUNCATE = Pattern.compile("\\btruncate\\s+table\\s+" + TABLE);

  /** A write whose table is not in the literal (built from a variable): never allowed. */
  private static final Pattern DYNAMIC_TABLE =
      Pattern.compile("(?<!for )\\b(?:insert\\s+into|merge\\s+into|delete\\s+from|update)\\s*$");

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

  record Write(String file, String pkg, String table, Set<String> columns, String sql) {}

  @Test
  void everyTableOfTheMigrationsHasAnOwner() {
    Set<String> tables = migrationTables();

    assertThat(tables).as("tables created by the migrations").contains("complaint", "survey");
    assertThat(new TreeSet<>(tables))
        .as("tables of the migrations without an owner in TableOwnersTest.OWNERS")
        .isSubsetOf(OWNERS.keySet());
    assertThat(new TreeSet<>(OWNERS.keySet()))
        .as("owners of tables that no migration creates")
        .isSubsetOf(tables);
    String migrations = migrationText();
    COLUMN_OWNERS
        .keySet()
        .forEach(
            column ->
                assertThat(migrations)
                    .as("column %s in the migrations", column)
                    .contains(column.substring(column.indexOf('.') + 1)));
  }

  @Test
  void everyTableIsWrittenOnlyByItsOwner() {
    List<Write> writes = writes(MAIN);
    List<String> violations = violations(writes);

    Set<String> written = new HashSet<>();
    writes.forEach(write -> written.add(write.table()));
    assertThat(new TreeSet<>(written))
        .as("the scan finds the writes of every table but the library's")
        .containsAll(
            OWNERS.keySet().stream().filter(t -> !WRITTEN_BY_LIBRARY.contains(t)).toList());
    assertThat(violations).as("writes outside the table's (or column's) owner").isEmpty();
  }

  @Test
  void theScanSeesAWriteOutsideItsOwner() {
    List<Write> writes =
        writesIn(
            "reporting/Sneaky.java",
            "reporting",
            "class Sneaky { void x() { jdbc.sql(\"update survey set score = 1\"\n"
                + "  + \" where token = :t\"); jdbc.sql(\"\"\"\n"
                + "    update complaint set clock_paused_at = null where id = 1\n"
                + "    \"\"\"); jdbc.sql(\"insert into \" + table); } }");

    assertThat(violations(writes))
        .hasSize(3)
        .anyMatch(v -> v.startsWith("survey.score is owned by survey/"))
        .anyMatch(v -> v.startsWith("complaint.clock_paused_at is owned by deadline/"))
        .anyMatch(v -> v.startsWith("a write whose table is not named"));
  }

  /**
   * Only the owners of tables, and the packages that read several (reports, operations), use
   * Spring's JDBC: a page, a delegate or a listener asks the owner instead.
   */
  @Test
  void onlyOwnersAndReadersUseJdbc() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
    Set<String> allowed = new TreeSet<>(OWNERS.values());
    allowed.addAll(COLUMN_OWNERS.values());
    allowed.addAll(Set.of("reporting", "operations"));

    noClasses()
        .that()
        .resideOutsideOfPackages(
            allowed.stream().map(p -> BASE + "." + p + "..").toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework.jdbc.core..")
        .check(main);
  }

  // --- the scan -------------------------------------------------------------------------------

  static List<String> violations(List<Write> writes) {
    List<String> violations = new ArrayList<>();
    for (Write write : writes) {
      String where = write.file() + ": " + write.sql();
      if (write.table() == null) {
        violations.add("a write whose table is not named in the SQL, " + where);
        continue;
      }
      String owner = OWNERS.get(write.table());
      if (owner == null) {
        violations.add("table " + write.table() + " has no owner, " + where);
      } else if (write.columns().isEmpty()) {
        if (!owner.equals(write.pkg())) {
          violations.add(write.table() + " is owned by " + owner + "/, " + where);
        }
      } else {
        for (String column : write.columns()) {
          String key = write.table() + "." + column;
          String columnOwner = COLUMN_OWNERS.getOrDefault(key, owner);
          if (!columnOwner.equals(write.pkg())) {
            violations.add(key + " is owned by " + columnOwner + "/, " + where);
          }
        }
      }
    }
    return violations;
  }

  static List<Write> writes(Path root) {
    List<Write> writes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = root.relativize(file);
        String pkg = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
        writes.addAll(writesIn(relative.toString(), pkg, Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writes;
  }

  static List<Write> writesIn(String file, String pkg, String source) {
    List<String> literals = new ArrayList<>();
    Matcher blocks = TEXT_BLOCK.matcher(source);
    while (blocks.find()) {
      literals.add(blocks.group(1));
    }
    String joined =
        JOINED_LITERALS.matcher(TEXT_BLOCK.matcher(source).replaceAll("")).replaceAll("");
    Matcher strings = STRING_LITERAL.matcher(joined);
    while (strings.find()) {
      literals.add(strings.group(1));
    }
    List<Write> writes = new ArrayList<>();
    for (String literal : literals) {
      String sql = literal.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
      Matcher insert = INSERT.matcher(sql);
      while (insert.find()) {
        writes.add(
            new Write(file, pkg, table(insert.group(1)), columns(insert.group(3), false), sql));
      }
      Matcher update = UPDATE.matcher(sql);
      while (update.find()) {
        writes.add(
            new Write(file, pkg, table(update.group(1)), columns(update.group(2), true), sql));
      }
      for (Pattern pattern : List.of(DELETE, TRUNCATE)) {
        Matcher delete = pattern.matcher(sql);
        while (delete.find()) {
          writes.add(new Write(file, pkg, table(delete.group(1)), Set.of(), sql));
        }
      }
      if (DYNAMIC_TABLE.matcher(sql).find()) {
        writes.add(new Write(file, pkg, null, Set.of(), sql));
      }
    }
    return writes;
  }

  private static String table(String name) {
    return name.replace(SESSION_TABLE_PLACEHOLDER, "spring_session");
  }

  /** The columns of an insert's list or of an update's {@code set} clause. */
  private static Set<String> columns(String list, boolean assignments) {
    Set<String> columns = new TreeSet<>();
    if (list == null) {
      return columns;
    }
    int depth = 0;
    StringBuilder part = new StringBuilder();
    for (char c : (list + ",").toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        String item = part.toString().trim();
        if (assignments) {
          item = item.contains("=") ? item.substring(0, item.indexOf('=')).trim() : "";
        }
        if (item.matches("[a-z_][a-z0-9_]*")) {
          columns.add(item);
        }
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    return columns;
  }

  static Set<String> migrationTables() {
    Set<String> tables = new TreeSet<>();
    Matcher matcher = CREATE_TABLE.matcher(migrationText());
    while (matcher.find()) {
      tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
    }
    return tables;
  }

  private static String migrationText() {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      StringBuilder text = new StringBuilder();
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        text.append(Files.readString(file)).append('\n');
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
