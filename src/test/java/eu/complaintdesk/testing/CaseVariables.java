package eu.complaintdesk.testing;

import static org.awaitility.Awaitility.await;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.process.ComplaintVariables;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** What a case's process holds, read as the test's system user. */
public final class CaseVariables {

  private CaseVariables() {}

  /** The case's variables once the rules have suggested its classification. */
  public static Map<String, Object> onceSuggested(RuntimeService runtime, String number) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ProcessInstance instance =
                  runtime
                      .createProcessInstanceQuery()
                      .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
                      .processInstanceBusinessKey(number)
                      .singleResult();
              return instance == null
                  ? Map.<String, Object>of()
                  : runtime.getVariables(instance.getId());
            },
            variables -> variables.get(ComplaintVariables.SUGGESTED_FEEDBACK_TYPE) != null);
  }
}
