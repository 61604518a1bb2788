package eu.complaintdesk.directory;

import eu.complaintdesk.register.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The rows of {@code OrganisationDirectory} checked: an id of lower-case letters, digits and single
 * hyphens (at most {@value #MAX_ID} characters), unique; a name of at most {@value #MAX_NAME}
 * characters in each language given; a known language ({@code lv}, {@code ru}, {@code lt}, {@code
 * en}); an e-mail address or nothing (reached by phone or post); answering in 1 to {@value
 * #MAX_DAYS} working days. A row that breaks a rule is named by its position and the rule, never by
 * its contents beyond the id.
 */
final class DirectoryRows {

  /** {@code external_inquiry.organisation_id} holds 100 characters. */
  static final int MAX_ID = 100;

  /** {@code external_inquiry.organisation} holds 200 characters. */
  static final int MAX_NAME = 200;

  static final int MAX_DAYS = 60;

  static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  /** Something@domain.tld, no spaces, no second @: a shape, not a proof. */
  static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");

  /** The entries of the rows that keep every rule, in order, and what is wrong with the others. */
  record Checked(List<DirectoryEntry> entries, List<String> problems) {}

  /**
   * The one DMN engine the directory is evaluated with, as the engine evaluates it (FEEL, no
   * inputs): by the reader of the deployed table and by the deployment rule. Thread-safe.
   */
  private static final DmnEngine DMN =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private DirectoryRows() {}

  /**
   * The rows of the model's {@code OrganisationDirectory} table, evaluated as the engine would
   * (FEEL, no inputs) and checked; {@link IllegalArgumentException} when the model has no such
   * decision or it cannot be evaluated without inputs.
   */
  static Checked evaluate(DmnModelInstance model) {
    try {
      DmnDecision decision = DMN.parseDecision(OrganisationDirectory.DECISION, model);
      List<Map<String, Object>> rows = new ArrayList<>();
      DMN.evaluateDecisionTable(decision, Variables.createVariables())
          .getResultList()
          .forEach(row -> rows.add(new LinkedHashMap<>(row)));
      return check(rows);
    } catch (RuntimeException broken) {
      throw new IllegalArgumentException(
          "OrganisationDirectory cannot be evaluated without inputs (hit policy COLLECT, no"
              + " inputs, one rule per organisation): "
              + broken.getMessage(),
          broken);
    }
  }

  static Checked check(List<Map<String, Object>> rows) {
    List<DirectoryEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      String where = "OrganisationDirectory row " + (i + 1);
      List<String> wrong = new ArrayList<>();
      String id = text(row, "organisationId");
      if (id == null || id.length() > MAX_ID || !ID.matcher(id).matches()) {
        wrong.add(
            "the id must be lower-case letters, digits and single hyphens (e.g."
                + " building-manager), at most "
                + MAX_ID
                + " characters");
      } else {
        where += " (" + id + ")";
        if (!ids.add(id)) {
          wrong.add("the id is used by an earlier row; each organisation needs its own id");
        }
      }
      Map<Language, String> names = new EnumMap<>(Language.class);
      for (Language language : Language.values()) {
        String name = text(row, "name" + capitalised(language));
        if (name != null) {
          if (name.length() > MAX_NAME) {
            wrong.add("the " + language + " name is longer than " + MAX_NAME + " characters");
          }
          names.put(language, name);
        }
      }
      String languageCode = text(row, "language");
      Language language = language(languageCode);
      if (language == null) {
        wrong.add("the language must be one of " + Arrays.toString(Language.values()));
      }
      String email = text(row, "email");
      if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
        wrong.add("the e-mail is not an address (leave it empty for one reached by phone or post)");
      }
      Object days = row.get("answerWorkingDays");
      int answerDays =
          days instanceof Number number && number.doubleValue() == number.intValue()
              ? number.intValue()
              : -1;
      if (answerDays < 1 || answerDays > MAX_DAYS) {
        wrong.add("the working days it answers in must be a whole number from 1 to " + MAX_DAYS);
      }
      if (wrong.isEmpty()) {
        entries.add(new DirectoryEntry(id, names, email, language, answerDays));
      } else {
        problems.add(where + ": " + String.join("; ", wrong) + ".");
      }
    }
    return new Checked(List.copyOf(entries), List.copyOf(problems));
  }

  private static Language language(String code) {
    if (code == null) {
      return null;
    }
    for (Language language : Language.values()) {
      if (language.name().equals(code.toLowerCase(Locale.ROOT))) {
        return language;
      }
    }
    return null;
  }

  private static String capitalised(Language language) {
    String code = language.name();
    return code.substring(0, 1).toUpperCase(Locale.ROOT) + code.substring(1);
  }

  private static String text(Map<String, Object> row, String name) {
    Object value = row.get(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
