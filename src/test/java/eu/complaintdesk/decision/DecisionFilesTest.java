package eu.complaintdesk.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks every file in {@code dmn/}: deployable, history time to live, diagram, labelled table. */
class DecisionFilesTest {

  private static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  private static final String DMNDI_NS = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";

  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  static Stream<Path> dmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(DecisionTester.DMN_DIRECTORY)) {
      return files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList().stream();
    }
  }

  @Test
  void theDecisionsOfTheContractExist() throws IOException {
    assertThat(dmnFiles().map(f -> f.getFileName().toString()))
        .contains(
            "SuggestClassification.dmn",
            "RequiredInformation.dmn",
            "RouteComplaint.dmn",
            "DeadlinePolicy.dmn",
            "AppealAuthority.dmn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void fileIsNamedAfterADecisionTheEngineCanParse(Path file) throws IOException {
    String id = file.getFileName().toString().replaceFirst("\\.dmn$", "");
    try (InputStream in = Files.newInputStream(file)) {
      List<DmnDecision> decisions = ENGINE.parseDecisions(in);
      assertThat(decisions).extracting(DmnDecision::getKey).contains(id);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void isDmn13WithHistoryTimeToLiveOnEveryDecision(Path file) throws Exception {
    Document dmn = parse(file);
    assertThat(dmn.getDocumentElement().getNamespaceURI()).isEqualTo(DMN_NS);
    List<Element> decisions = elements(dmn, DMN_NS, "decision");
    assertThat(decisions).isNotEmpty();
    for (Element decision : decisions) {
      assertThat(decision.getAttributeNS(CAMUNDA_NS, "historyTimeToLive"))
          .as("historyTimeToLive of %s", decision.getAttribute("id"))
          .isEqualTo("180");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void diagramShowsEveryDecisionInputDataAndRequirement(Path file) throws Exception {
    Document dmn = parse(file);
    Set<String> shapes = refs(elements(dmn, DMNDI_NS, "DMNShape"));
    Set<String> edges = refs(elements(dmn, DMNDI_NS, "DMNEdge"));

    assertThat(elements(dmn, DMNDI_NS, "DMNDiagram")).hasSize(1);
    assertThat(shapes).containsAll(ids(elements(dmn, DMN_NS, "decision")));
    assertThat(shapes).containsAll(ids(elements(dmn, DMN_NS, "inputData")));
    assertThat(edges).containsAll(ids(elements(dmn, DMN_NS, "informationRequirement")));
    for (Element bounds : elements(dmn, "http://www.omg.org/spec/DMN/20180521/DC/", "Bounds")) {
      assertThat(Double.parseDouble(bounds.getAttribute("width"))).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dmnFiles")
  void tablesHaveAHitPolicyAndLabelledTypedInputsAndOutputs(Path file) throws Exception {
    Document dmn = parse(file);
    for (Element table : elements(dmn, DMN_NS, "decisionTable")) {
      // COLLECT only for a list of entries (the directory), never for a rule that decides.
      assertThat(table.getAttribute("hitPolicy"))
          .as("hit policy")
          .isIn(
              "UNIQUE", "FIRST", file.endsWith("OrganisationDirectory.dmn") ? "COLLECT" : "FIRST");
    }
    for (Element input : elements(dmn, DMN_NS, "input")) {
      assertThat(input.getAttribute("label"))
          .as("label of %s", input.getAttribute("id"))
          .isNotBlank();
      Element expression =
          (Element) input.getElementsByTagNameNS(DMN_NS, "inputExpression").item(0);
      assertThat(expression.getAttribute("typeRef"))
          .as("type of %s", input.getAttribute("id"))
          .isNotBlank();
    }
    for (Element output : elements(dmn, DMN_NS, "output")) {
      assertThat(output.getAttribute("label"))
          .as("label of %s", output.getAttribute("id"))
          .isNotBlank();
      assertThat(output.getAttribute("name")).isNotBlank();
      assertThat(output.getAttribute("typeRef")).isNotBlank();
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> elements(Document document, String namespace, String name) {
    NodeList nodes = document.getElementsByTagNameNS(namespace, name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static Set<String> ids(List<Element> elements) {
    Set<String> ids = new TreeSet<>();
    elements.forEach(e -> ids.add(e.getAttribute("id")));
    return ids;
  }

  private static Set<String> refs(List<Element> elements) {
    Set<String> refs = new TreeSet<>();
    elements.forEach(e -> refs.add(e.getAttribute("dmnElementRef")));
    return refs;
  }
}
