package eu.complaintdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.intake.FeedbackTypeHint;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.FeedbackType;
import eu.complaintdesk.security.Groups;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The allowed values the tables declare ({@code inputValues} and {@code outputValues}, which
 * Camunda Modeler offers when a cell is edited and checks the cell against): every string cell of
 * such a column is one of them, and the lists are the code's lists where the code has one (the
 * enums, the routing groups, the registrar's form), so that neither side can drift.
 */
class DecisionValuesTest {

  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final Path CLASSIFY_FORM = Path.of("forms/Form_ClassifyComplaint.form");

  /** One FEEL string literal, as Modeler writes it. */
  private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");

  private static final Pattern LITERAL_LIST =
      Pattern.compile("\"[^\"\\\\]*\"(\\s*,\\s*\"[^\"\\\\]*\")*");

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** One FEEL number literal; a list of them, as Modeler writes a number column's values. */
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private static final Pattern NUMBER_LIST =
      Pattern.compile("-?\\d+(\\.\\d+)?(\\s*,\\s*-?\\d+(\\.\\d+)?)*");

  /** A column of a decision table: its variable (input expression or output name) and cells. */
  record Column(
      String file,
      String decision,
      String id,
      boolean input,
      String variable,
      String type,
      List<String> declared,
      List<Cell> cells) {

    @Override
    public String toString() {
      return decision + " " + (input ? "input " : "output ") + variable;
    }
  }

  record Cell(String id, String text) {}

  /** The closed domains by the variable that carries them, each from the code's own list. */
  static Map<String, List<String>> domains() throws IOException, ReflectiveOperationException {
    List<String> feedbackTypes = names(FeedbackType.values());
    List<String> categories = categoriesOfThePublicForm();
    List<String> priorities = optionsOfTheClassifyForm("priority");
    List<String> candidateGroups = new ArrayList<>(Groups.DEPARTMENTS);
    candidateGroups.add(Groups.PROCESS_OWNERS);
    return Map.ofEntries(
        Map.entry("feedbackType", feedbackTypes),
        Map.entry("suggestedFeedbackType", feedbackTypes),
        Map.entry("category", categories),
        Map.entry("suggestedCategory", categories),
        Map.entry("categoryHint", categories),
        Map.entry("priority", priorities),
        Map.entry("suggestedPriority", priorities),
        Map.entry("channel", names(Channel.values())),
        Map.entry("feedbackTypeHint", names(FeedbackTypeHint.values())),
        Map.entry("country", names(CalendarProperties.Country.values())),
        Map.entry("candidateGroup", candidateGroups));
  }

  static Stream<Column> columns() throws Exception {
    List<Column> columns = new ArrayList<>();
    for (Path file : DecisionFilesTest.dmnFiles().toList()) {
      Document dmn = parse(file);
      for (Element decision : children(dmn.getDocumentElement(), "decision")) {
        for (Element table : children(decision, "decisionTable")) {
          columns.addAll(columnsOf(file, decision.getAttribute("id"), table));
        }
      }
    }
    return columns.stream();
  }

  static Stream<Column> columnsOfKnownDomains() throws Exception {
    Set<String> known = domains().keySet();
    return columns().filter(c -> known.contains(c.variable()));
  }

  static Stream<Column> columnsWithDeclaredValues() throws Exception {
    return columns().filter(c -> c.declared() != null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columnsOfKnownDomains")
  void columnOfAClosedDomainDeclaresExactlyTheCodesValues(Column column) throws Exception {
    assertThat(column.declared())
        .as("allowed values of %s in %s (%s)", column, column.file(), column.id())
        .isNotNull()
        .containsExactlyInAnyOrderElementsOf(domains().get(column.variable()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("columnsWithDeclaredValues")
  void everyStringCellIsOneOfTheDeclaredValues(Column column) {
    assertThat(column.declared())
        .as("allowed values of %s", column)
        .isNotEmpty()
        .doesNotHaveDuplicates();
    for (Cell cell : column.cells()) {
      String text = cell.text().strip();
      if (column.input()) {
        if (text.isEmpty() || text.equals("-")) {
          continue;
        }
        String tests =
            text.startsWith("not(") && text.endsWith(")")
                ? text.substring(4, text.length() - 1).strip()
                : text;
        assertThat(LITERAL_LIST.matcher(tests).matches())
            .as(
                "%s: a cell of a column with allowed values lists string literals, not %s",
                cell.id(), text)
            .isTrue();
        assertThat(literals(tests)).as(cell.id()).isSubsetOf(column.declared());
      } else if (isNumber(column.type())) {
        assertThat(NUMBER.matcher(text).matches())
            .as("%s: an output cell of a number column is a number, not %s", cell.id(), text)
            .isTrue();
        assertThat(text).as(cell.id()).isIn(column.declared());
      } else if (LITERAL.matcher(text).matches()) {
        assertThat(literals(text)).as(cell.id()).isSubsetOf(column.declared());
      } else {
        assertThat(NAME.matcher(text).matches())
            .as(
                "%s: an output cell is a string literal or passes a variable on, not %s",
                cell.id(), text)
            .isTrue();
      }
    }
  }

  @Test
  void anInputThatReadsAnotherDecisionsOutputAllowsTheSameValues() throws Exception {
    List<Column> columns = columns().toList();
    List<String> checked = new ArrayList<>();
    for (Column input : columns) {
      for (Column output : columns) {
        if (input.input()
            && !output.input()
            && input.file().equals(output.file())
            && !input.decision().equals(output.decision())
            && input.variable().equals(output.variable())
            && output.declared() != null) {
          assertThat(input.declared())
              .as("allowed values of %s, which reads %s", input, output)
              .isNotNull()
              .containsExactlyInAnyOrderElementsOf(output.declared());
          checked.add(input.toString());
        }
      }
    }
    // the suggestions flow through the DRD SuggestClassification; a test that checks nothing fails
    assertThat(checked)
        .contains(
            "SuggestFeedbackType input recognisedWords",
            "SuggestCategory input recognisedWords",
            "SuggestFeedbackType input suggestedCategory",
            "SuggestClassification input suggestedFeedbackType");
  }

  @Test
  void everyClosedDomainIsDeclaredByAtLeastOneTable() throws Exception {
    Set<String> variables = new TreeSet<>();
    columns().filter(c -> c.declared() != null).forEach(c -> variables.add(c.variable()));
    assertThat(variables).containsAll(domains().keySet());
  }

  @Test
  void theCategoriesOfTheTablesAreThoseTheRegistrarAndTheCustomerChooseFrom() throws Exception {
    assertThat(optionsOfTheClassifyForm("category"))
        .containsExactlyElementsOf(categoriesOfThePublicForm());
    assertThat(optionsOfTheClassifyForm("feedbackType"))
        .containsExactlyInAnyOrderElementsOf(names(FeedbackType.values()));
  }

  // ------------------------------------------------------------------ reading the files

  private static List<Column> columnsOf(Path file, String decision, Element table) {
    List<Element> inputs = children(table, "input");
    List<Element> outputs = children(table, "output");
    List<Element> rules = children(table, "rule");
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Element input = inputs.get(i);
      Element expression = children(input, "inputExpression").get(0);
      columns.add(
          new Column(
              file.getFileName().toString(),
              decision,
              input.getAttribute("id"),
              true,
              text(expression).strip(),
              expression.getAttribute("typeRef"),
              declared(input, "inputValues", expression.getAttribute("typeRef")),
              cells(rules, "inputEntry", i)));
    }
    for (int i = 0; i < outputs.size(); i++) {
      Element output = outputs.get(i);
      columns.add(
          new Column(
              file.getFileName().toString(),
              decision,
              output.getAttribute("id"),
              false,
              output.getAttribute("name"),
              output.getAttribute("typeRef"),
              declared(output, "outputValues", output.getAttribute("typeRef")),
              cells(rules, "outputEntry", i)));
    }
    return columns;
  }

  private static List<Cell> cells(List<Element> rules, String entry, int column) {
    List<Cell> cells = new ArrayList<>();
    for (Element rule : rules) {
      Element cell = children(rule, entry).get(column);
      cells.add(new Cell(cell.getAttribute("id"), text(cell)));
    }
    return cells;
  }

  private static List<String> declared(Element clause, String name, String type) {
    List<Element> values = children(clause, name);
    if (values.isEmpty()) {
      return null;
    }
    String text = text(values.get(0)).strip();
    if (isNumber(type)) {
      assertThat(NUMBER_LIST.matcher(text).matches())
          .as("%s of %s: a comma-separated list of numbers", name, clause.getAttribute("id"))
          .isTrue();
      return List.of(text.split("\\s*,\\s*"));
    }
    assertThat(LITERAL_LIST.matcher(text).matches())
        .as("%s of %s: a comma-separated list of string literals", name, clause.getAttribute("id"))
        .isTrue();
    return literals(text);
  }

  private static boolean isNumber(String type) {
    return List.of("integer", "long", "double").contains(type);
  }

  private static List<String> literals(String text) {
    List<String> literals = new ArrayList<>();
    Matcher matcher = LITERAL.matcher(text);
    while (matcher.find()) {
      literals.add(matcher.group(1));
    }
    return literals;
  }

  private static String text(Element element) {
    List<Element> text = children(element, "text");
    return text.isEmpty() ? "" : text.get(0).getTextContent();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element child
          && DMN_NS.equals(child.getNamespaceURI())
          && name.equals(child.getLocalName())) {
        children.add(child);
      }
    }
    return children;
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** The options of a select field of the registrar's form (Modeler shows the same list). */
  private static List<String> optionsOfTheClassifyForm(String key) throws IOException {
    List<String> options = new ArrayList<>();
    collectOptions(new ObjectMapper().readTree(Files.readString(CLASSIFY_FORM)), key, options);
    assertThat(options).as("options of %s in %s", key, CLASSIFY_FORM).isNotEmpty();
    return options;
  }

  private static void collectOptions(JsonNode node, String key, List<String> options) {
    for (JsonNode component : node.path("components")) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(v -> options.add(v.path("value").asText()));
      }
      collectOptions(component, key, options);
    }
  }

  /**
   * The contract's categories, as the public form offers them ({@code web.Categories}, package
   * private there; read here rather than copied, so that a category added there fails this test
   * until the tables know it).
   */
  @SuppressWarnings("unchecked")
  private static List<String> categoriesOfThePublicForm() throws ReflectiveOperationException {
    Field codes = Class.forName("eu.complaintdesk.web.Categories").getDeclaredField("CODES");
    codes.setAccessible(true);
    return (List<String>) codes.get(null);
  }
}
