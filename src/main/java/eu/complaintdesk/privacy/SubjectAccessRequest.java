package eu.complaintdesk.privacy;

import eu.complaintdesk.problem.ApiProblem;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;

/**
 * Whose data a subject access request asks for: exactly one of an e-mail address or a phone number
 * (written with any of the separators the register ignores). Anything else is a 400 naming the
 * parameter.
 *
 * @param email the address, trimmed, or {@code null}
 * @param phone the number as given, trimmed, or {@code null}
 */
record SubjectAccessRequest(String email, String phone) {

  static final String EMAIL = "email";
  static final String PHONE = "phone";

  private static final Pattern AN_EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");

  /** Digits and the separators {@code ComplaintRegister#idsOfCustomer} ignores. */
  private static final Pattern A_PHONE = Pattern.compile("[0-9 +\\-()./]+");

  private static final int MAX_EMAIL = 254;
  private static final int MAX_PHONE = 40;
  private static final int MIN_PHONE_DIGITS = 3;

  /** The request of these query parameters, or an {@link ApiProblem} (400) naming the wrong one. */
  static SubjectAccessRequest of(String email, String phone) {
    if (email == null && phone == null) {
      throw badRequest(EMAIL, "email: give the customer's e-mail address (or phone)");
    }
    if (email != null && phone != null) {
      throw badRequest(PHONE, "phone: give either email or phone, not both");
    }
    if (email != null) {
      String trimmed = email.strip();
      if (trimmed.isEmpty()) {
        throw badRequest(EMAIL, "email: must not be blank");
      }
      if (trimmed.length() > MAX_EMAIL || !AN_EMAIL.matcher(trimmed).matches()) {
        throw badRequest(EMAIL, "email: not an e-mail address");
      }
      return new SubjectAccessRequest(trimmed, null);
    }
    String trimmed = phone.strip();
    if (trimmed.isEmpty()) {
      throw badRequest(PHONE, "phone: must not be blank");
    }
    if (trimmed.length() > MAX_PHONE
        || !A_PHONE.matcher(trimmed).matches()
        || trimmed.chars().filter(Character::isDigit).count() < MIN_PHONE_DIGITS) {
      throw badRequest(PHONE, "phone: not a phone number (digits and + - ( ) . / only)");
    }
    return new SubjectAccessRequest(null, trimmed);
  }

  /** The parameter that was given. */
  String parameter() {
    return email != null ? EMAIL : PHONE;
  }

  private static ApiProblem badRequest(String field, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, field, detail);
  }
}
