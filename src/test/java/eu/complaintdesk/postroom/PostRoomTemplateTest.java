package eu.complaintdesk.postroom;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.notification.DeliveryState;
import eu.complaintdesk.notification.MessageChannel;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffTemplates;
import eu.complaintdesk.staffweb.StaffTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the post room's template shows, rendered as the application renders it. */
class PostRoomTemplateTest {

  static final Instant AT = Instant.parse("2026-03-02T08:15:00Z");

  @Test
  void eachLetterHasItsCaseItsAddressEscapedAPrintLinkAndAFormRelativeToThePostRoom() {
    OutboundMessage letter =
        new OutboundMessage(
            17,
            1,
            "2026-000001",
            NotificationKind.ACKNOWLEDGEMENT,
            MessageChannel.POST,
            "Brīvības iela 12-3 <b>\nRīga",
            Language.lv,
            "Subject",
            "Body",
            DeliveryState.SENT,
            "k",
            AT,
            AT,
            null,
            1,
            null,
            null,
            null,
            null);

    String html = render(List.of(letter));

    assertThat(html)
        .startsWith("<!DOCTYPE html><html lang=\"en\">")
        .contains("<title>Post room</title>", "<style nonce=\"n0nce\">", "<h1>Post room</h1>")
        .contains(
            "<tr><td><a href=\"complaints/2026-000001\">2026-000001</a></td>"
                + "<td>ACKNOWLEDGEMENT</td><td>lv</td><td>2026-03-02 10:15</td>"
                + "<td class=\"address\">Brīvības iela 12-3 &lt;b&gt;\nRīga</td>"
                + "<td><a href=\"post/17.pdf\">Print (PDF)</a>"
                + "<form method=\"post\" action=\"post/17/posted\">"
                + "<button type=\"submit\">Mark as posted</button></form></td></tr>")
        .doesNotContain("Nothing to post.", "<script", " style=", " th:");
  }

  @Test
  void nothingToPostSaysSo() {
    assertThat(render(List.of()))
        .contains("<p class=\"muted\">Nothing to post.</p>")
        .doesNotContain("<table");
  }

  private static String render(List<OutboundMessage> messages) {
    return StaffTemplates.render(
        "staff/post-room",
        Map.of(
            "messages",
            messages,
            StaffTimes.ATTRIBUTE,
            new StaffTimes(ZoneId.of("Europe/Riga")),
            StaffTexts.ATTRIBUTE,
            StaffTexts.of(Language.en)));
  }
}
