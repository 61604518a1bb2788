package eu.complaintdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The session attribute's name is the one sessions stored before, and the anonymisation's. */
class CaseAccessTest {

  @Test
  void theAttributeKeepsItsNameSoSessionsStoredBeforeStillOpenTheirCase() {
    assertThat(CaseAccess.ATTRIBUTE).isEqualTo(CaseAccess.class.getName());
  }
}
