package eu.complaintdesk.engine;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.BpmnParseFactory;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;

/**
 * Refuses a newly deployed BPMN model that could run code: a script anywhere (script task, script
 * in a listener, an input/output mapping or a condition), a Java class ({@code camunda:class},
 * {@code …Class} attributes, a form field validator), a connector, or an expression of another
 * shape than {@link ExpressionShapes} allows — in any attribute or element text of the model —, a
 * form that Tasklist would insert as HTML (a form key other than a Camunda Form of the deployment,
 * a generated form), and markup that a browser opening the file would run ({@link BrowserMarkup}).
 * Each finding is a parse error naming the element's id, so the deployment fails as a whole ({@code
 * ParseException}, which engine REST answers with 400 and the errors per resource).
 *
 * <p>It walks the whole tree the engine itself parsed (no second parser that could read the file
 * differently) rather than hooking each element type, so that an element or attribute the engine
 * learns to evaluate later is covered too. It runs inside the engine's parse, before the engine
 * reads the model, because a parse listener gets neither the parse (to report every finding) nor
 * its deployment. Only new deployments are checked: the engine parses older deployments again when
 * it loads them into its cache, and a running case of an earlier version must keep working.
 */
final class BpmnCodeCheck {

  private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** Element texts that the engine never evaluates. */
  private static final Set<String> PROSE = Set.of("documentation", "text");

  /** Diagram interchange: shapes and edges, never evaluated. */
  private static final Set<String> DIAGRAM =
      Set.of(
          "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI");

  /**
   * The only form key allowed: a Camunda Form (JSON, rendered by form-js) of the same deployment.
   * The engine serves any resource of the deployment for {@code embedded:deployment:<name>} — the
   * model itself included — and Tasklist inserts it as HTML and runs its {@code <script
   * cam-script>}; {@code app:}, {@code engine:} and plain keys make Tasklist load or link any URL.
   * {@code camunda:formRef} (what our models use) names a Camunda Form as well.
   */
  private static final Pattern CAMUNDA_FORM_KEY =
      Pattern.compile("camunda-forms:deployment:[^$#{}?]+\\.form");

  /**
   * Generated forms: Tasklist loads the engine's {@code rendered-form} as embedded HTML, and the
   * engine writes labels (an expression: variables' values), enum values and field ids into it
   * without escaping them (ids even into a script).
   */
  private static final Set<String> GENERATED_FORMS = Set.of("formData", "formProperty");

  private final BpmnParse parse;

  BpmnCodeCheck(BpmnParse parse) {
    this.parse = parse;
  }

  /** Parses that check the model of a new deployment first. */
  static BpmnParseFactory parses() {
    return parser ->
        new BpmnParse(parser) {
          @Override
          protected void parseRootElement() {
            if (deployment == null || deployment.isNew()) {
              new BpmnCodeCheck(this).check(rootElement, rootElement.attribute("id"), true);
            }
            super.parseRootElement();
          }
        };
  }

  /**
   * Checks the element and its descendants. Diagram interchange and prose (documentation, text
   * annotations) are never evaluated, so only markup is looked for there: both may hold elements of
   * any vocabulary.
   */
  private void check(Element element, String nearestId, boolean evaluated) {
    String tag = element.getTagName();
    // named after the element Modeler shows: an event, not its (invisible) event definition; a
    // task, not its legacy form property
    String id =
        element.attribute("id") != null
                && !tag.endsWith("EventDefinition")
                && !tag.equals("formProperty")
            ? element.attribute("id")
            : nearestId;
    if (BrowserMarkup.isActive(element.getUri())) {
      refuse(element, id, "HTML, SVG, MathML or XSLT markup (" + tag + ")");
      return;
    }
    boolean code =
        evaluated
            && !DIAGRAM.contains(element.getUri())
            && !(PROSE.contains(tag) && BPMN_MODEL.equals(element.getUri()));
    if (code) {
      checkCode(element, id, tag);
    }
    for (Element child : element.elements()) {
      check(child, id, code);
    }
  }

  private void checkCode(Element element, String id, String tag) {
    if (tag.equals("scriptTask") || tag.equals("script")) {
      refuse(element, id, "a script (" + tag + ")");
    }
    if (tag.equals("connector")) {
      refuse(element, id, "a connector (camunda:connector)");
    }
    if (GENERATED_FORMS.contains(tag)) {
      refuse(element, id, "a generated form (camunda:" + tag + "), which Tasklist shows unescaped");
    }
    if (tag.equals("constraint") && "validator".equals(element.attribute("name"))) {
      refuse(element, id, "a form field validator (a Java class or bean)");
    }
    for (String key : element.attributes()) {
      String name = key.substring(key.lastIndexOf(':') + 1);
      String value = element.attribute(key);
      if (name.equals("class") || name.endsWith("Class")) {
        refuse(element, id, "a Java class (camunda:" + name + ")");
      } else if (name.equals("language") || name.equals("scriptFormat")) {
        refuse(element, id, "a script (" + name + " attribute)");
      } else if (name.equals("formKey") && !CAMUNDA_FORM_KEY.matcher(value).matches()) {
        refuse(
            element,
            id,
            "a form key other than camunda-forms:deployment:<file>.form (an HTML form or page,"
                + " or a form outside the deployment); use camunda:formRef");
      } else if (name.equals("formRef") && !formRefBoundToDeployment(element, value)) {
        refuse(
            element,
            id,
            "a form reference not bound to the deployment (camunda:formRef needs"
                + " camunda:formRefBinding=\"deployment\" and a form id, not an expression), so"
                + " Tasklist could show another form than the task's rules read");
      } else if (name.equals("resource")) {
        refuse(element, id, "a script resource (camunda:resource)");
      } else if (!ExpressionShapes.allowed(value)) {
        refuse(element, id, expression("attribute '" + name + "'"));
      }
    }
    if (!ExpressionShapes.allowed(element.getText())) {
      refuse(element, id, expression("<" + tag + ">"));
    }
  }

  /**
   * Whether a {@code camunda:formRef} names a form of the model's own deployment, as the task's
   * rules ({@link TaskForms}) read it: binding {@code deployment} (the engine's default is {@code
   * latest}, which Tasklist would resolve to whatever form version was deployed last) and a plain
   * id.
   */
  private static boolean formRefBoundToDeployment(Element element, String formRef) {
    // the engine reads the binding in the camunda namespace only; any other is its default
    String binding = element.attribute(BpmnModelConstants.CAMUNDA_NS + ":formRefBinding");
    return TaskForms.DEPLOYMENT_BINDING.equals(binding)
        && !formRef.isBlank()
        && formRef.chars().noneMatch(c -> "$#{}".indexOf(c) >= 0);
  }

  private static String expression(String where) {
    return "an expression in "
        + where
        + " other than ${name}, ${!name} or a comparison of a name with a name or literal";
  }

  private void refuse(Element element, String id, String what) {
    parse.addError(
        String.format(
            Locale.ROOT,
            "Element '%s' contains %s; models deployed here may not run code"
                + " (README, For process owners).",
            id,
            what),
        element,
        id);
  }
}
