package eu.complaintdesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/** The ids that code and tests use exist in the model, so a renamed element cannot go unnoticed. */
class ProcessModelTest {

  static final BpmnModelInstance MODEL =
      Bpmn.readModelFromFile(new File("bpmn/" + ComplaintProcess.PROCESS_KEY + ".bpmn"));

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

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
