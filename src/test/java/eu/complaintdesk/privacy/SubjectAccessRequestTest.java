package eu.complaintdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.complaintdesk.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

/** The parameters of a subject access request, and the names of the export's files. */
class SubjectAccessRequestTest {

  @Test
  void anEMailAddressOrAPhoneNumberIsTaken() {
    assertThat(SubjectAccessRequest.of(" anna@example.lv ", null))
        .isEqualTo(new SubjectAccessRequest("anna@example.lv", null));
    assertThat(SubjectAccessRequest.of(null, "+371 (2000) 12-34"))
        .isEqualTo(new SubjectAccessRequest(null, "+371 (2000) 12-34"));
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL, NULL, email",
        "a@example.lv, 20001234, phone",
        "' ', NULL, email",
        "anna, NULL, email",
        "anna@ex ample.lv, NULL, email",
        "NULL, '', phone",
        "NULL, 12, phone",
        "NULL, 2000 1234 x, phone",
        "NULL, '<script>', phone"
      })
  void anythingElseIsA400NamingTheParameter(String email, String phone, String field) {
    assertThatThrownBy(() -> SubjectAccessRequest.of(email, phone))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(problem.field()).isEqualTo(field);
              assertThat(problem.getMessage()).startsWith(field + ":");
            });
  }

  @ParameterizedTest
  @CsvSource({
    "7, rēķins.png, 7-rekins.png",
    "8, ../../etc/passwd, 8-etc_passwd",
    "9, '..\\\\..\\\\boot.ini', 9-boot.ini",
    "10, /abs/path.pdf, 10-abs_path.pdf",
    "11, '...', 11-file",
    "12, фото.jpg, 12-file.jpg",
    "13, my.report.final.pdf, 13-my_report_final.pdf",
  })
  void fileNamesStayInTheirFolder(long id, String stored, String expected) {
    String name = SubjectAccessExport.safeName(id, stored);

    assertThat(name).isEqualTo(expected).doesNotContain("/", "\\", "..");
  }
}
