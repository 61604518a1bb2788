package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Who a kind of message goes to: the customer, another organisation or staff, exactly one. */
class NotificationKindTest {

  @Test
  void everyKindGoesToExactlyOneAudienceAndOnlyInquiriesGoToOrganisations() {
    for (NotificationKind kind : NotificationKind.values()) {
      assertThat(
              Arrays.asList(kind.isForCustomer(), kind.isForOrganisation(), kind.isForStaff())
                  .stream()
                  .filter(Boolean::booleanValue)
                  .count())
          .as(kind.name())
          .isEqualTo(1);
    }
    assertThat(Arrays.stream(NotificationKind.values()).filter(NotificationKind::isForOrganisation))
        .containsExactly(
            NotificationKind.EXTERNAL_INQUIRY, NotificationKind.EXTERNAL_INQUIRY_REMINDER);
    assertThat(Arrays.stream(NotificationKind.values()).filter(NotificationKind::isForStaff))
        .containsExactly(
            NotificationKind.PRAISE_FORWARDED,
            NotificationKind.DRAFT_REMINDER,
            NotificationKind.DRAFT_OVERDUE,
            NotificationKind.CASE_OVERDUE,
            NotificationKind.CUSTOMER_MESSAGE_RECEIVED,
            NotificationKind.EXTERNAL_INQUIRY_UNANSWERED,
            NotificationKind.INFORMATION_SUPPLIED);
  }
}
