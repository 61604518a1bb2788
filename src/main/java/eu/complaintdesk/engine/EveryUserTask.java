package eu.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Calls every {@link OnEveryUserTask} bean when a user task of any model is created and when it is
 * completed: the engine adds the listeners to each user task it parses, after the model's own, so
 * the models need none.
 */
@Component
class EveryUserTask extends AbstractProcessEnginePlugin {

  /** The listeners, looked up once when the first task is created. */
  private final Supplier<List<OnEveryUserTask>> listeners;

  EveryUserTask(ObjectProvider<OnEveryUserTask> listeners) {
    this.listeners = SingletonSupplier.of(() -> listeners.orderedStream().toList());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    TaskListener created = task -> listeners.get().forEach(each -> each.created(task));
    TaskListener completed = task -> listeners.get().forEach(each -> each.completed(task));
    List<BpmnParseListener> parseListeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task =
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
          }
        });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
