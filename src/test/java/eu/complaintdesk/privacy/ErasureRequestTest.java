package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.complaintdesk.problem.ApiProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class ErasureRequestTest {

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"registrationNumber\":\"2026-000042\"}",
        "{\"email\":\" Anna@Example.lv \"}",
        "{\"phone\":\"+371 2000 0000\"}",
        "{\"email\":\"anna@example.lv\",\"phone\":null}"
      })
  void exactlyOneOfTheThreeIsAValidRequest(String body) throws Exception {
    assertThat(ErasureRequest.of(json.readTree(body)).problem()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|registrationNumber",
        "{\"email\":null}|registrationNumber",
        "{\"email\":\"a@b.lv\",\"phone\":\"+37120000000\"}|phone",
        "{\"registrationNumber\":\"2026-1\",\"email\":\"a@b.lv\"}|email",
        "{\"registrationNumber\":\" \"}|registrationNumber",
        "{\"email\":\"\"}|email",
        "{\"email\":\"anna\"}|email",
        "{\"email\":\"a@b@c\"}|email",
        "{\"phone\":\"no digits\"}|phone",
        "{\"phone\":\"+371\\u0000 2\"}|phone"
      })
  void badRequestIsRefusedNamingTheField(String body, String field) throws Exception {
    ApiProblem problem = ErasureRequest.of(json.readTree(body)).problem().orElseThrow();

    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(problem.field()).isEqualTo(field);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"customerName\":\"Anna\"}|customerName",
        "{\"email\":42}|email",
        "{\"phone\":[\"1\"]}|phone",
        "[]|registrationNumber",
        "\"anna@example.lv\"|registrationNumber"
      })
  void unknownFieldOrWrongTypeIsRefusedNamingIt(String body, String field) throws Exception {
    assertThatThrownBy(() -> ErasureRequest.of(json.readTree(body)))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(problem.field()).isEqualTo(field);
            });
  }

  /** Erasure and subject access take the same e-mail addresses and phone numbers. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "email|anna@example.lv|true",
        "email| Anna@Example.lv |true",
        "email|anna|false",
        "email|anna@ex ample.lv|false",
        "email|a@b@c|false",
        "phone|+371 (2000) 12-34|true",
        "phone|12|false",
        "phone|2000 1234 x|false",
        "phone|<script>|false",
        "phone|no digits|false"
      })
  void erasureAndSubjectAccessTakeTheSameContacts(String field, String value, boolean valid)
      throws Exception {
    boolean erasure =
        ErasureRequest.of(json.createObjectNode().put(field, value)).problem().isEmpty();
    boolean subjectAccess;
    try {
      SubjectAccessRequest.of(
          field.equals("email") ? value : null, field.equals("phone") ? value : null);
      subjectAccess = true;
    } catch (ApiProblem problem) {
      assertThat(problem.field()).isEqualTo(field);
      subjectAccess = false;
    }

    assertThat(erasure).isEqualTo(valid);
    assertThat(subjectAccess).isEqualTo(valid);
  }
}
