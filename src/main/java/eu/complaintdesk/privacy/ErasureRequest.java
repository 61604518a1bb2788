package eu.complaintdesk.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import eu.complaintdesk.problem.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Whose personal data to erase: exactly one of a case's registration number (that customer, by the
 * case's e-mail and phone, with all their cases), an e-mail address or a phone number. An unknown
 * field is refused (400 naming it), not ignored.
 */
@Schema(description = "Exactly one of registrationNumber, email, phone")
record ErasureRequest(
    @Schema(description = "A case of the customer: erases all cases of that case's customer")
        String registrationNumber,
    @Schema(description = "The customer's e-mail address (case and blanks ignored)") String email,
    @Schema(description = "The customer's phone number (blanks, + - ( ) . / ignored)")
        String phone) {

  static final String REGISTRATION_NUMBER = "registrationNumber";
  static final String EMAIL = "email";
  static final String PHONE = "phone";

  /**
   * The request read from its JSON: an object whose fields are among the three, each a string (or
   * null); anything else is the 400 naming the field.
   */
  static ErasureRequest of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad(REGISTRATION_NUMBER, "the body must be a JSON object");
    }
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!List.of(REGISTRATION_NUMBER, EMAIL, PHONE).contains(name)) {
                throw bad(name, "is not a field of an erasure request");
              }
              JsonNode value = body.get(name);
              if (!value.isNull() && !value.isTextual()) {
                throw bad(name, "must be a string");
              }
            });
    return new ErasureRequest(
        text(body, REGISTRATION_NUMBER), text(body, EMAIL), text(body, PHONE));
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The first thing wrong with the request, as the 400 to answer; empty when it is valid. */
  Optional<ApiProblem> problem() {
    List<String> given = new ArrayList<>();
    if (registrationNumber != null) {
      given.add(REGISTRATION_NUMBER);
    }
    if (email != null) {
      given.add(EMAIL);
    }
    if (phone != null) {
      given.add(PHONE);
    }
    if (given.isEmpty()) {
      return Optional.of(
          bad(REGISTRATION_NUMBER, "give one of registrationNumber, email or phone"));
    }
    if (given.size() > 1) {
      return Optional.of(bad(given.get(1), "give only one of registrationNumber, email or phone"));
    }
    String field = given.get(0);
    String value =
        (registrationNumber != null ? registrationNumber : email != null ? email : phone);
    if (value.isBlank()) {
      return Optional.of(bad(field, "must not be blank"));
    }
    if (value.length() > 254) {
      return Optional.of(bad(field, "is too long"));
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return Optional.of(bad(field, "must not contain control characters"));
    }
    Optional<String> contact =
        email != null
            ? CustomerContact.emailProblem(email)
            : phone != null ? CustomerContact.phoneProblem(phone) : Optional.empty();
    if (contact.isPresent()) {
      return Optional.of(bad(field, contact.get()));
    }
    return Optional.empty();
  }

  private static ApiProblem bad(String field, String message) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, field, field + ": " + message);
  }
}
