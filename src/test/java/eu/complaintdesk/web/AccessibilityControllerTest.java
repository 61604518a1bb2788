package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.system.Organisation;
import eu.complaintdesk.system.OrganisationProperties;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Where the accessibility statement sends reports, and what error pages say. */
class AccessibilityControllerTest {

  private static final LocalDate ASSESSED = LocalDate.of(2026, 12, 6);

  @Test
  void configuredAddressComesFirstThenTheOrganisationsOwnThenNone() {
    assertThat(controller(" a11y@utility.lv ", "info@utility.lv").contactEmail())
        .isEqualTo("a11y@utility.lv");
    assertThat(controller("", "info@utility.lv").contactEmail()).isEqualTo("info@utility.lv");
    assertThat(controller("", "").contactEmail()).isNull();
  }

  @Test
  void reportsChooseACategoryTheFormOffers() {
    assertThat(Categories.CODES).contains(AccessibilityController.CATEGORY);
  }

  @Test
  void errorPagesSayWhatHappened() {
    assertThat(PageErrors.problem(HttpStatus.NOT_FOUND)).isEqualTo("error.notFound");
    assertThat(PageErrors.problem(HttpStatus.PAYLOAD_TOO_LARGE)).isEqualTo("error.tooLarge");
    assertThat(PageErrors.problem(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo("error.request");
    assertThat(PageErrors.problem(HttpStatus.SERVICE_UNAVAILABLE)).isEqualTo("error.text");
  }

  private static AccessibilityController controller(String contactEmail, String ownEmail) {
    OrganisationProperties organisation =
        new OrganisationProperties(
            "Utility",
            "HEATING",
            Duration.ofDays(90),
            "http://localhost",
            "",
            "",
            "",
            ownEmail,
            "");
    return new AccessibilityController(
        new AccessibilityProperties(contactEmail, ASSESSED),
        new Organisation(organisation, CalendarProperties.defaults()));
  }
}
