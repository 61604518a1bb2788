package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.system.ApplicationIntegrationTest;
import eu.complaintdesk.testing.CaseDriver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Review of issue 11, items 2 and 6: the engine part of an erasure removes the comments and
 * attachments of the case's instances and tasks (the application may still add a comment; earlier
 * releases let staff add them), and ends and cleans every instance of the complaint process with
 * the case's registration number as business key (a case restarted in Cockpit), not only the one
 * the complaint names.
 */
class EngineHistoryEraserIT extends ApplicationIntegrationTest {

  @LocalServerPort int port;
  @Autowired ComplaintRegister register;
  @Autowired EngineHistoryEraser eraser;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @Test
  void commentsAttachmentsAndARestartedInstanceOfTheCaseAreErased() {
    CaseDriver cases = new CaseDriver(port);
    String number = cases.submit(CaseDriver.HEATING_COMPLAINT);
    String task = cases.awaitTask(number, "UserTask_CheckCompleteness");
    String instance = register.findByRegistrationNumber(number).orElseThrow().processInstanceId();
    cases.awaitNoDueJobs(instance);
    String marker = "mk" + UUID.randomUUID().toString().replace("-", "");

    // what staff of an earlier release could add, through the Java API (as the application)
    tasks.createComment(task, instance, "Task comment " + marker);
    tasks.createComment(null, instance, "Case comment " + marker);
    tasks.createAttachment(
        "text/plain",
        task,
        instance,
        "Note " + marker,
        "About " + marker,
        new ByteArrayInputStream(("Content " + marker).getBytes(StandardCharsets.UTF_8)));
    // restarted by an administrator: a second instance under the same business key
    ProcessInstance restarted =
        runtime
            .createProcessInstanceById(
                runtime
                    .createProcessInstanceQuery()
                    .processInstanceId(instance)
                    .singleResult()
                    .getProcessDefinitionId())
            .businessKey(number)
            .setVariables(runtime.getVariables(instance))
            .startBeforeActivity("UserTask_CheckCompleteness")
            .execute();
    tasks.createComment(null, restarted.getId(), "Restarted " + marker);
    List<String> instances = List.of(instance, restarted.getId());
    assertThat(count("act_hi_comment", instances)).isEqualTo(3);
    assertThat(count("act_hi_attachment", instances)).isEqualTo(1);
    List<String> contents =
        jdbc.queryForList(
            "select content_id_ from act_hi_attachment where proc_inst_id_ = ?",
            String.class,
            instance);

    assertThat(eraser.endRunning(instance)).isTrue();
    EngineHistoryEraser.Counts erased = eraser.erase(instance, number);

    assertThat(erased.processesEnded()).isEqualTo(1);
    assertThat(erased.comments()).isEqualTo(3);
    assertThat(erased.attachments()).isEqualTo(1);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
                .processInstanceBusinessKey(number)
                .count())
        .as("running instances of the case")
        .isZero();
    assertThat(count("act_hi_comment", instances)).isZero();
    assertThat(count("act_hi_attachment", instances)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ge_bytearray where id_ = ?",
                Integer.class,
                contents.get(0)))
        .as("the attachment's content")
        .isZero();
    assertThat(tasks.getTaskComments(task)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_hi_comment where message_ like ?",
                Integer.class,
                "%" + marker + "%"))
        .isZero();
    for (String erasedInstance : instances) {
      assertThat(
              history
                  .createHistoricVariableInstanceQuery()
                  .processInstanceId(erasedInstance)
                  .list())
          .as("historic variables of %s", erasedInstance)
          .allSatisfy(
              variable -> assertThat(EngineHistoryEraser.KEPT).contains(variable.getName()));
    }
  }

  private int count(String table, List<String> instances) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where proc_inst_id_ in (?, ?)",
        Integer.class,
        instances.get(0),
        instances.get(1));
  }
}
