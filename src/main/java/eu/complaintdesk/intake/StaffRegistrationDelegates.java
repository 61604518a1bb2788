package eu.complaintdesk.intake;

import static eu.complaintdesk.process.StaffRegistrationProcess.*;

import eu.complaintdesk.engine.Refusal;
import eu.complaintdesk.engine.SignedIn;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.security.Groups;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The staff start form's service task: checks the form's variables as strictly as the staff API
 * checks its body, registers the complaint through the intake (which starts its case), keeps only
 * the registration number and removes the rest.
 */
@Configuration(proxyBeanMethods = false)
class StaffRegistrationDelegates {

  /** Bean validation paths of {@link Submission} → the start form's variable names. */
  static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("language", LANGUAGE),
          Map.entry("customer.name", CUSTOMER_NAME),
          Map.entry("customer.email", CUSTOMER_EMAIL),
          Map.entry("customer.phone", CUSTOMER_PHONE),
          Map.entry("customer.customerNumber", CUSTOMER_NUMBER),
          Map.entry("customer.address", CUSTOMER_ADDRESS),
          Map.entry("customer.reachable", CUSTOMER_EMAIL),
          Map.entry("preferredContact", PREFERRED_CONTACT),
          Map.entry("subject", SUBJECT),
          Map.entry("description", DESCRIPTION),
          Map.entry("remedySought", REMEDY_SOUGHT),
          Map.entry("categoryHint", CATEGORY_HINT));

  @Bean
  JavaDelegate registerStaffComplaintDelegate(
      IntakeService intake,
      Validator validator,
      Clock clock,
      StaffIntakeRules rules,
      AccessCodeHandovers handovers) {
    return execution -> {
      String registrar = registrar(execution); // who acts, before what they ask
      Submission submission = submission(execution);
      Optional<ConstraintViolation<Submission>> violation =
          validator.validate(submission).stream()
              .min(Comparator.comparing(v -> v.getPropertyPath().toString()));
      if (violation.isPresent()) {
        String path = violation.get().getPropertyPath().toString();
        String message =
            path.equals("customer.reachable")
                ? "is needed unless a phone number or address is given"
                : violation.get().getMessage();
        throw Refusal.invalid(FIELDS.getOrDefault(path, path), message);
      }
      Channel channel = option(execution, CHANNEL, Channel.class);
      if (channel == null) {
        throw Refusal.invalid(CHANNEL, "is required");
      }
      rules
          .channelProblem(channel)
          .ifPresent(
              problem -> {
                throw Refusal.invalid(CHANNEL, problem);
              });
      Instant receivedAt = receivedAt(execution, clock, rules);
      IntakeService.Receipt receipt =
          intake.submit(submission, channel, receivedAt, registrar, null);
      // Nobody shows this customer the receipt: the acknowledgement tells them the access code.
      handovers.hold(receipt.complaintId(), receipt.accessCode());
      execution.removeVariables(FORM_VARIABLES);
      execution.setVariable(REGISTRATION_NUMBER, receipt.registrationNumber());
    };
  }

  private static Submission submission(DelegateExecution execution) {
    return new Submission(
        option(execution, LANGUAGE, Language.class),
        new Submission.Customer(
            text(execution, CUSTOMER_NAME),
            text(execution, CUSTOMER_EMAIL),
            text(execution, CUSTOMER_PHONE),
            text(execution, CUSTOMER_NUMBER),
            text(execution, CUSTOMER_ADDRESS)),
        option(execution, PREFERRED_CONTACT, PreferredContact.class),
        text(execution, SUBJECT),
        text(execution, DESCRIPTION),
        text(execution, REMEDY_SOUGHT),
        text(execution, CATEGORY_HINT),
        null, // the start form does not ask what kind it is: the registrar classifies it anyway
        null,
        null);
  }

  /**
   * Now when not given; refused when it is not a date and time, lies in the future or too far back.
   */
  private static Instant receivedAt(
      DelegateExecution execution, Clock clock, StaffIntakeRules rules) {
    String value = text(execution, RECEIVED_AT);
    Instant now = clock.instant();
    if (value == null) {
      return now;
    }
    Instant receivedAt;
    try {
      receivedAt = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(RECEIVED_AT, "must be a date and time such as 2026-11-23T10:00+02:00");
    }
    rules
        .receivedAtProblem(receivedAt, now)
        .ifPresent(
            problem -> {
              throw Refusal.invalid(RECEIVED_AT, problem);
            });
    return receivedAt;
  }

  /**
   * Who registers: the signed-in user who starts the process (this step runs in their request), a
   * registrar or an administrator. Never a variable, nor anyone else: this delegate is open to any
   * deployed model, and a model run by a timer (no one signed in) or started by a process owner
   * could otherwise feed it a registrar of its own ({@code registeredBy} as an input).
   */
  private static String registrar(DelegateExecution execution) {
    return SignedIn.current(execution.getProcessEngineServices().getIdentityService())
        .filter(signedIn -> signedIn.inAnyOf(Groups.REGISTRARS, Groups.ADMINISTRATORS))
        .map(SignedIn::userId)
        .orElseThrow(
            () ->
                new AuthorizationException(
                    "A complaint from another channel is registered by the signed-in registrar"
                        + " only."));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }

  private static <E extends Enum<E>> E option(
      DelegateExecution execution, String name, Class<E> type) {
    String value = text(execution, name);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }
}
