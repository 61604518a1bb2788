package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The links of staff e-mails and the digest, from one base URL with or without its slash. */
class StaffLinksTest {

  @Test
  void linksStartWithTheBaseUrlWithoutItsTrailingSlash() {
    for (String base : new String[] {"https://staff.example", "https://staff.example/"}) {
      StaffLinks links = StaffLinks.at(base);
      assertThat(links.tasklist()).isEqualTo("https://staff.example/camunda/app/tasklist/default/");
      assertThat(links.task("t-1"))
          .isEqualTo("https://staff.example/camunda/app/tasklist/default/#/?task=t-1");
      assertThat(links.caseFile("2026-000042"))
          .isEqualTo("https://staff.example/staff/complaints/2026-000042");
      assertThat(links.page("/api/staff/me/digest"))
          .isEqualTo("https://staff.example/api/staff/me/digest");
    }
  }
}
