package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The variables a user task accepts: the input fields of the Camunda Form its model names, found as
 * the engine finds it — {@code camunda:formRef} with {@code camunda:formRefBinding="deployment"}
 * (the form whose {@code id} is that key, in the case's own deployment) or {@code
 * camunda:formKey="camunda-forms:deployment:<resource>"} — so a field a process owner adds in
 * Modeler and deploys is accepted on the cases of that deployment, and older cases keep their
 * forms. Never a {@linkplain ComplaintVariables#PROCESS_OWNED variable the process owns}, and a
 * task of the complaint process never {@linkplain ComplaintVariables#notTakenBy another task's, a
 * start variable} or a name its model sets ({@link #setByModel}), whatever its form declares (a
 * deployment with both refuses such a form, {@link DeploymentResourceCheck}; this is the second
 * line). A form given another way (another binding, another form key; refused at deployment since)
 * takes nothing. Read once per process definition and task, a bounded number of them: a deployment
 * never changes. Read inside the engine command that asks (a task's completion or creation) and
 * without the user's authorizations: staff may work a task without reading its deployment.
 */
@Component
class TaskForms {

  /** The form key of a Camunda Form that is a resource of the model's own deployment. */
  static final String DEPLOYMENT_FORM_KEY = "camunda-forms:deployment:";

  /** The binding of {@code camunda:formRef} that reads the form from the model's deployment. */
  static final String DEPLOYMENT_BINDING = "deployment";

  /** Tasks remembered: every task of the last few deployments (deployments are few). */
  private static final int REMEMBERED_TASKS = 500;

  /**
   * What a user task takes: {@code restricted} false for a task of another process that names no
   * form (not ours to restrict); {@code inputs} the names it takes; {@code shown} the names its
   * form only shows (read-only fields, which Tasklist submits with the value shown).
   */
  record TaskInputs(
      boolean complaintProcess, boolean restricted, Set<String> inputs, Set<String> shown) {

    static final TaskInputs UNRESTRICTED = new TaskInputs(false, false, Set.of(), Set.of());
  }

  private final Map<String, TaskInputs> remembered =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TaskInputs> eldest) {
              return size() > REMEMBERED_TASKS;
            }
          });

  /**
   * What the task {@code taskDefinitionKey} of {@code processDefinitionId} takes. Only inside an
   * engine command (the one that completes or creates the task).
   */
  TaskInputs accepted(String processDefinitionId, String taskDefinitionKey) {
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      throw new IllegalStateException(
          "TaskForms reads a task's form inside an engine command only (a task's completion or"
              + " creation)");
    }
    String key = processDefinitionId + '\n' + taskDefinitionKey;
    TaskInputs known = remembered.get(key);
    if (known != null) {
      return known;
    }
    TaskInputs inputs =
        context.runWithoutAuthorization(
            () -> lookUp(context, processDefinitionId, taskDefinitionKey));
    remembered.put(key, inputs);
    return inputs;
  }

  private static TaskInputs lookUp(
      CommandContext context, String processDefinitionId, String taskDefinitionKey) {
    DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition =
        cache.findDeployedProcessDefinitionById(processDefinitionId);
    BpmnModelInstance model = cache.findBpmnModelInstanceForProcessDefinition(definition);
    boolean ours = ComplaintProcess.PROCESS_KEY.equals(definition.getKey());
    UserTask task =
        model.getModelElementById(taskDefinitionKey) instanceof UserTask userTask ? userTask : null;
    FormSource source = FormSource.of(task);
    if (source.kind() == FormSource.Kind.NONE && !ours) {
      return TaskInputs.UNRESTRICTED;
    }
    String resource =
        switch (source.kind()) {
          case REFERENCE -> {
            CamundaFormDefinitionEntity form =
                context
                    .getCamundaFormDefinitionManager()
                    .findDefinitionByDeploymentAndKey(definition.getDeploymentId(), source.name());
            yield form == null ? null : form.getResourceName();
          }
          case RESOURCE -> source.name();
          case NONE, OTHER -> null;
        };
    ResourceEntity form =
        resource == null
            ? null
            : context
                .getResourceManager()
                .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), resource);
    if (form == null) {
      return new TaskInputs(ours, true, Set.of(), Set.of());
    }
    FormInputs.Fields fields;
    try {
      fields = FormInputs.read(form.getBytes());
    } catch (IllegalArgumentException unreadable) {
      return new TaskInputs(ours, true, Set.of(), Set.of());
    }
    Set<String> notTaken = notTakenBy(model, definition.getKey(), taskDefinitionKey);
    Set<String> inputs = new TreeSet<>(fields.inputs());
    inputs.removeAll(notTaken);
    return new TaskInputs(ours, true, Collections.unmodifiableSet(inputs), fields.shown());
  }

  /**
   * The names a user task of the process {@code processKey} never takes, whatever its form says:
   * for any process the variables the process owns; for a task of the complaint process also the
   * start variables, the other tasks' contract variables and what its model sets — never its own
   * contract variables.
   */
  static Set<String> notTakenBy(BpmnModelInstance model, String processKey, String taskId) {
    if (!ComplaintProcess.PROCESS_KEY.equals(processKey)) {
      return ComplaintVariables.PROCESS_OWNED;
    }
    Set<String> own = ComplaintProcess.TASK_VARIABLES.getOrDefault(taskId, Set.of());
    return Stream.concat(
            ComplaintVariables.notTakenBy(taskId).stream(),
            setByModel(model).stream().filter(name -> !own.contains(name)))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The names the model itself writes to the case: result variables, output mappings, a
   * multi-instance element's variable, a start event's initiator, a call activity's outputs.
   */
  static Set<String> setByModel(BpmnModelInstance model) {
    Set<String> names = new TreeSet<>();
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      for (String attribute : List.of("resultVariable", "elementVariable", "initiator")) {
        String name = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute);
        if (name != null && !name.isBlank()) {
          names.add(name);
        }
      }
    }
    for (CamundaOutputParameter output :
        model.getModelElementsByType(CamundaOutputParameter.class)) {
      names.add(output.getCamundaName());
    }
    for (CamundaOut out : model.getModelElementsByType(CamundaOut.class)) {
      if (out.getCamundaTarget() != null) {
        names.add(out.getCamundaTarget());
      }
    }
    return names;
  }

  /** The process that holds {@code element}, or {@code null}. */
  static Process processOf(ModelElementInstance element) {
    for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
      if (e instanceof Process process) {
        return process;
      }
    }
    return null;
  }

  /**
   * How an element names its form: by {@code camunda:formRef} bound to the deployment (REFERENCE,
   * the form's id), by {@code camunda-forms:deployment:} form key (RESOURCE, the resource's name),
   * another way (OTHER: another binding or form key, which the deployment refuses), or not at all.
   */
  record FormSource(Kind kind, String name) {

    enum Kind {
      REFERENCE,
      RESOURCE,
      OTHER,
      NONE
    }

    static FormSource of(BaseElement element) {
      if (element == null) {
        return new FormSource(Kind.NONE, null);
      }
      String formRef = camunda(element, "formRef");
      String formKey = camunda(element, "formKey");
      if (formRef != null) {
        String binding = camunda(element, "formRefBinding");
        return formKey == null && DEPLOYMENT_BINDING.equals(binding) && !formRef.contains("{")
            ? new FormSource(Kind.REFERENCE, formRef)
            : new FormSource(Kind.OTHER, formRef);
      }
      if (formKey != null) {
        return formKey.startsWith(DEPLOYMENT_FORM_KEY)
                && formKey.length() > DEPLOYMENT_FORM_KEY.length()
                && !formKey.contains("{")
            ? new FormSource(Kind.RESOURCE, formKey.substring(DEPLOYMENT_FORM_KEY.length()))
            : new FormSource(Kind.OTHER, formKey);
      }
      return new FormSource(Kind.NONE, null);
    }

    private static String camunda(BaseElement element, String attribute) {
      String value = element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, attribute);
      return value == null || value.isBlank() ? null : value; // as the engine reads it
    }
  }
}
