package eu.complaintdesk.engine;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;

/** Models a process owner might deploy: what could run code, and what may be deployed. */
final class ForbiddenModels {

  private ForbiddenModels() {}

  static final String FEEL_MARKER = "complaintdesk.feel.external-function-called";

  static String bpmn(String processContent) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:camunda="http://camunda.org/schema/1.0/bpmn" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        id="Definitions_Forbidden" targetNamespace="https://complaintdesk.eu/test">
          <bpmn:process id="Forbidden" isExecutable="true" camunda:historyTimeToLive="1">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(processContent);
  }

  /** The attack of the issue: a timer start event leading to a script task. */
  static final String TIMER_STARTS_SCRIPT_TASK =
      bpmn(
          """
          <bpmn:startEvent id="StartEvent_Timer">
            <bpmn:timerEventDefinition id="Timer_Start">
              <bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R/PT1M</bpmn:timeCycle>
            </bpmn:timerEventDefinition>
          </bpmn:startEvent>
          <bpmn:scriptTask id="ScriptTask_Run" scriptFormat="javascript">
            <bpmn:script>java.lang.Runtime.getRuntime().exec("touch /tmp/pwned")</bpmn:script>
          </bpmn:scriptTask>
          <bpmn:sequenceFlow id="SequenceFlow_ToScript" sourceRef="StartEvent_Timer" \
          targetRef="ScriptTask_Run" />
          """);

  static final String SCRIPT_LISTENER =
      bpmn(
          """
          <bpmn:userTask id="UserTask_ScriptListener">
            <bpmn:extensionElements>
              <camunda:executionListener event="start">
                <camunda:script scriptFormat="groovy">"touch /tmp/pwned".execute()</camunda:script>
              </camunda:executionListener>
            </bpmn:extensionElements>
          </bpmn:userTask>
          """);

  static final String JAVA_CLASS =
      bpmn(
          """
          <bpmn:serviceTask id="ServiceTask_Class" camunda:class="java.lang.ProcessBuilder" />
          """);

  static final String CLASS_TASK_LISTENER =
      bpmn(
          """
          <bpmn:userTask id="UserTask_ClassListener">
            <bpmn:extensionElements>
              <camunda:taskListener event="create" class="java.lang.ProcessBuilder" />
            </bpmn:extensionElements>
          </bpmn:userTask>
          """);

  static final String METHOD_CALL_EXPRESSION =
      bpmn(
          """
          <bpmn:serviceTask id="ServiceTask_MethodCall" \
          camunda:expression="${''.getClass().forName('java.lang.Runtime')}" />
          """);

  static final String PROPERTY_PATH_DELEGATE =
      bpmn(
          """
          <bpmn:serviceTask id="ServiceTask_PropertyPath" \
          camunda:delegateExpression="${execution.processEngineServices}" />
          """);

  private static final String GATEWAY_WITH_CONDITION =
      """
      <bpmn:startEvent id="StartEvent_1" />
      <bpmn:exclusiveGateway id="Gateway_1" />
      <bpmn:endEvent id="EndEvent_1" />
      <bpmn:sequenceFlow id="SequenceFlow_In" sourceRef="StartEvent_1" targetRef="Gateway_1" />
      <bpmn:sequenceFlow id="%s" sourceRef="Gateway_1" targetRef="EndEvent_1">
        %s
      </bpmn:sequenceFlow>
      """;

  static final String SCRIPT_CONDITION =
      bpmn(
          GATEWAY_WITH_CONDITION.formatted(
              "SequenceFlow_Script",
              """
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" \
              language="javascript">true</bpmn:conditionExpression>
              """));

  static final String METHOD_CALL_CONDITION =
      bpmn(
          GATEWAY_WITH_CONDITION.formatted(
              "SequenceFlow_MethodCall",
              """
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\
              ${execution.setVariable('x', 1) == null}</bpmn:conditionExpression>
              """));

  static final String IO_SCRIPT =
      bpmn(
          """
          <bpmn:userTask id="UserTask_IoScript">
            <bpmn:extensionElements>
              <camunda:inputOutput>
                <camunda:inputParameter name="x">
                  <camunda:script scriptFormat="javascript">1</camunda:script>
                </camunda:inputParameter>
              </camunda:inputOutput>
            </bpmn:extensionElements>
          </bpmn:userTask>
          """);

  static final String IO_METHOD_CALL =
      bpmn(
          """
          <bpmn:userTask id="UserTask_IoMethodCall">
            <bpmn:extensionElements>
              <camunda:inputOutput>
                <camunda:inputParameter name="x">${complaintRegister.get(1)}</camunda:inputParameter>
              </camunda:inputOutput>
            </bpmn:extensionElements>
          </bpmn:userTask>
          """);

  static final String CONNECTOR =
      bpmn(
          """
          <bpmn:serviceTask id="ServiceTask_Connector">
            <bpmn:extensionElements>
              <camunda:connector>
                <camunda:connectorId>http-connector</camunda:connectorId>
              </camunda:connector>
            </bpmn:extensionElements>
          </bpmn:serviceTask>
          """);

  static final String TIMER_FUNCTION =
      bpmn(
          """
          <bpmn:intermediateCatchEvent id="TimerEvent_Function">
            <bpmn:timerEventDefinition id="Timer_Function">
              <bpmn:timeDate xsi:type="bpmn:tFormalExpression">\
          ${dateTime().plusDays(1).toDate()}</bpmn:timeDate>
            </bpmn:timerEventDefinition>
          </bpmn:intermediateCatchEvent>
          """);

  static final String DEFERRED_EXPRESSION =
      bpmn(
          """
          <bpmn:userTask id="UserTask_Deferred" camunda:assignee="#{currentUser()}" />
          """);

  static final String VARIABLE_MAPPING_CLASS =
      bpmn(
          """
          <bpmn:callActivity id="CallActivity_MappingClass" calledElement="Other" \
          camunda:variableMappingClass="java.lang.ProcessBuilder" />
          """);

  /** Served back as application/xml, an SVG element would run in the browser that opens it. */
  static final String SVG_MARKUP =
      bpmn(
          """
          <bpmn:userTask id="UserTask_Svg">
            <bpmn:extensionElements>
              <svg:svg xmlns:svg="http://www.w3.org/2000/svg" onload="alert(document.domain)" />
            </bpmn:extensionElements>
          </bpmn:userTask>
          """);

  /** The shapes the application's own models use. */
  static final String ALLOWED_BPMN =
      bpmn(
          """
          <bpmn:documentation>Shown in Modeler: ${anything.goes()} in prose.</bpmn:documentation>
          <bpmn:startEvent id="StartEvent_1" />
          <bpmn:exclusiveGateway id="Gateway_1" default="SequenceFlow_Other" />
          <bpmn:userTask id="UserTask_Allowed" camunda:candidateGroups="${candidateGroup}" \
          camunda:dueDate="${responseDueAt}" camunda:priority="${taskPriority}" \
          camunda:formRef="Form_Allowed" camunda:formRefBinding="deployment">
            <bpmn:extensionElements>
              <camunda:taskListener delegateExpression="${taskInputReset}" event="create" />
              <camunda:inputOutput>
                <camunda:inputParameter name="category">${suggestedCategory}</camunda:inputParameter>
                <camunda:inputParameter name="externalReply">${null}</camunda:inputParameter>
              </camunda:inputOutput>
            </bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:endEvent id="EndEvent_1" />
          <bpmn:sequenceFlow id="SequenceFlow_In" sourceRef="StartEvent_1" targetRef="Gateway_1" />
          <bpmn:sequenceFlow id="SequenceFlow_Praise" sourceRef="Gateway_1" \
          targetRef="UserTask_Allowed">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\
          ${feedbackType == 'PRAISE'}</bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="SequenceFlow_Other" sourceRef="Gateway_1" targetRef="EndEvent_1" />
          <bpmn:sequenceFlow id="SequenceFlow_Out" sourceRef="UserTask_Allowed" \
          targetRef="EndEvent_1">
            <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!complete}\
          </bpmn:conditionExpression>
          </bpmn:sequenceFlow>
          """);

  /** Documentation may hold any markup by the schema; a browser would run this script. */
  static final String SCRIPT_IN_DOCUMENTATION =
      bpmn(
          """
          <bpmn:userTask id="UserTask_Documented">
            <bpmn:documentation>Read me<html:script xmlns:html="http://www.w3.org/1999/xhtml">          alert(document.domain)</html:script></bpmn:documentation>
          </bpmn:userTask>
          """);

  /** An allowed model that makes a browser opening it apply a style sheet. */
  static final String STYLE_SHEET =
      ALLOWED_BPMN.replaceFirst(
          "\\?>", "?>\n<?xml-stylesheet type=\"text/xsl\" href=\"Forbidden.bpmn\"?>");

  /**
   * Tasklist would load the model itself as the task's embedded HTML form and run its {@code
   * <script cam-script>} (or the image's {@code onerror}): both are plain text to the model.
   */
  static final String EMBEDDED_FORM_KEY =
      bpmn(
          """
          <bpmn:userTask id="UserTask_EmbeddedForm" \
          camunda:formKey="embedded:deployment:Forbidden.bpmn">
            <bpmn:documentation><![CDATA[<img src="x" onerror="alert(document.domain)">]]>\
          <bpmn:script cam-script="" type="text/form-script">alert(document.domain)</bpmn:script>\
          </bpmn:documentation>
          </bpmn:userTask>
          """);

  static final String APP_FORM_KEY =
      bpmn(
          """
          <bpmn:userTask id="UserTask_AppForm" camunda:formKey="app:forms/x.html" />
          """);

  static final String PLAIN_FORM_KEY =
      bpmn(
          """
          <bpmn:startEvent id="StartEvent_PlainForm" camunda:formKey="javascript:alert(1)//" />
          """);

  /** The engine renders this form to HTML with the label unescaped; Tasklist inserts it. */
  static final String GENERATED_FORM =
      bpmn(
          """
          <bpmn:userTask id="UserTask_GeneratedForm">
            <bpmn:extensionElements>
              <camunda:formData>
                <camunda:formField id="note" label="&lt;img src=x onerror=alert(1)&gt;" \
          type="string" />
              </camunda:formData>
            </bpmn:extensionElements>
          </bpmn:userTask>
          """);

  static final String LEGACY_GENERATED_FORM =
      bpmn(
          """
          <bpmn:userTask id="UserTask_FormProperty">
            <bpmn:extensionElements>
              <camunda:formProperty id="note" name="&lt;img src=x onerror=alert(1)&gt;" />
            </bpmn:extensionElements>
          </bpmn:userTask>
          """);

  /** A Camunda Form by key instead of by reference: form-js renders JSON, never HTML. */
  static final String CAMUNDA_FORM_KEY =
      formNamedBy("camunda:formKey=\"camunda-forms:deployment:Form_Allowed.form\"");

  /** {@link #ALLOWED_BPMN} with its user task's form named by {@code attributes}. */
  private static String formNamedBy(String attributes) {
    return ALLOWED_BPMN.replace(
        "camunda:formRef=\"Form_Allowed\" camunda:formRefBinding=\"deployment\"", attributes);
  }

  /**
   * The engine's binding {@code latest} (its default) and {@code version}: Tasklist would show
   * whichever form version those name, while the task's rules read its deployment's form.
   */
  static final String FORM_REF_LATEST =
      formNamedBy("camunda:formRef=\"Form_Allowed\" camunda:formRefBinding=\"latest\"");

  static final String FORM_REF_WITHOUT_BINDING = formNamedBy("camunda:formRef=\"Form_Allowed\"");

  static final String FORM_REF_VERSION =
      formNamedBy(
          "camunda:formRef=\"Form_Allowed\" camunda:formRefBinding=\"version\""
              + " camunda:formRefVersion=\"1\"");

  /** The binding in another namespace: the engine does not read it and binds {@code latest}. */
  static final String FORM_REF_BINDING_ELSEWHERE =
      formNamedBy(
          "camunda:formRef=\"Form_Allowed\" xmlns:x=\"https://example.com/x\""
              + " x:formRefBinding=\"deployment\"");

  /** A form reference chosen by a variable at run time: no rule can know which form it is. */
  static final String FORM_REF_EXPRESSION =
      formNamedBy("camunda:formRef=\"${candidateGroup}\" camunda:formRefBinding=\"deployment\"");

  /** A Camunda Form that Tasklist loads from the web application, not from the deployment. */
  static final String CAMUNDA_FORMS_APP_KEY =
      bpmn(
          """
          <bpmn:userTask id="UserTask_AppCamundaForm" \
          camunda:formKey="camunda-forms:app:forms/x.form" />
          """);

  /** A user task whose form is named by form key, between a start and an end. */
  static final String TASK_WITH_CAMUNDA_FORM_KEY =
      bpmn(
          """
          <bpmn:startEvent id="StartEvent_1" />
          <bpmn:userTask id="UserTask_Keyed" \
          camunda:formKey="camunda-forms:deployment:Form_Allowed.form" />
          <bpmn:endEvent id="EndEvent_1" />
          <bpmn:sequenceFlow id="SequenceFlow_In" sourceRef="StartEvent_1" targetRef="UserTask_Keyed" />
          <bpmn:sequenceFlow id="SequenceFlow_Out" sourceRef="UserTask_Keyed" targetRef="EndEvent_1" />
          """);

  /** {@link #STYLE_SHEET} in UTF-16 with a byte order mark, as its declaration says. */
  static byte[] styleSheetInUtf16(boolean bigEndian) {
    String xml = STYLE_SHEET.replaceFirst("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    return ("\uFEFF" + xml).getBytes(bigEndian ? UTF_16BE : UTF_16LE);
  }

  static final String FORM =
      """
      {"id": "Form_Allowed", "type": "default", "schemaVersion": 16,
       "components": [{"key": "complete", "label": "Complete?", "type": "checkbox"}]}
      """;

  private static String dmn(
      String decisionId, String definitionsAttributes, String decisionContent) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" \
        xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Forbidden" \
        name="Forbidden" namespace="https://complaintdesk.eu/test" %s>
          <decision id="%s" name="%s" camunda:historyTimeToLive="1">
        %s
          </decision>
        </definitions>
        """
        .formatted(definitionsAttributes, decisionId, decisionId, decisionContent);
  }

  /** A one-rule table whose input entry declares the given language (none when null). */
  static String dmnWithInputEntryLanguage(String language) {
    String attribute = language == null ? "" : " expressionLanguage=\"" + language + "\"";
    return dmn(
        "Forbidden",
        "",
        """
        <decisionTable id="DecisionTable_1">
          <input id="Input_Amount">
            <inputExpression id="InputExpression_Amount" typeRef="integer">
              <text>amount</text>
            </inputExpression>
          </input>
          <output id="Output_Result" name="result" typeRef="string" />
          <rule id="Rule_1">
            <inputEntry id="InputEntry_Juel"%s><text>%s</text></inputEntry>
            <outputEntry id="OutputEntry_1"><text>"ok"</text></outputEntry>
          </rule>
        </decisionTable>
        """
            .formatted(attribute, "&lt; 10"));
  }

  static final String DMN_JAVASCRIPT_DEFINITIONS =
      dmn(
          "Forbidden",
          "expressionLanguage=\"javascript\"",
          """
          <decisionTable id="DecisionTable_1">
            <input id="Input_Amount">
              <inputExpression id="InputExpression_Amount" typeRef="integer">
                <text>amount</text>
              </inputExpression>
            </input>
            <output id="Output_Result" name="result" typeRef="string" />
          </decisionTable>
          """);

  static final String DMN_GROOVY_LITERAL =
      dmn(
          "Forbidden",
          "",
          """
          <variable id="Variable_1" name="result" typeRef="string" />
          <literalExpression id="LiteralExpression_Groovy" expressionLanguage="groovy">
            <text>"touch /tmp/pwned".execute()</text>
          </literalExpression>
          """);

  static final String DMN_HTML_MARKUP =
      dmn(
          "Forbidden",
          "",
          """
          <extensionElements>
            <html:img xmlns:html="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)" />
          </extensionElements>
          <decisionTable id="DecisionTable_Html">
            <input id="Input_Amount">
              <inputExpression id="InputExpression_Amount" typeRef="integer">
                <text>amount</text>
              </inputExpression>
            </input>
            <output id="Output_Result" name="result" typeRef="string" />
          </decisionTable>
          """);

  /** FEEL, but defining a function on a Java method: feel-scala's "external function". */
  static final String DMN_FEEL_EXTERNAL_FUNCTION =
      dmn(
          "ExternalFunction",
          "",
          """
          <variable id="Variable_1" name="result" typeRef="string" />
          <literalExpression id="LiteralExpression_External">
            <text>{ set: function(key, value) external { java: { class: "java.lang.System", \
          method signature: "setProperty(java.lang.String, java.lang.String)" } }, \
          result: set("%s", "called") }.result</text>
          </literalExpression>
          """
              .formatted(FEEL_MARKER));
}
