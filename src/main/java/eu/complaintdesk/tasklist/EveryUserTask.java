package eu.complaintdesk.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Adds a listener to every user task of every model the engine parses: the models need none. */
final class EveryUserTask {

  private EveryUserTask() {}

  static void onCreate(ProcessEngineConfigurationImpl configuration, TaskListener listener) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior())
                .getTaskDefinition()
                .addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
