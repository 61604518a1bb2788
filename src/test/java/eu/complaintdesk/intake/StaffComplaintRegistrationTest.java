package eu.complaintdesk.intake;

import static eu.complaintdesk.process.StaffRegistrationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.process.ComplaintProcess;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintRegister;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.security.Groups;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The staff start form "Register complaint from another channel" on the real engine: submitted as
 * Tasklist submits it (FormService, the registrar authenticated), it registers the complaint and
 * starts its case; bad input is refused with the variable named and nothing registered; the form's
 * personal data stays out of this process's variables and history.
 */
@SpringBootTest
@ActiveProfiles("test")
@Import({StaffComplaintRegistrationTest.Coverage.class, ProcessEngineCoverageConfiguration.class})
@TestExecutionListeners(
    value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class StaffComplaintRegistrationTest {

  /** Full coverage of this process; the complaint case it starts is covered by its own tests. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Coverage {
    /** Primary: the library's default bean exists too, and it reads the one getBean returns. */
    @Bean
    @Primary
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(1.0)
          .excludeProcessDefinitionKeys(ComplaintProcess.PROCESS_KEY)
          .build();
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired FormService forms;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ComplaintRegister register;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void registrarRegistersALetterWithItsReceiptTimeAndTheCaseStarts() {
    Map<String, Object> form = letter();
    form.put(RECEIVED_AT, "2026-11-20T10:30+02:00");

    ProcessInstance instance = submitAsRegistrar(definition().getId(), form);

    assertThat(instance).isEnded().hasPassed(REGISTER_COMPLAINT, END_REGISTERED);
    String number =
        (String)
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(REGISTRATION_NUMBER)
                .singleResult()
                .getValue();
    Complaint complaint = register.findByRegistrationNumber(number).orElseThrow();
    assertThat(complaint.channel()).isEqualTo(Channel.POST);
    assertThat(complaint.receivedAt()).isEqualTo(Instant.parse("2026-11-20T08:30:00Z"));
    assertThat(complaint.customerName()).isEqualTo("Ilze Kalniņa");
    assertThat(complaint.customerAddress()).isEqualTo("Liepāja, Lielā iela 5");
    assertThat(complaint.subject()).isEqualTo("Karstā ūdens nav");
    assertThat(complaint.categoryHint()).isEqualTo("HOT_WATER_QUALITY");
    assertThat(complaint.status()).isEqualTo(ComplaintStatus.REGISTERED);
    assertThat(register.timeline(complaint.id()))
        .anySatisfy(entry -> assertThat(entry.actor()).isEqualTo("registrar"));
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(ComplaintProcess.PROCESS_KEY)
                .processInstanceBusinessKey(number)
                .count())
        .isEqualTo(1);
  }

  @Test
  void whoRegisteredComesFromTheSignInAndAStartNamingSomeoneElseIsRefused() {
    long before = registrations();
    Map<String, Object> forged = letter();
    forged.put(REGISTERED_BY, "admin");

    assertThatThrownBy(() -> submitAsRegistrar(definition().getId(), forged))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("'" + REGISTERED_BY + "'");
    identity.setAuthentication("registrar", List.of(Groups.REGISTRARS));
    assertThatThrownBy(
            () -> runtime.createProcessInstanceByKey(PROCESS_KEY).setVariables(forged).execute())
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("'" + REGISTERED_BY + "'");
    assertThatThrownBy(
            () ->
                runtime
                    .createProcessInstanceByKey(PROCESS_KEY)
                    .startBeforeActivity(REGISTER_COMPLAINT)
                    .setVariables(forged)
                    .execute())
        .isInstanceOf(Refusal.class);
    identity.clearAuthentication();
    assertThat(registrations()).isEqualTo(before);

    // started at the registering step itself (no initiator set): still the signed-in registrar
    identity.setAuthentication("registrar", List.of(Groups.REGISTRARS));
    ProcessInstance direct =
        runtime
            .createProcessInstanceByKey(PROCESS_KEY)
            .startBeforeActivity(REGISTER_COMPLAINT)
            .setVariables(letter())
            .execute();
    identity.clearAuthentication();
    String number =
        (String)
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(direct.getId())
                .variableName(REGISTRATION_NUMBER)
                .singleResult()
                .getValue();
    Complaint complaint = register.findByRegistrationNumber(number).orElseThrow();
    assertThat(register.timeline(complaint.id()))
        .filteredOn(entry -> entry.type().equals("REGISTERED"))
        .extracting(entry -> entry.actor())
        .containsExactly("registrar");
  }

  @Test
  void formDataIsNeitherKeptInTheInstanceNorWrittenToHistory() {
    ProcessInstance instance = submitAsRegistrar(definition().getId(), letter());

    assertThat(
            history
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .list())
        .extracting(v -> v.getName())
        .containsExactlyInAnyOrder(REGISTRATION_NUMBER, REGISTERED_BY);
    assertThat(
            history
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .variableUpdates()
                .list())
        .allSatisfy(
            d ->
                assertThat(((HistoricVariableUpdate) d).getVariableName())
                    .isIn(REGISTRATION_NUMBER, REGISTERED_BY));
    assertThat(
            history
                .createHistoricDetailQuery()
                .processInstanceId(instance.getId())
                .formFields()
                .count())
        .isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void receiptTimeInTheFutureIsRefusedAndNothingIsRegistered() {
    Map<String, Object> form = letter();
    form.put(RECEIVED_AT, "2999-01-01T10:00+02:00");

    assertRefused(form, RECEIVED_AT, "must not be in the future");
  }

  @Test
  void receiptTimeFurtherBackThanTheBackdatingLimitIsRefused() {
    Map<String, Object> form = letter();
    form.put(RECEIVED_AT, "1900-01-01T10:00+02:00");

    assertRefused(form, RECEIVED_AT, "must not be more than 90 days ago");
  }

  @Test
  void selfServiceChannelsAreRefused() {
    for (String channel : List.of("WEB_FORM", "API")) {
      Map<String, Object> form = letter();
      form.put(CHANNEL, channel);
      assertRefused(form, CHANNEL, "customers register those themselves");
    }
  }

  @Test
  void badInputIsRefusedWithTheVariableNamed() {
    Map<String, Object> noContact = letter();
    noContact.remove(CUSTOMER_ADDRESS);
    assertRefused(noContact, CUSTOMER_ADDRESS, "is required when preferredContact is POST");

    Map<String, Object> badEmail = letter();
    badEmail.put(CUSTOMER_EMAIL, "not-an-address");
    assertRefused(badEmail, CUSTOMER_EMAIL, "email address");

    Map<String, Object> noSubject = letter();
    noSubject.put(SUBJECT, " ");
    assertRefused(noSubject, SUBJECT, "");

    Map<String, Object> badLanguage = letter();
    badLanguage.put(LANGUAGE, "de");
    assertRefused(badLanguage, LANGUAGE, "must be one of");

    Map<String, Object> noChannel = letter();
    noChannel.remove(CHANNEL);
    assertRefused(noChannel, CHANNEL, "is required");

    Map<String, Object> badTime = letter();
    badTime.put(RECEIVED_AT, "yesterday");
    assertRefused(badTime, RECEIVED_AT, "date and time");
  }

  @Test
  void onlyRegistrarsMayStartIt() {
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .startableByUser("registrar")
                .latestVersion()
                .count())
        .isEqualTo(1);
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .startableByUser("handler")
                .count())
        .isZero();
    assertThat(forms.getStartFormKey(definition().getId())).isNull();
    assertThat(definition().getHistoryTimeToLive()).isEqualTo(180);
  }

  private void assertRefused(Map<String, Object> form, String variable, String message) {
    long before = runtime.createProcessInstanceQuery().count();
    long instancesBefore = history.createHistoricProcessInstanceQuery().count();
    String id = definition().getId();
    assertThatThrownBy(() -> submitAsRegistrar(id, form))
        .isInstanceOf(Refusal.class)
        .hasMessageStartingWith("'" + variable + "'")
        .hasMessageContaining(message);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  /** Submits the start form signed in as Tasklist signs in: the user with the user's groups. */
  private ProcessInstance submitAsRegistrar(String definitionId, Map<String, Object> form) {
    identity.setAuthentication("registrar", List.of(Groups.REGISTRARS));
    try {
      return forms.submitStartForm(definitionId, form);
    } finally {
      identity.clearAuthentication();
    }
  }

  private long registrations() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
  }

  private ProcessDefinition definition() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY)
        .latestVersion()
        .singleResult();
  }

  /** A letter, as the start form submits it: strings, empty optional fields left out. */
  private static Map<String, Object> letter() {
    Map<String, Object> form = new HashMap<>();
    form.put(CHANNEL, "POST");
    form.put(LANGUAGE, "lv");
    form.put(CUSTOMER_NAME, "Ilze Kalniņa");
    form.put(CUSTOMER_ADDRESS, "Liepāja, Lielā iela 5");
    form.put(PREFERRED_CONTACT, "POST");
    form.put(SUBJECT, "Karstā ūdens nav");
    form.put(DESCRIPTION, "Kopš pirmdienas dzīvoklī nav karstā ūdens.");
    form.put(REMEDY_SOUGHT, "Atjaunot karstā ūdens piegādi");
    form.put(CATEGORY_HINT, "HOT_WATER_QUALITY");
    return form;
  }
}
