package eu.complaintdesk.engine;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import eu.complaintdesk.process.FormInputs;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The variables a user task accepts: the input fields of the Camunda Form its model names ({@code
 * camunda:formRef}), in the case's own deployment — so a field a process owner adds in Modeler and
 * deploys is accepted on the cases of that deployment, and older cases keep their forms. Never a
 * {@linkplain ComplaintVariables#PROCESS_OWNED variable the process owns}, whatever a form declares
 * (the deployment refuses such a form; this is the second line). Read once per deployment and form:
 * a deployment never changes. Read inside the engine command that asks (a task's completion or
 * creation) and without the user's authorizations: staff may work a task without reading its
 * deployment.
 */
@Component
public class TaskForms {

  private final Map<String, Set<String>> formInputs = new ConcurrentHashMap<>();

  /**
   * The variables the task {@code taskDefinitionKey} of {@code processDefinitionId} takes, sorted;
   * empty for a task of the complaint process without a form of its deployment; {@code null} for a
   * task of another process that names no form (not ours to restrict).
   */
  public Set<String> accepted(
      RepositoryService repository, String processDefinitionId, String taskDefinitionKey) {
    return Context.getCommandContext()
        .runWithoutAuthorization(() -> lookUp(repository, processDefinitionId, taskDefinitionKey));
  }

  private Set<String> lookUp(
      RepositoryService repository, String processDefinitionId, String taskDefinitionKey) {
    ProcessDefinition definition = repository.getProcessDefinition(processDefinitionId);
    boolean ours = ComplaintProcess.PROCESS_KEY.equals(definition.getKey());
    UserTask task =
        repository.getBpmnModelInstance(processDefinitionId).getModelElementById(taskDefinitionKey)
                instanceof UserTask userTask
            ? userTask
            : null;
    String formRef = task == null ? null : task.getCamundaFormRef();
    if (formRef == null || formRef.isBlank()) {
      return ours ? Set.of() : null;
    }
    return formInputs.computeIfAbsent(
        definition.getDeploymentId() + '\n' + formRef,
        key -> read(repository, definition.getDeploymentId(), formRef));
  }

  /** The form's inputs in that deployment, less the names the process owns; empty if none. */
  private static Set<String> read(
      RepositoryService repository, String deploymentId, String formRef) {
    List<Resource> resources = repository.getDeploymentResources(deploymentId);
    Optional<Set<String>> inputs =
        resources.stream()
            .filter(resource -> resource.getName().endsWith(".form"))
            .filter(resource -> formRef.equals(idOrNull(resource.getBytes())))
            .findFirst()
            .map(resource -> FormInputs.keys(resource.getBytes()));
    return inputs
        .map(
            keys -> {
              Set<String> accepted = new TreeSet<>(keys);
              accepted.removeAll(ComplaintVariables.PROCESS_OWNED);
              return Collections.unmodifiableSet(accepted);
            })
        .orElse(Set.of());
  }

  private static String idOrNull(byte[] form) {
    try {
      return FormInputs.id(form);
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
  }
}
