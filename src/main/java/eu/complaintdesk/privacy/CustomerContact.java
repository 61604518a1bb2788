package eu.complaintdesk.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one check of a customer's e-mail address or phone number as a privacy request names them
 * (erasure, subject access): what is wrong with the value, as the text after {@code "field: "} of
 * the 400, or empty when it is fine. The register's {@code idsOfCustomer} ignores the case and
 * blanks of an address, and the blanks and separators of a number.
 */
final class CustomerContact {

  static final int MAX_EMAIL = 254;
  static final int MAX_PHONE = 40;
  static final int MIN_PHONE_DIGITS = 3;

  private static final Pattern AN_EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

  /** Digits and the separators {@code ComplaintRegister#idsOfCustomer} ignores. */
  private static final Pattern A_PHONE = Pattern.compile("[0-9 +\\-()./]+");

  private CustomerContact() {}

  /** What is wrong with this e-mail address (taken stripped); empty when it is one. */
  static Optional<String> emailProblem(String email) {
    String stripped = email.strip();
    if (stripped.isEmpty()) {
      return Optional.of("must not be blank");
    }
    if (stripped.length() > MAX_EMAIL
        || stripped.chars().anyMatch(Character::isISOControl)
        || !AN_EMAIL.matcher(stripped).matches()) {
      return Optional.of("not an e-mail address");
    }
    return Optional.empty();
  }

  /** What is wrong with this phone number (taken stripped); empty when it is one. */
  static Optional<String> phoneProblem(String phone) {
    String stripped = phone.strip();
    if (stripped.isEmpty()) {
      return Optional.of("must not be blank");
    }
    if (stripped.length() > MAX_PHONE
        || !A_PHONE.matcher(stripped).matches()
        || stripped.chars().filter(Character::isDigit).count() < MIN_PHONE_DIGITS) {
      return Optional.of("not a phone number (digits and + - ( ) . / only)");
    }
    return Optional.empty();
  }
}
