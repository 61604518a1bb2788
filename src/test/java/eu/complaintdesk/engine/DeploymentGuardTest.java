package eu.complaintdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.security.Groups;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The deployment rules in the engine itself, as every deployment meets them (start-up, Modeler,
 * Java): what could run code is refused with a {@link ParseException} naming the element, and
 * nothing of the deployment is stored; what the application's own models do still deploys.
 */
@SpringBootTest
@ActiveProfiles("test")
class DeploymentGuardTest {

  @Autowired RepositoryService repository;
  @Autowired DecisionService decisions;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  /** Forbidden BPMN, each with the id of the element the refusal must name. */
  static List<Object[]> forbiddenModels() {
    return List.of(
        new Object[] {"ScriptTask_Run", ForbiddenModels.TIMER_STARTS_SCRIPT_TASK},
        new Object[] {"UserTask_ScriptListener", ForbiddenModels.SCRIPT_LISTENER},
        new Object[] {"ServiceTask_Class", ForbiddenModels.JAVA_CLASS},
        new Object[] {"UserTask_ClassListener", ForbiddenModels.CLASS_TASK_LISTENER},
        new Object[] {"ServiceTask_MethodCall", ForbiddenModels.METHOD_CALL_EXPRESSION},
        new Object[] {"ServiceTask_PropertyPath", ForbiddenModels.PROPERTY_PATH_DELEGATE},
        new Object[] {"SequenceFlow_Script", ForbiddenModels.SCRIPT_CONDITION},
        new Object[] {"SequenceFlow_MethodCall", ForbiddenModels.METHOD_CALL_CONDITION},
        new Object[] {"UserTask_IoScript", ForbiddenModels.IO_SCRIPT},
        new Object[] {"UserTask_IoMethodCall", ForbiddenModels.IO_METHOD_CALL},
        new Object[] {"ServiceTask_Connector", ForbiddenModels.CONNECTOR},
        new Object[] {"TimerEvent_Function", ForbiddenModels.TIMER_FUNCTION},
        new Object[] {"UserTask_Deferred", ForbiddenModels.DEFERRED_EXPRESSION},
        new Object[] {"CallActivity_MappingClass", ForbiddenModels.VARIABLE_MAPPING_CLASS},
        new Object[] {"UserTask_Svg", ForbiddenModels.SVG_MARKUP},
        new Object[] {"UserTask_Documented", ForbiddenModels.SCRIPT_IN_DOCUMENTATION},
        new Object[] {"UserTask_EmbeddedForm", ForbiddenModels.EMBEDDED_FORM_KEY},
        new Object[] {"UserTask_AppForm", ForbiddenModels.APP_FORM_KEY},
        new Object[] {"StartEvent_PlainForm", ForbiddenModels.PLAIN_FORM_KEY},
        new Object[] {"UserTask_GeneratedForm", ForbiddenModels.GENERATED_FORM},
        new Object[] {"UserTask_FormProperty", ForbiddenModels.LEGACY_GENERATED_FORM},
        new Object[] {"UserTask_Allowed", ForbiddenModels.FORM_REF_LATEST},
        new Object[] {"UserTask_Allowed", ForbiddenModels.FORM_REF_WITHOUT_BINDING},
        new Object[] {"UserTask_Allowed", ForbiddenModels.FORM_REF_VERSION},
        new Object[] {"UserTask_Allowed", ForbiddenModels.FORM_REF_BINDING_ELSEWHERE},
        new Object[] {"UserTask_Allowed", ForbiddenModels.FORM_REF_EXPRESSION},
        new Object[] {"UserTask_AppCamundaForm", ForbiddenModels.CAMUNDA_FORMS_APP_KEY});
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenModels")
  void modelsThatCouldRunCodeAreRefusedNamingTheElement(String elementId, String bpmn) {
    long before = repository.createDeploymentQuery().count();

    assertThatThrownBy(() -> deploy("Forbidden.bpmn", bpmn))
        .isInstanceOfSatisfying(
            ParseException.class,
            refused -> {
              assertThat(refused.getMessage())
                  .contains("Element '" + elementId + "' contains", "may not run code");
              assertThat(errors(refused)).extracting(Problem::getMainElementId).contains(elementId);
            });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Forbidden").count())
        .isZero();
  }

  static List<Object[]> forbiddenDecisions() {
    return List.of(
        new Object[] {"InputEntry_Juel", ForbiddenModels.dmnWithInputEntryLanguage("juel")},
        new Object[] {"InputEntry_Juel", ForbiddenModels.dmnWithInputEntryLanguage("javascript")},
        new Object[] {
          // not a spelling the engine treats as FEEL: it would look for a script engine
          "InputEntry_Juel",
          ForbiddenModels.dmnWithInputEntryLanguage("https://www.omg.org/spec/DMN/20191111/FEEL")
        },
        new Object[] {"Definitions_Forbidden", ForbiddenModels.DMN_JAVASCRIPT_DEFINITIONS},
        new Object[] {"LiteralExpression_Groovy", ForbiddenModels.DMN_GROOVY_LITERAL});
  }

  @Test
  void decisionsWithMarkupABrowserWouldRunAreRefused() {
    assertThatThrownBy(() -> deploy("Forbidden.dmn", ForbiddenModels.DMN_HTML_MARKUP))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Element 'Forbidden' contains HTML");
  }

  @Test
  void modelsNamingAStyleSheetAreRefused() {
    assertThatThrownBy(() -> deploy("Forbidden.bpmn", ForbiddenModels.STYLE_SHEET))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("xml-stylesheet");
  }

  /** Read as UTF-8, a UTF-16 file shows no {@code <?xml-stylesheet}; a browser reads UTF-16. */
  @ParameterizedTest(name = "big endian: {0}")
  @ValueSource(booleans = {false, true})
  void modelsInUtf16NamingAStyleSheetAreRefused(boolean bigEndian) {
    byte[] utf16 = ForbiddenModels.styleSheetInUtf16(bigEndian);
    assertThat(new String(utf16, StandardCharsets.UTF_8)).doesNotContain("<?xml-stylesheet");

    assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .name("guard")
                    .addInputStream("Forbidden.bpmn", new ByteArrayInputStream(utf16))
                    .deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("xml-stylesheet");
  }

  /** The same model without the style sheet deploys in UTF-16: the refusal is the instruction's. */
  @Test
  void modelsInUtf16WithoutAStyleSheetDeploy() {
    String xml = ForbiddenModels.ALLOWED_BPMN.replaceFirst("UTF-8", "UTF-16");
    byte[] utf16 = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE);
    String id =
        repository
            .createDeployment()
            .name("guard")
            .addInputStream("Allowed.bpmn", new ByteArrayInputStream(utf16))
            .addString("Form_Allowed.form", ForbiddenModels.FORM)
            .deploy()
            .getId();
    repository.deleteDeployment(id, true);
  }

  @Test
  void aCamundaFormOfTheDeploymentMayBeNamedByFormKey() {
    String id = deployWithForm(ForbiddenModels.CAMUNDA_FORM_KEY);
    try {
      assertThat(repository.createProcessDefinitionQuery().deploymentId(id).count()).isOne();
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  /**
   * A task whose Camunda Form is named by form key takes exactly its form's fields, as one named by
   * {@code camunda:formRef} does (it once took anything outside the complaint process).
   */
  @Test
  void aTaskWhoseFormIsNamedByFormKeyTakesExactlyItsFormsFields() {
    withKeyedTask(
        (instance, task) -> {
          assertThatThrownBy(() -> tasks.complete(task, Map.of("complete", true, "note", "x")))
              .isInstanceOf(Refusal.class)
              .hasMessageContaining("note")
              .hasMessageContaining("it takes only complete");
          assertThatThrownBy(() -> tasks.complete(task, Map.of("complaintId", 7L)))
              .isInstanceOf(Refusal.class)
              .hasMessageContaining("complaintId");
          assertThatThrownBy(() -> tasks.setVariable(task, "note", "x"))
              .isInstanceOf(AuthorizationException.class);
          tasks.complete(task, Map.of("complete", true));
          assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count())
              .isZero();
        });
  }

  /**
   * Outside the complaint process a task may throw a BPMN error (another model may catch it); the
   * complaint process's tasks may not (README, Who may do what).
   */
  @Test
  void aTaskOfAnotherProcessMayThrowABpmnError() {
    withKeyedTask(
        (instance, task) ->
            // uncaught, so the engine fails the command itself: not the guard's refusal
            assertThatThrownBy(() -> tasks.handleBpmnError(task, "Error_Any"))
                .isNotInstanceOf(AuthorizationException.class));
  }

  /** Runs the test on the waiting task of a new instance of a model whose form is keyed. */
  private void withKeyedTask(java.util.function.BiConsumer<String, String> test) {
    String id = deployWithForm(ForbiddenModels.TASK_WITH_CAMUNDA_FORM_KEY);
    try {
      String instance = runtime.startProcessInstanceByKey("Forbidden").getId();
      test.accept(
          instance, tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenDecisions")
  void decisionsInAnotherLanguageThanFeelAreRefused(String elementId, String dmn) {
    long before = repository.createDeploymentQuery().count();

    assertThatThrownBy(() -> deploy("Forbidden.dmn", dmn))
        .isInstanceOfSatisfying(
            ParseException.class,
            refused -> {
              assertThat(refused.getMessage()).contains("'" + elementId + "'", "FEEL only");
              assertThat(errors(refused)).extracting(Problem::getMainElementId).contains(elementId);
            });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    assertThat(
            repository.createDecisionDefinitionQuery().decisionDefinitionKey("Forbidden").count())
        .isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "form.html",
        "form.js",
        "diagram.svg",
        "case.cmmn",
        "script.groovy",
        "Process.BPMN",
        "notes.txt"
      })
  void resourcesOtherThanModelsFormsAndPngImagesAreRefused(String name) {
    long before = repository.createDeploymentQuery().count();

    assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .name("guard")
                    .addString("Allowed.bpmn", ForbiddenModels.ALLOWED_BPMN)
                    .addString(name, "<script>alert(1)</script>")
                    .deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Resource '" + name + "'")
        .hasMessageContaining("only those may be deployed");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "feel",
        "FEEL",
        "http://www.omg.org/spec/FEEL/20140401",
        "https://www.omg.org/spec/DMN/20191111/FEEL/"
      })
  void feelInEverySpellingTheEngineKnowsIsAllowed(String language) {
    String id = deploy("Allowed.dmn", ForbiddenModels.dmnWithInputEntryLanguage(language));
    try {
      Object result =
          decisions
              .evaluateDecisionTableByKey("Forbidden", Map.of("amount", 5))
              .getSingleResult()
              .getEntry("result");
      assertThat(result).isEqualTo("ok");
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  @Test
  void whatTheApplicationsModelsDoStillDeploys() {
    String id =
        repository
            .createDeployment()
            .name("guard")
            .addString("Allowed.bpmn", ForbiddenModels.ALLOWED_BPMN)
            .addString("Allowed.dmn", ForbiddenModels.dmnWithInputEntryLanguage(null))
            .addString("Form_Allowed.form", ForbiddenModels.FORM)
            .addString("Allowed.png", "not really a picture")
            .deploy()
            .getId();
    try {
      assertThat(repository.createProcessDefinitionQuery().deploymentId(id).count()).isOne();
      assertThat(repository.createDecisionDefinitionQuery().deploymentId(id).count()).isOne();
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  @Test
  void theApplicationsOwnModelsPassAsANewDeployment() throws IOException {
    DeploymentBuilder deployment = repository.createDeployment().name("own models, again");
    for (String resource : ownModels()) {
      deployment.addString(resource, classpath(resource));
    }
    String id = deployment.deploy().getId();
    repository.deleteDeployment(id, true);
  }

  /**
   * A process deployed without a decision or form it names bound to its deployment is refused
   * (README, For process owners): its cases would fail at that step.
   */
  @Test
  void processNamingADecisionItsDeploymentDoesNotHoldIsRefused() {
    long before = repository.createDeploymentQuery().count();

    assertThatThrownBy(() -> deploy("Forbidden.bpmn", RULE_TASK))
        .isInstanceOfSatisfying(
            ParseException.class,
            refused -> {
              assertThat(refused.getMessage())
                  .contains(
                      "Element 'BusinessRuleTask_Decide' of process 'Forbidden' names decision"
                          + " 'Forbidden', which this deployment does not hold",
                      "deploy the BPMN together with its decisions and forms");
              assertThat(errors(refused))
                  .extracting(Problem::getMainElementId)
                  .contains("BusinessRuleTask_Decide");
            });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);

    // with its table, or bound to the latest table (found elsewhere), it deploys
    String together =
        repository
            .createDeployment()
            .name("guard")
            .addString("Forbidden.bpmn", RULE_TASK)
            .addString("Forbidden.dmn", ForbiddenModels.dmnWithInputEntryLanguage(null))
            .deploy()
            .getId();
    repository.deleteDeployment(together, true);
    String latest =
        deploy(
            "Forbidden.bpmn",
            RULE_TASK.replace(
                "camunda:decisionRefBinding=\"deployment\"",
                "camunda:decisionRefBinding=\"latest\""));
    repository.deleteDeployment(latest, true);
  }

  @Test
  void processNamingAFormItsDeploymentDoesNotHoldIsRefused() {
    assertThatThrownBy(() -> deploy("Allowed.bpmn", ForbiddenModels.ALLOWED_BPMN))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining(
            "Element 'UserTask_Allowed' of process 'Forbidden' names form 'Form_Allowed', which"
                + " this deployment does not hold")
        .hasMessageContaining("Camunda Modeler: deploy the whole folder");
    String other =
        repository
            .createDeployment()
            .name("guard")
            .addString("Allowed.bpmn", ForbiddenModels.ALLOWED_BPMN)
            .addString(
                "Form_Other.form", ForbiddenModels.FORM.replace("Form_Allowed", "Form_Other"))
            .addString("Form_Allowed.form", ForbiddenModels.FORM)
            .deploy()
            .getId();
    repository.deleteDeployment(other, true);
  }

  /**
   * A process owner's Modeler deployment of the complaint process alone, or with its forms and
   * every table the model names but not {@code DeadlinePolicy} (which Java evaluates for the case's
   * deployment), would become the definition every new case starts on, and fail; it is refused.
   */
  @Test
  void complaintProcessWithoutTheDecisionsJavaEvaluatesIsRefused() throws IOException {
    long before = repository.createDeploymentQuery().count();
    DeploymentBuilder alone =
        repository
            .createDeployment()
            .name("the process alone")
            .addString(
                "ComplaintHandlingProcess.bpmn", classpath("bpmn/ComplaintHandlingProcess.bpmn"));
    assertThatThrownBy(alone::deploy)
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("names decision 'RouteComplaint'")
        .hasMessageContaining("names form 'Form_DraftAnswer'")
        .hasMessageContaining("Process 'ComplaintHandlingProcess' needs decision 'DeadlinePolicy'");

    DeploymentBuilder withoutDeadlinePolicy = repository.createDeployment().name("no deadlines");
    for (String resource : ownModels()) {
      if (!resource.endsWith("DeadlinePolicy.dmn")) {
        withoutDeadlinePolicy.addString(resource, classpath(resource));
      }
    }
    assertThatThrownBy(withoutDeadlinePolicy::deploy)
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Process 'ComplaintHandlingProcess' needs decision 'DeadlinePolicy'")
        .hasMessageNotContaining("names decision")
        .hasMessageNotContaining("names form");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
  }

  /** A small process of its own, naming no decision or form, needs none. */
  @Test
  void anotherProcessWithoutDecisionsDeploysAlone() {
    String id = deploy("Other.bpmn", ForbiddenModels.bpmn("<bpmn:startEvent id=\"Start\" />"));
    repository.deleteDeployment(id, true);
  }

  /** A process with a business rule task bound to its deployment's decision {@code Forbidden}. */
  private static final String RULE_TASK =
      ForbiddenModels.bpmn(
          """
          <bpmn:startEvent id="StartEvent_1" />
          <bpmn:businessRuleTask id="BusinessRuleTask_Decide" camunda:decisionRef="Forbidden" \
          camunda:decisionRefBinding="deployment" camunda:mapDecisionResult="singleEntry" \
          camunda:resultVariable="result" />
          <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_1" \
          targetRef="BusinessRuleTask_Decide" />
          """);

  /** Every file of bpmn/, dmn/ and forms/, as the classpath holds them. */
  private static List<String> ownModels() throws IOException {
    List<String> resources = new java.util.ArrayList<>();
    for (String folder : List.of("bpmn", "dmn", "forms")) {
      try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
        files.sorted().forEach(f -> resources.add(folder + "/" + f.getFileName()));
      }
    }
    return resources;
  }

  /**
   * FEEL cannot call Java: feel-scala's external functions ({@code function(…) external {java: …}})
   * are off in Camunda's FEEL engine, so a decision that tries fails without calling it.
   */
  @Test
  void feelCannotCallJava() {
    System.clearProperty(ForbiddenModels.FEEL_MARKER);
    String id = deploy("ExternalFunction.dmn", ForbiddenModels.DMN_FEEL_EXTERNAL_FUNCTION);
    try {
      assertThatThrownBy(() -> decisions.evaluateDecisionByKey("ExternalFunction").evaluate())
          .rootCause()
          .hasMessageContaining("External functions are disabled");
      assertThat(System.getProperty(ForbiddenModels.FEEL_MARKER)).isNull();
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  /**
   * A name in an expression reaches the application's delegates and listeners, not any Spring bean:
   * {@code ${systemEnvironment}} once copied the server's environment, passwords included, into a
   * variable that staff could read.
   */
  @Test
  void anExpressionReachesNoSpringBeanButTheDelegates() {
    String id =
        deploy(
            "Leak.bpmn",
            ForbiddenModels.bpmn(
                """
                <bpmn:startEvent id="StartEvent_Leak" />
                <bpmn:sequenceFlow id="SequenceFlow_ToLeak" sourceRef="StartEvent_Leak" \
                targetRef="UserTask_Leak" />
                <bpmn:userTask id="UserTask_Leak">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="leak">${systemEnvironment}</camunda:inputParameter>
                      <camunda:inputParameter name="delegate">${taskInputReset}</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Forbidden"))
          .hasMessageContaining("systemEnvironment");
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Forbidden").count())
          .isZero();
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  /**
   * The application's delegates are open to every model, so what they record as the user's act
   * comes from the sign-in: a model that feeds the registering step a registrar of its own, run by
   * the engine (a timer: no one signed in) or by a process owner, registers nothing.
   */
  @Test
  void aModelCannotRegisterAComplaintInAnotherUsersName() {
    String id =
        deploy(
            "Forge.bpmn",
            ForbiddenModels.bpmn(
                """
                <bpmn:startEvent id="StartEvent_Forge" />
                <bpmn:sequenceFlow id="SequenceFlow_ToForge" sourceRef="StartEvent_Forge" \
                targetRef="ServiceTask_Forge" />
                <bpmn:serviceTask id="ServiceTask_Forge" \
                camunda:delegateExpression="${registerStaffComplaintDelegate}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="registeredBy">admin</camunda:inputParameter>
                      <camunda:inputParameter name="channel">PHONE</camunda:inputParameter>
                      <camunda:inputParameter name="customerName">Forged</camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                """));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Forbidden"))
          .hasMessageContaining("signed-in registrar");
      identity.setAuthentication("owner", List.of(Groups.PROCESS_OWNERS));
      try {
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("Forbidden"))
            .isInstanceOf(AuthorizationException.class);
      } finally {
        identity.clearAuthentication();
      }
      assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("Forbidden").count())
          .isZero();
    } finally {
      repository.deleteDeployment(id, true);
    }
  }

  /** The model with the form {@code Form_Allowed} beside it. */
  private String deployWithForm(String bpmn) {
    return repository
        .createDeployment()
        .name("guard")
        .addString("Allowed.bpmn", bpmn)
        .addString("Form_Allowed.form", ForbiddenModels.FORM)
        .deploy()
        .getId();
  }

  private String deploy(String name, String content) {
    return repository.createDeployment().name("guard").addString(name, content).deploy().getId();
  }

  private static List<Problem> errors(ParseException refused) {
    return refused.getResorceReports().stream().flatMap(r -> r.getErrors().stream()).toList();
  }

  private static String classpath(String resource) throws IOException {
    try (InputStream in = DeploymentGuardTest.class.getResourceAsStream("/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
