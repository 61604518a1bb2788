package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.text.ForeignText;
import eu.complaintdesk.text.PluralForms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Issue 14: every customer message in every language holds no text of another language — each
 * customer notification (subject, body, SMS) rendered with realistic values, every customer
 * template and label (letters included), every page text, and the decision tables' texts that reach
 * customers. What counts as another language's text: {@link ForeignText}.
 */
class CustomerTextsInOneLanguageTest {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

  /** Templates of the organisation's staff and of other organisations, not of customers. */
  private static final Set<String> NOT_FOR_CUSTOMERS =
      Set.of("task", "DIGEST", "EXTERNAL_REPLY_TASK");

  private final NotificationTemplates templates =
      new NotificationTemplates(
          new String[] {"classpath:notifications/messages"},
          new WorkingCalendar(CalendarProperties.defaults()));

  // --- notifications ------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyCustomerMessageRenderedIsInItsLanguageOnly(Language language) {
    Set<String> findings = new java.util.LinkedHashSet<>();
    for (NotificationKind kind : NotificationKind.values()) {
      if (!kind.isForCustomer()) {
        continue;
      }
      for (String outcome : List.of("UPHELD", "PARTIALLY_UPHELD", "REJECTED")) {
        Values values = realisticValues(kind, language, outcome);
        for (MessageChannel channel : List.of(MessageChannel.EMAIL, MessageChannel.SMS)) {
          NotificationTemplates.Rendered rendered =
              templates.render(kind, language, values.all(), channel);
          if (kind == NotificationKind.EXTENSION_NOTICE && channel == MessageChannel.EMAIL) {
            // what the process puts in as a code is checked as the customer reads it
            assertThat(values.masked(rendered.body()))
                .contains(templates.label("extensionReason.EXTERNAL_INFORMATION", language));
          }
          check(
              kind + " " + channel + " subject",
              values.masked(rendered.subject()),
              language,
              findings);
          check(kind + " " + channel + " body", values.masked(rendered.body()), language, findings);
        }
      }
    }
    assertThat(findings).as("text of another language in %s messages", language).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyCustomerTemplateAndLabelIsInItsLanguageOnly(Language language) {
    Properties texts = PluralForms.texts("/notifications/messages_" + language + ".properties");
    List<String> findings = new ArrayList<>();
    for (String key : new TreeSet<>(texts.stringPropertyNames())) {
      if (key.endsWith("ileName")) {
        // the start of a download's file name (otvet-2026-000123.pdf): the word in plain ASCII
        // letters, so that every mail program and file system keeps it; Russian transliterated
        assertThat(texts.getProperty(key)).as("%s %s", language, key).matches("[a-z]+");
      } else if (isForCustomers(key)) {
        String text = PLACEHOLDER.matcher(texts.getProperty(key)).replaceAll(" ");
        check(key, text, language, findings);
      }
    }
    assertThat(findings).as("text of another language in %s templates", language).isEmpty();
  }

  /**
   * A key of a customer kind, or of no kind at all (labels: outcome, extension reason, letter); not
   * the templates of staff kinds and of messages to other organisations.
   */
  private static boolean isForCustomers(String key) {
    String prefix = key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
    if (NOT_FOR_CUSTOMERS.contains(prefix) || prefix.startsWith("EXTERNAL_")) {
      return false;
    }
    return Arrays.stream(NotificationKind.values())
        .filter(kind -> kind.name().equals(prefix))
        .allMatch(NotificationKind::isForCustomer);
  }

  // --- pages --------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyPageTextIsInItsLanguageOnly(Language language) {
    Properties texts = PluralForms.texts("/web/messages_" + language + ".properties");
    List<String> findings = new ArrayList<>();
    for (String key : new TreeSet<>(texts.stringPropertyNames())) {
      if (key.startsWith("language.")) {
        continue; // the language switch names each language in that language
      }
      String text = texts.getProperty(key);
      // as a page shows it: a count as a number, any other argument (a name, a date) left out
      Object[] arguments = {"", ""};
      PluralForms.pluralArguments(text).keySet().forEach(n -> arguments[Integer.parseInt(n)] = 5);
      check(key, new MessageFormat(text, language.locale()).format(arguments), language, findings);
    }
    assertThat(findings).as("text of another language in %s pages", language).isEmpty();
  }

  // --- decision tables ----------------------------------------------------------------------

  /**
   * Texts of the decision tables in a language: an output named for its language ({@code nameLv},
   * {@code authorityNameRu}) in that language; in a table with a country input (the appeal
   * authority), every text output of a country's row in the country's language.
   */
  @Test
  void decisionTableTextsAreInTheirLanguageOnly() throws Exception {
    List<String> findings = new ArrayList<>();
    int checked = 0;
    List<Path> tables;
    try (Stream<Path> files = Files.list(Path.of("dmn"))) {
      tables = files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
    }
    for (Path file : tables) {
      Document dmn = parse(file);
      NodeList decisionTables = dmn.getElementsByTagNameNS("*", "decisionTable");
      for (int t = 0; t < decisionTables.getLength(); t++) {
        Element table = (Element) decisionTables.item(t);
        List<Element> inputs = children(table, "input");
        List<Element> outputs = children(table, "output");
        int countryInput = -1;
        for (int i = 0; i < inputs.size(); i++) {
          if (inputs.get(i).getAttribute("label").equalsIgnoreCase("Country")) {
            countryInput = i;
          }
        }
        for (Element rule : children(table, "rule")) {
          List<Element> inputEntries = children(rule, "inputEntry");
          List<Element> outputEntries = children(rule, "outputEntry");
          String rowLanguage =
              countryInput < 0 ? null : countryLanguage(text(inputEntries.get(countryInput)));
          for (int o = 0; o < outputs.size(); o++) {
            String named = outputLanguage(outputs.get(o).getAttribute("name"));
            String language = named != null ? named : rowLanguage;
            String value = text(outputEntries.get(o));
            if (language == null || !value.startsWith("\"") || value.length() < 3) {
              continue;
            }
            checked++;
            List<String> found =
                ForeignText.findings(value.substring(1, value.length() - 1), language);
            String where = file.getFileName() + " " + rule.getAttribute("id");
            found.forEach(f -> findings.add(where + " (" + language + "): " + f));
          }
        }
      }
    }
    assertThat(checked).as("texts of the decision tables checked").isGreaterThan(30);
    assertThat(findings).as("text of another language in decision tables").isEmpty();
  }

  private static String outputLanguage(String name) {
    for (Language language : Language.values()) {
      String suffix =
          language.name().substring(0, 1).toUpperCase(Locale.ROOT) + language.name().substring(1);
      if (name.endsWith(suffix) && name.length() > 2) {
        return language.name();
      }
    }
    return null;
  }

  /** The language of a country's official texts: LV lv, LT lt, RU ru; other rows none. */
  private static String countryLanguage(String entry) {
    return switch (entry.strip()) {
      case "\"LV\"" -> "lv";
      case "\"LT\"" -> "lt";
      case "\"RU\"" -> "ru";
      default -> null;
    };
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> children = new ArrayList<>();
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && name.equals(element.getLocalName())) {
        children.add(element);
      }
    }
    return children;
  }

  private static String text(Element entry) {
    List<Element> text = children(entry, "text");
    return text.isEmpty() ? "" : text.get(0).getTextContent().strip();
  }

  // --- the check itself ---------------------------------------------------------------------

  @Test
  void theCheckFindsAnotherLanguagesTextAndLeavesAddressesNamesAndBracketsAlone() {
    assertThat(
            ForeignText.findings("Iemesls: Information from other organisations is needed", "lv"))
        .isNotEmpty();
    assertThat(ForeignText.findings("Причина: Information is needed", "ru")).isNotEmpty();
    assertThat(ForeignText.findings("Gavome jūsų prašymą. Paldies!", "lt")).isEmpty();
    assertThat(ForeignText.findings("Saņēmām jūsų prašymą", "lt")).isNotEmpty();
    assertThat(ForeignText.findings("Gavome Jūsu iesniegumą", "lv")).isNotEmpty();
    assertThat(ForeignText.findings("Jūsu iesniegums — Спасибо", "lv")).isNotEmpty();
    assertThat(ForeignText.findings("Your submission: Paldies, ka sazinājāties", "en"))
        .isNotEmpty();
    assertThat(ForeignText.findings("Ваше обращение получено: Thank you", "ru")).isNotEmpty();
    assertThat(
            ForeignText.findings(
                "Комиссия по регулированию общественных услуг (Sabiedrisko pakalpojumu"
                    + " regulēšanas komisija), https://www.sprk.gov.lv, sprk@sprk.gov.lv,"
                    + " файлы PDF или JPEG",
                "ru"))
        .isEmpty();
    assertThat(ForeignText.findings("Komisija (the Commission)", "lt")).isNotEmpty();
    assertThat(ForeignText.findings("Iesniegums ir reģistrēts, lūdzu, atveriet to", "lv"))
        .isEmpty();
  }

  /** The values of a message as the process gives them, and which of them are free text. */
  private record Values(Map<String, Object> all, List<String> free) {

    /** The text without the free values (names, numbers, links, texts staff wrote). */
    String masked(String text) {
      String masked = text;
      for (String value : free) {
        masked = masked.replace(value, " ");
      }
      return masked;
    }
  }

  private Values realisticValues(NotificationKind kind, Language language, String outcome) {
    Map<String, Object> all = new HashMap<>();
    List<String> free = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (String part : List.of(".subject", ".body", ".sms")) {
      String code = kind.name() + part;
      if (templates.labelOr(code, language, null) != null) {
        Matcher matcher = PLACEHOLDER.matcher(templates.template(code, language));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      }
    }
    LocalDate received = LocalDate.of(2026, 12, 7);
    for (String name : names) {
      Object value =
          switch (name) {
            case "outcome" -> outcome;
            case "extensionReason" -> "EXTERNAL_INFORMATION";
            case "receivedDate" -> received;
            case "responseDueDate", "newDueDate", "surveyExpiresDate" -> received.plusDays(21);
            case "informationDueDate" -> received.plusDays(10);
            case "missingInformation" -> List.of(free(language, "missing"), "2026-000123");
            default -> free(language, name);
          };
      all.put(name, value);
      if (value instanceof String text && !text.matches("[A-Z_]+")) {
        free.add(text);
      } else if (value instanceof List<?> items) {
        items.forEach(item -> free.add(item.toString()));
      }
    }
    return new Values(all, free);
  }

  /** A realistic free value in the language (masked before the check: names, links, texts). */
  private static String free(Language language, String name) {
    return switch (name) {
      case "registrationNumber" -> "2026-000123";
      case "accessCode" -> "K7QF-3M9P";
      case "statusLink", "statusPage" -> "https://klienti.example.lv/status";
      case "surveyLink" -> "https://klienti.example.lv/survey/9f2c1e";
      case "organisationName" -> "AS Rīgas siltums";
      case "customerName" -> "Anna Ozola";
      case "authorityName" -> "Sabiedrisko pakalpojumu regulēšanas komisija";
      case "authorityContacts" -> "Unijas iela 45, Rīga · +371 67097200 · https://www.sprk.gov.lv";
      default ->
          switch (language) {
            case lv -> "Rēķins par decembri ir pārrēķināts.";
            case ru -> "Счёт за декабрь пересчитан.";
            case lt -> "Gruodžio sąskaita perskaičiuota.";
            case en -> "The December bill has been recalculated.";
          };
    };
  }

  private static void check(
      String where, String text, Language language, java.util.Collection<String> findings) {
    ForeignText.findings(text, language.name())
        .forEach(found -> findings.add(language + " " + where + ": " + found));
  }
}
