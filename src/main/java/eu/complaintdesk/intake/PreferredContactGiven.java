package eu.complaintdesk.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The contact the customer prefers must be given: an e-mail address for {@code EMAIL}, a phone
 * number for {@code SMS}, an address for {@code POST}. The error names the missing field ({@code
 * customer.email}, {@code customer.phone}, {@code customer.address}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PreferredContactGiven.Validator.class)
@interface PreferredContactGiven {

  String message() default "is required for the preferred contact";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PreferredContactGiven, Submission> {

    @Override
    public boolean isValid(Submission submission, ConstraintValidatorContext context) {
      if (submission == null
          || submission.customer() == null
          || submission.preferredContact() == null) {
        return true;
      }
      Submission.Customer customer = submission.customer();
      String field =
          switch (submission.preferredContact()) {
            case EMAIL -> blank(customer.email()) ? "email" : null;
            case SMS -> blank(customer.phone()) ? "phone" : null;
            case POST -> blank(customer.address()) ? "address" : null;
          };
      if (field == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "is required when preferredContact is " + submission.preferredContact())
          .addPropertyNode("customer")
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }
  }
}
