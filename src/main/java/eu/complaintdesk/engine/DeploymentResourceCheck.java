package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Refuses a new deployment with a resource that could carry code: any file other than BPMN, DMN,
 * Camunda Forms and PNG images (an embedded HTML form, a script, an SVG or HTML file — engine REST
 * serves a resource with the content type of its name, so such a file would run in the browser of
 * whoever opens it — or a CMMN model), and a DMN decision with an expression language other than
 * FEEL: JUEL and script languages call Java, the FEEL engine cannot (Camunda's FEEL engine is built
 * with external functions off). Neither a BPMN nor a DMN file may carry markup a browser would run
 * ({@link BrowserMarkup}). A form may not declare a variable the process owns, and where a
 * deployment holds a user task and the form it uses, the form may not declare a variable that task
 * may not take ({@link TaskForms#notTakenBy}). A process whose business rule task or user task (or
 * start event) names, bound to its deployment, a decision or form the deployment does not hold is
 * refused, and so is a {@value ComplaintProcess#PROCESS_KEY} without the decisions Java evaluates
 * for it ({@link #DECIDED_BY_JAVA}): every case would fail at that step, and a process owner
 * deploying the BPMN alone from Modeler would make the latest definition one no new case can start
 * on. Runs before the engine's own deployers, so nothing of a refused deployment is stored; older
 * deployments the engine loads into its cache are not checked again.
 */
final class DeploymentResourceCheck implements Deployer {

  /** What Modeler deploys: the engine's own suffixes for BPMN and DMN, forms, diagram images. */
  private static final List<String> ALLOWED_SUFFIXES =
      List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".png");

  private static final List<String> DMN_SUFFIXES = List.of(".dmn", ".dmn11.xml");

  private static final List<String> BPMN_SUFFIXES = List.of(".bpmn", ".bpmn20.xml");

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /**
   * Decisions Java evaluates for a case, bound to the case's deployment ({@code
   * process/CaseDecisions}): {@code DeadlinePolicy} by {@code deadline/DeadlineService}.
   */
  static final Map<String, List<String>> DECIDED_BY_JAVA =
      Map.of(ComplaintProcess.PROCESS_KEY, List.of("DeadlinePolicy"));

  /** What a refusal for a missing decision or form tells the process owner to do. */
  private static final String TOGETHER =
      "deploy the BPMN together with its decisions and forms (Camunda Modeler: deploy the whole"
          + " folder; README, For process owners).";

  /** The spellings the DMN engine evaluates with FEEL ({@code ExpressionEvaluationHandler}). */
  private static final Set<String> FEEL =
      Set.of(
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
          DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName();
      if (ALLOWED_SUFFIXES.stream().noneMatch(name::endsWith)) {
        throw refused(
            name,
            List.of(
                new DeploymentFinding(
                    "Resource '"
                        + name
                        + "' is not a BPMN model, DMN decision, Camunda Form or PNG image;"
                        + " only those may be deployed (README, For process owners).",
                    null)));
      }
      if (!name.endsWith(".form")
          && !name.endsWith(".png")
          && BrowserMarkup.hasStyleSheet(resource.getBytes())) {
        throw refused(
            name,
            List.of(
                new DeploymentFinding(
                    "Resource '"
                        + name
                        + "' names a style sheet (<?xml-stylesheet?>), which a browser"
                        + " opening it would run; models deployed here may not carry one.",
                    null)));
      }
      if (name.endsWith(".form")) {
        List<DeploymentFinding> findings = formDeploymentFindings(resource.getBytes());
        if (!findings.isEmpty()) {
          throw refused(name, findings);
        }
      }
      if (DMN_SUFFIXES.stream().anyMatch(name::endsWith)) {
        List<DeploymentFinding> findings = dmnDeploymentFindings(resource.getBytes());
        if (!findings.isEmpty()) {
          throw refused(name, findings);
        }
      }
    }
    Map<String, FormInputs.Fields> formsByName = forms(deployment);
    Map<String, BpmnModelInstance> models = models(deployment);
    models.forEach(
        (name, model) -> {
          List<DeploymentFinding> findings = taskFormDeploymentFindings(model, formsByName);
          if (!findings.isEmpty()) {
            throw refused(name, findings);
          }
        });
    Set<String> decisionIds = decisionIds(deployment);
    Set<String> formIds = formIds(deployment, formsByName);
    models.forEach(
        (name, model) -> {
          List<DeploymentFinding> findings =
              referenceDeploymentFindings(model, decisionIds, formIds);
          if (!findings.isEmpty()) {
            throw refused(name, findings);
          }
        });
  }

  /**
   * The deployment's BPMN models that can be read, by resource name; the engine's BPMN deployer
   * reports what it cannot read.
   */
  private static Map<String, BpmnModelInstance> models(DeploymentEntity deployment) {
    Map<String, BpmnModelInstance> models = new TreeMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (BPMN_SUFFIXES.stream().anyMatch(resource.getName()::endsWith)) {
        try {
          models.put(
              resource.getName(),
              Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
        } catch (RuntimeException unreadable) {
          // left to the engine's BPMN deployer
        }
      }
    }
    return models;
  }

  /** The ids of the decisions of the deployment's DMN files; null if one cannot be read. */
  private static Set<String> decisionIds(DeploymentEntity deployment) {
    Set<String> ids = new TreeSet<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (DMN_SUFFIXES.stream().anyMatch(resource.getName()::endsWith)) {
        try {
          Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
              .getModelElementsByType(Decision.class)
              .forEach(decision -> ids.add(decision.getId()));
        } catch (RuntimeException unreadable) {
          return null; // the engine's DMN deployer reports what it cannot read
        }
      }
    }
    return ids;
  }

  /** The ids of the deployment's forms; null if one cannot be read. */
  private static Set<String> formIds(
      DeploymentEntity deployment, Map<String, FormInputs.Fields> formsByName) {
    long forms =
        deployment.getResources().keySet().stream().filter(n -> n.endsWith(".form")).count();
    if (formsByName.size() != forms) {
      return null; // the engine's form deployer reports what it cannot read
    }
    Set<String> ids = new TreeSet<>();
    formsByName.values().stream().map(FormInputs.Fields::id).forEach(ids::add);
    return ids;
  }

  /**
   * A decision or form the model names bound to its deployment ({@code decisionRefBinding} or
   * {@code formRefBinding} {@code deployment}) that the deployment does not hold, and a decision
   * Java evaluates for the process that it does not hold. An expression names nothing until it runs
   * and is not checked; another binding finds its decision or form elsewhere.
   */
  private static List<DeploymentFinding> referenceDeploymentFindings(
      BpmnModelInstance model, Set<String> decisionIds, Set<String> formIds) {
    List<DeploymentFinding> findings = new ArrayList<>();
    if (decisionIds != null) {
      for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
        String decision = boundToDeployment(task, "decisionRef", "decisionRefBinding");
        if (decision != null && executable(task) && !decisionIds.contains(decision)) {
          findings.add(missing(task, "decision", decision));
        }
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          continue;
        }
        for (String decision : DECIDED_BY_JAVA.getOrDefault(process.getId(), List.of())) {
          if (!decisionIds.contains(decision)) {
            findings.add(
                new DeploymentFinding(
                    "Process '"
                        + process.getId()
                        + "' needs decision '"
                        + decision
                        + "', which the application evaluates for its cases, and this deployment"
                        + " holds none: "
                        + TOGETHER,
                    process.getId()));
          }
        }
      }
    }
    if (formIds != null) {
      List<FlowElement> withForms = new ArrayList<>();
      withForms.addAll(model.getModelElementsByType(UserTask.class));
      withForms.addAll(model.getModelElementsByType(StartEvent.class));
      for (FlowElement element : withForms) {
        String form = boundToDeployment(element, "formRef", "formRefBinding");
        if (form != null && executable(element) && !formIds.contains(form)) {
          findings.add(missing(element, "form", form));
        }
      }
    }
    return findings;
  }

  /** The element's {@code reference} when it is a name bound to the deployment. */
  private static String boundToDeployment(
      ModelElementInstance element, String reference, String binding) {
    String name = element.getAttributeValueNs(CAMUNDA_NS, reference);
    if (name == null
        || name.contains("${")
        || name.contains("#{")
        || !"deployment".equals(element.getAttributeValueNs(CAMUNDA_NS, binding))) {
      return null;
    }
    return name;
  }

  private static DeploymentFinding missing(FlowElement element, String kind, String name) {
    Process holder = TaskForms.processOf(element);
    String process = holder == null ? "?" : holder.getId();
    return new DeploymentFinding(
        "Element '"
            + element.getId()
            + "' of process '"
            + process
            + "' names "
            + kind
            + " '"
            + name
            + "', which this deployment does not hold: "
            + TOGETHER,
        element.getId());
  }

  /** Whether the engine deploys the element's process (it skips a non-executable one). */
  private static boolean executable(ModelElementInstance element) {
    Process process = TaskForms.processOf(element);
    return process != null && process.isExecutable();
  }

  /** The readable forms of the deployment by resource name. */
  private static Map<String, FormInputs.Fields> forms(DeploymentEntity deployment) {
    Map<String, FormInputs.Fields> forms = new HashMap<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName().endsWith(".form")) {
        try {
          forms.put(resource.getName(), FormInputs.read(resource.getBytes()));
        } catch (IllegalArgumentException unreadable) {
          // the engine's form deployer reports what it cannot read
        }
      }
    }
    return forms;
  }

  /**
   * A field of a form of this deployment that a user task of this model using the form may not take
   * ({@link TaskForms#notTakenBy}): for a task of the complaint process another task's contract
   * variable, a start variable, or what the process or the engine sets. The task would refuse it
   * anyway; a form of another deployment is checked when its task is completed.
   */
  private static List<DeploymentFinding> taskFormDeploymentFindings(
      BpmnModelInstance model, Map<String, FormInputs.Fields> formsByName) {
    List<DeploymentFinding> findings = new ArrayList<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      TaskForms.FormSource source = TaskForms.FormSource.of(task);
      FormInputs.Fields form =
          switch (source.kind()) {
            case REFERENCE ->
                formsByName.values().stream()
                    .filter(fields -> source.name().equals(fields.id()))
                    .findFirst()
                    .orElse(null);
            case RESOURCE -> formsByName.get(source.name());
            case OTHER, NONE -> null;
          };
      if (form == null) {
        continue;
      }
      Set<String> refused = new TreeSet<>(form.inputs());
      Process process = TaskForms.processOf(task);
      refused.retainAll(
          TaskForms.notTakenBy(model, process == null ? null : process.getId(), task.getId()));
      for (String field : refused) {
        findings.add(
            new DeploymentFinding(
                "Form field '"
                    + field
                    + "' of form '"
                    + (form.id() == null ? source.name() : form.id())
                    + "' is not a variable task '"
                    + task.getId()
                    + "' may take: it is another task's, the case's start, or set by the process"
                    + " or the engine (README, For process owners).",
                task.getId()));
      }
    }
    return findings;
  }

  static boolean isFeel(String expressionLanguage) {
    return expressionLanguage == null
        || FEEL.contains(expressionLanguage)
        || DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE.equals(
            expressionLanguage.toLowerCase(Locale.ROOT));
  }

  /** A form field named as a variable the process owns (no task may take one). */
  private static List<DeploymentFinding> formDeploymentFindings(byte[] bytes) {
    Set<String> keys;
    try {
      keys = FormInputs.keys(bytes);
    } catch (IllegalArgumentException unreadable) {
      return List.of(); // the engine's form deployer reports what it cannot read
    }
    return keys.stream()
        .filter(ComplaintVariables.PROCESS_OWNED::contains)
        .map(
            key ->
                new DeploymentFinding(
                    "Form field '"
                        + key
                        + "' names a variable the process owns; no form may set it (README, For"
                        + " process owners).",
                    key))
        .toList();
  }

  private static List<DeploymentFinding> dmnDeploymentFindings(byte[] bytes) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
    } catch (RuntimeException unreadable) {
      return List.of(); // the engine's DMN deployer reports what it cannot read
    }
    List<DeploymentFinding> findings = new ArrayList<>();
    browserMarkup(model.getDocument().getRootElement(), findings);
    for (Definitions definitions : model.getModelElementsByType(Definitions.class)) {
      check(definitions, definitions.getExpressionLanguage(), findings);
    }
    for (LiteralExpression expression : model.getModelElementsByType(LiteralExpression.class)) {
      check(expression, expression.getExpressionLanguage(), findings);
    }
    for (UnaryTests tests : model.getModelElementsByType(UnaryTests.class)) {
      check(tests, tests.getExpressionLanguage(), findings);
    }
    return findings;
  }

  private static void browserMarkup(DomElement element, List<DeploymentFinding> findings) {
    if (BrowserMarkup.isActive(element.getNamespaceURI())) {
      String id = idOf(element);
      findings.add(
          new DeploymentFinding(
              "Element '"
                  + id
                  + "' contains HTML, SVG, MathML or XSLT markup ("
                  + element.getLocalName()
                  + "), which a browser opening the file would run.",
              id));
      return;
    }
    element.getChildElements().forEach(child -> browserMarkup(child, findings));
  }

  private static String idOf(DomElement element) {
    for (DomElement e = element; e != null; e = e.getParentElement()) {
      if (e.hasAttribute("id")) {
        return e.getAttribute("id");
      }
    }
    return "?";
  }

  private static void check(
      ModelElementInstance element, String expressionLanguage, List<DeploymentFinding> findings) {
    if (!isFeel(expressionLanguage)) {
      String id = idOf(element);
      findings.add(
          new DeploymentFinding(
              "Element '"
                  + id
                  + "' uses the expression language '"
                  + expressionLanguage
                  + "'; decisions deployed here use FEEL only (README, For process owners).",
              id));
    }
  }

  /** The element's id, or that of the nearest enclosing element that has one. */
  private static String idOf(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      String id = e.getAttributeValue("id");
      if (id != null) {
        return id;
      }
    }
    return "?";
  }

  private static ParseException refused(String resource, List<DeploymentFinding> findings) {
    StringBuilder message = new StringBuilder("Deployment refused:");
    findings.forEach(f -> message.append(' ').append(f.message()));
    return new ParseException(
        message.toString(), resource, new ArrayList<Problem>(findings), new ArrayList<>());
  }
}
