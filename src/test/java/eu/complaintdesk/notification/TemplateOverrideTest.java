package eu.complaintdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.calendar.CalendarProperties;
import eu.complaintdesk.calendar.WorkingCalendar;
import eu.complaintdesk.register.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The override folder ({@code complaints.notifications.template-dir}) and the HTML frame. */
class TemplateOverrideTest {

  @TempDir Path dir;

  private NotificationTemplates templates(String templateDir) {
    return new NotificationTemplates(
        new String[] {"classpath:notifications/messages"},
        templateDir,
        new WorkingCalendar(CalendarProperties.defaults()));
  }

  private static final Map<String, Object> VALUES =
      Map.of(
          "registrationNumber", "2026-000042",
          "receivedDate", "09.03.2026",
          "responseDueDate", "23.03.2026",
          "organisationName", "AS Rīgas siltums",
          "accessCode", "",
          "statusLink", "");

  @Test
  void textsInTheOverrideFolderWinKeyByKeyAndTheRestStaysBuiltIn() throws IOException {
    Files.writeString(
        dir.resolve("messages_lv.properties"),
        "ACKNOWLEDGEMENT.subject=Saņemts: {registrationNumber}\n",
        StandardCharsets.UTF_8);

    var rendered =
        templates(dir.toString()).render(NotificationKind.ACKNOWLEDGEMENT, Language.lv, VALUES);

    assertThat(rendered.subject()).isEqualTo("Saņemts: 2026-000042");
    assertThat(rendered.body()).contains("reģistrējām ar Nr. 2026-000042"); // built-in
    var english =
        templates(dir.toString()).render(NotificationKind.ACKNOWLEDGEMENT, Language.en, VALUES);
    assertThat(english.subject())
        .isEqualTo("Your submission has been registered as no. 2026-000042");
  }

  @Test
  void emailFrameInTheOverrideFolderReplacesTheBuiltInOne() throws IOException {
    Files.writeString(
        dir.resolve("email.html"), "<html><body><h1>Mūsu</h1>{bodyHtml}</body></html>");

    String html =
        templates(dir.toString()).files().fill("email.html", Map.of("bodyHtml", "<p>x</p>"));

    assertThat(html).isEqualTo("<html><body><h1>Mūsu</h1><p>x</p></body></html>");
    assertThat(templates("").files().read("email.html")).contains("{bodyHtml}", "{subject}");
  }

  @Test
  void postRoomLetterLayoutInTheOverrideFolderReplacesTheBuiltInOne() throws IOException {
    Files.writeString(
        dir.resolve("message-letter.html"),
        "<html><body><p>Mūsu vēstule</p>{recipientHtml}{bodyHtml}</body></html>");

    String html =
        templates(dir.toString())
            .files()
            .fill(
                "message-letter.html",
                Map.of("recipientHtml", "Ilze<br/>Rīga", "bodyHtml", "<p>x</p>"));

    assertThat(html)
        .isEqualTo("<html><body><p>Mūsu vēstule</p>Ilze<br/>Rīga<p>x</p></body></html>");
    assertThat(templates("").files().read("message-letter.html"))
        .contains(
            "{organisationName}",
            "{organisationDetailsHtml}",
            "{recipientHtml}",
            "{registrationNumber}",
            "{date}",
            "{subject}",
            "{bodyHtml}");
  }

  @Test
  void plainTextBecomesEscapedHtmlParagraphsListsAndLinks() {
    String html =
        TemplateFiles.paragraphs(
            "Labdien!\n\nRēķins <script>alert(1)</script> & \"citi\"\nOtrā rinda\n\n"
                + "- viens\n- divi\n\nhttps://desk.example/surveys/a?b=1&c=2");

    assertThat(html)
        .contains("<p>Labdien!</p>")
        .contains(
            "Rēķins &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;citi&quot;<br/>Otrā rinda")
        .contains("<ul><li>viens</li><li>divi</li></ul>")
        .contains(
            "<a href=\"https://desk.example/surveys/a?b=1&amp;c=2\">"
                + "https://desk.example/surveys/a?b=1&amp;c=2</a>")
        .doesNotContain("<script>");
  }

  @Test
  void layoutValuesAreEscapedUnlessTheyArePreparedHtml() {
    String html =
        new TemplateFiles("")
            .fill(
                "email.html",
                Map.of(
                    "language", "lv",
                    "subject", "A < B & C",
                    "organisationName", "SIA \"Siltums\"",
                    "bodyHtml", "<p>ok</p>"));

    assertThat(html)
        .contains("A &lt; B &amp; C", "SIA &quot;Siltums&quot;", "<p>ok</p>")
        .contains("<html lang=\"lv\">");
  }
}
