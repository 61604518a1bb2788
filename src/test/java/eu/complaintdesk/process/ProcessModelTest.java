package eu.complaintdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * The ids that code and tests use exist in the model, so a renamed element cannot go unnoticed;
 * what listeners do is documented on their elements; expressions only name things.
 */
class ProcessModelTest {

  static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(new File("bpmn/" + ComplaintProcess.PROCESS_KEY + ".bpmn"));

  static final List<BpmnModelInstance> MODELS =
      List.of(MODEL, Bpmn.readModelFromFile(new File("bpmn/StaffComplaintRegistration.bpmn")));

  @Test
  void everyIdOfTheProcessContractNamesAnElementOfTheModel() {
    List<String> missing =
        Arrays.stream(ComplaintProcess.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
            .map(ProcessModelTest::value)
            .filter(id -> MODEL.getModelElementById(id) == null)
            .toList();

    assertThat(missing).isEmpty();
    assertThat(MODEL.<Process>getModelElementById(ComplaintProcess.PROCESS_KEY).isExecutable())
        .isTrue();
  }

  @Test
  void messagesAreNamedAsTheirIds() {
    assertThat(MODEL.getModelElementsByType(Message.class))
        .isNotEmpty()
        .allSatisfy(message -> assertThat(message.getName()).isEqualTo(message.getId()));
  }

  /**
   * A listener that checks or changes a value is invisible in the diagram unless its element's
   * documentation names it, which Modeler shows: every listener of both models is named there.
   */
  @Test
  void everyListenerIsNamedInTheDocumentationOfItsElement() {
    List<String> unnamed = new ArrayList<>();
    int listeners = 0;
    for (BpmnModelInstance model : MODELS) {
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        String documentation =
            element.getDocumentations().stream()
                .map(Documentation::getTextContent)
                .collect(Collectors.joining(" "));
        for (String listener : listenersOf(element)) {
          listeners++;
          if (!documentation.contains(listener)) {
            unnamed.add(element.getId() + ": " + listener);
          }
        }
      }
    }
    assertThat(listeners).as("listeners found").isGreaterThan(10);
    assertThat(unnamed).as("listeners their element's documentation does not name").isEmpty();
  }

  /**
   * Delegates read what they need: no expression of the models calls a method, follows a property
   * or names one of the beans earlier models called ({@code complaintRegister}, …).
   */
  @Test
  void noExpressionCallsAMethodOrReachesABeanOtherThanADelegate() throws IOException {
    Pattern expression = Pattern.compile("[$#]\\{([^}]*)}");
    for (String key : List.of(ComplaintProcess.PROCESS_KEY, "StaffComplaintRegistration")) {
      String xml = Files.readString(Path.of("bpmn", key + ".bpmn"));
      Matcher matcher = expression.matcher(xml);
      int found = 0;
      while (matcher.find()) {
        found++;
        String body = matcher.group(1);
        assertThat(matcher.group()).as(key).startsWith("${").doesNotContain("(", ".", "[");
        assertThat(body.split("[^A-Za-z0-9_]+"))
            .as(key + ": " + matcher.group())
            .doesNotContain(
                "complaintRegister", "organisation", "externalInquiries", "appealAuthorities");
      }
      assertThat(found).as(key).isPositive();
    }
  }

  private static List<String> listenersOf(BaseElement element) {
    List<String> names = new ArrayList<>();
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return names;
    }
    for (CamundaExecutionListener listener :
        extensions.getChildElementsByType(CamundaExecutionListener.class)) {
      names.add(
          listenerName(
              listener.getCamundaDelegateExpression(),
              listener.getCamundaClass(),
              listener.getCamundaExpression()));
    }
    for (CamundaTaskListener listener :
        extensions.getChildElementsByType(CamundaTaskListener.class)) {
      names.add(
          listenerName(
              listener.getCamundaDelegateExpression(),
              listener.getCamundaClass(),
              listener.getCamundaExpression()));
    }
    return names.stream().distinct().toList();
  }

  /** {@code ${name}} as {@code name}; a class or expression listener as written. */
  private static String listenerName(String delegateExpression, String className, String other) {
    String text =
        delegateExpression != null ? delegateExpression : className != null ? className : other;
    return text.replaceAll("^\\$\\{|}$", "");
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
