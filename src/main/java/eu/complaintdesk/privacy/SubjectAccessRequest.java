package eu.complaintdesk.privacy;

import eu.complaintdesk.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * Whose data a subject access request asks for: exactly one of an e-mail address or a phone number
 * (checked by {@link CustomerContact}, as an erasure request). Anything else is a 400 naming the
 * parameter.
 *
 * @param email the address, trimmed, or {@code null}
 * @param phone the number as given, trimmed, or {@code null}
 */
record SubjectAccessRequest(String email, String phone) {

  static final String EMAIL = "email";
  static final String PHONE = "phone";

  /** The request of these query parameters, or an {@link ApiProblem} (400) naming the wrong one. */
  static SubjectAccessRequest of(String email, String phone) {
    if (email == null && phone == null) {
      throw badRequest(EMAIL, "email: give the customer's e-mail address (or phone)");
    }
    if (email != null && phone != null) {
      throw badRequest(PHONE, "phone: give either email or phone, not both");
    }
    if (email != null) {
      CustomerContact.emailProblem(email)
          .ifPresent(
              problem -> {
                throw badRequest(EMAIL, "email: " + problem);
              });
      return new SubjectAccessRequest(email.strip(), null);
    }
    CustomerContact.phoneProblem(phone)
        .ifPresent(
            problem -> {
              throw badRequest(PHONE, "phone: " + problem);
            });
    return new SubjectAccessRequest(null, phone.strip());
  }

  /** The parameter that was given. */
  String parameter() {
    return email != null ? EMAIL : PHONE;
  }

  private static ApiProblem badRequest(String field, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, field, detail);
  }
}
