package eu.complaintdesk.stafflanguage;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The deployed form engine REST and the webapps' API answer reaches Tasklist translated. */
class StaffFormsTest {

  static final FormLabels LABELS = FormLabels.fromClasspath();

  @Test
  void aTaskFormAndAStartFormAreAnsweredInTheStaffLanguage() throws Exception {
    for (String path :
        new String[] {
          "/camunda/api/engine/engine/default/task/4711/deployed-form",
          "/engine-rest/task/4711/deployed-form",
          "/engine-rest/process-definition/key/StaffComplaintRegistration/deployed-start-form"
        }) {
      MockHttpServletResponse response = fetch(Language.lv, "GET", path, 200);
      assertThat(response.getContentAsString(StandardCharsets.UTF_8))
          .as(path)
          .contains("Atbildes projekts")
          .doesNotContain("\"Draft answer\"");
      assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }
  }

  @Test
  void englishOtherRequestsAndErrorsPassUntouched() throws Exception {
    byte[] english = Files.readAllBytes(Path.of("forms/Form_DraftAnswer.form"));
    assertThat(
            fetch(Language.en, "GET", "/engine-rest/task/1/deployed-form", 200)
                .getContentAsByteArray())
        .isEqualTo(english);
    assertThat(
            fetch(Language.lv, "GET", "/engine-rest/deployment/1/resources/2/data", 200)
                .getContentAsByteArray())
        .isEqualTo(english);
    assertThat(
            fetch(Language.lv, "GET", "/engine-rest/task/1/deployed-form", 404)
                .getContentAsByteArray())
        .isEqualTo(english);
  }

  private static MockHttpServletResponse fetch(
      Language language, String method, String path, int status) throws Exception {
    byte[] english = Files.readAllBytes(Path.of("forms/Form_DraftAnswer.form"));
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain engine =
        (req, res) -> {
          HttpServletResponse http = (HttpServletResponse) res;
          http.setStatus(status);
          http.setContentType("application/json");
          http.setContentLength(english.length);
          http.getOutputStream().write(english);
        };
    new StaffForms.Translating(LABELS, language).doFilter(request, response, engine);
    return response;
  }
}
