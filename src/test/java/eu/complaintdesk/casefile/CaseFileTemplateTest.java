package eu.complaintdesk.casefile;

import static eu.complaintdesk.process.ComplaintVariables.CANDIDATE_GROUP;
import static eu.complaintdesk.process.ComplaintVariables.SUGGESTED_CATEGORY;
import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.answer.AnswerDraft;
import eu.complaintdesk.answer.ExternalInquiry;
import eu.complaintdesk.customermessage.CustomerMessage;
import eu.complaintdesk.notification.DeliveryState;
import eu.complaintdesk.notification.MessageChannel;
import eu.complaintdesk.notification.NotificationKind;
import eu.complaintdesk.notification.OutboundMessage;
import eu.complaintdesk.register.CaseReads;
import eu.complaintdesk.register.Channel;
import eu.complaintdesk.register.Complaint;
import eu.complaintdesk.register.ComplaintStatus;
import eu.complaintdesk.register.Language;
import eu.complaintdesk.register.PreferredContact;
import eu.complaintdesk.register.TimelineEntry;
import eu.complaintdesk.stafflanguage.StaffTexts;
import eu.complaintdesk.staffweb.StaffTemplates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the case file's template shows of a case, rendered as the application renders it. */
class CaseFileTemplateTest {

  static final Instant AT = Instant.parse("2026-03-02T08:15:00Z");
  static final ZoneId RIGA = ZoneId.of("Europe/Riga");

  @Test
  void everyPartOfTheCaseIsShownEscapedAndMissingFactsAsADash() {
    CaseFile file =
        new CaseFile(
            complaint("Pēteris <b>Liepa</b>"),
            Map.of(SUGGESTED_CATEGORY, "BILLING", CANDIDATE_GROUP, "dept-billing"),
            List.of(
                new CaseAttachments.Attachment(
                    "a\"b.png",
                    "image/png",
                    42,
                    "/api/staff/complaints/2026-000001/attachments/7")),
            List.of(new TimelineEntry(AT, "REGISTERED", "system", "line 1\n<i>2</i>", false)),
            List.of(
                new AnswerDraft(
                    1,
                    "Answer <text>",
                    "REJECTED",
                    null,
                    "handler",
                    AT,
                    false,
                    "supervisor",
                    "Too short",
                    AT),
                new AnswerDraft(
                    2, "Second", "UPHELD", null, "handler", AT, null, null, null, null)),
            List.of(
                new ExternalInquiry(3, "Water board", AT, null, null, null),
                new ExternalInquiry(
                    6,
                    "building-manager",
                    AT,
                    "Off <3h>",
                    AT,
                    "system",
                    "building-manager",
                    "Building <manager>",
                    "When was the heating <b>off</b>?",
                    DeliveryState.SENT)),
            List.of(new CustomerMessage(4, "More <info>", AT)),
            List.of(
                new OutboundMessage(
                    5,
                    1,
                    "2026-000001",
                    NotificationKind.ACKNOWLEDGEMENT,
                    MessageChannel.POST,
                    "Cēsis",
                    Language.lv,
                    "Subject <s>",
                    "Body",
                    DeliveryState.FAILED,
                    "k",
                    AT,
                    AT,
                    "refused",
                    1,
                    null,
                    null,
                    AT,
                    "registrar")));

    String html = render(file);

    assertThat(html)
        .startsWith("<!DOCTYPE html><html lang=\"en\">")
        .contains("<title>Case file 2026-000001</title>", "<style nonce=\"n0nce\">")
        .contains("<h1>Case file 2026-000001</h1>")
        .contains("<p class=\"muted\">Status IN_PROGRESS · repeat complaint</p>")
        .contains("<dt>Name</dt><dd>Pēteris &lt;b&gt;Liepa&lt;/b&gt;</dd>")
        .contains("<dt>Phone</dt><dd>—</dd>")
        .contains("<dt>Received</dt><dd>2026-03-02 10:15</dd>")
        .contains("<dt>Due</dt><dd>2026-03-02 10:15 (extended)</dd>")
        .contains("<dt>Deadline paused since</dt><dd>—</dd>")
        .contains("<dt>Category</dt><dd>BILLING</dd>", "<dt>Department</dt><dd>dept-billing</dd>")
        .contains("<dt>Required data</dt><dd>—</dd>")
        .contains("<h3>Remedy sought</h3><p class=\"text\">—</p>")
        .contains(
            "<a href=\"/api/staff/complaints/2026-000001/attachments/7\" target=\"_blank\""
                + " rel=\"noopener\">a&quot;b.png</a></td><td>image/png</td><td>42 bytes</td>")
        .contains("<td>2026-03-02 10:15<br>handler</td><td>REJECTED</td>")
        .contains("<div class=\"text\">Answer &lt;text&gt;</div>")
        .contains(
            "returned by supervisor, 2026-03-02 10:15<div class=\"text\">Too short</div></td>")
        .contains("<td>not reviewed yet</td>")
        .contains(
            "<td>Water board</td><td>not e-mailed: contact by phone or post</td>"
                + "<td><span class=\"muted\">the standard request</span></td>"
                + "<td>2026-03-02 10:15</td><td></td><td></td>")
        .contains(
            "<td>Building &lt;manager&gt;<br><span class=\"muted\">building-manager</span></td>"
                + "<td>e-mailed (SENT)</td>"
                + "<td><div class=\"text\">When was the heating &lt;b&gt;off&lt;/b&gt;?</div></td>"
                + "<td>2026-03-02 10:15</td><td><div class=\"text\">Off &lt;3h&gt;</div></td>"
                + "<td>2026-03-02 10:15 · system</td>")
        .contains("<div class=\"text\">More &lt;info&gt;</div>")
        .contains("<span class=\"state-FAILED\">FAILED</span>")
        .contains(
            "<td>2026-03-02 10:15<div>posted 2026-03-02 10:15 by registrar</div>"
                + "<div class=\"text\">refused</div></td>")
        .contains("<summary>Subject &lt;s&gt;</summary><div class=\"text\">Body</div>")
        .contains("<div class=\"text\">line 1\n&lt;i&gt;2&lt;/i&gt;</div></td><td>no</td>")
        .doesNotContain("<b>Liepa", "<script", " style=", " th:");
  }

  @Test
  void emptyPartsSaySo() {
    String html =
        render(
            new CaseFile(
                complaint("Anna"),
                Map.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));

    assertThat(html)
        .contains(
            "<p class=\"muted\">No attachments.</p>",
            "<p class=\"muted\">No drafts yet.</p>",
            "<p class=\"muted\">No inquiries.</p>",
            "<p class=\"muted\">No messages.</p>",
            "<p class=\"muted\">No messages sent.</p>",
            "<p class=\"muted\">Nothing recorded.</p>")
        .doesNotContain("<table");
  }

  @Test
  void administratorsSeeWhoReadTheCaseAndOthersDoNot() {
    CaseFile file =
        new CaseFile(
            complaint("Anna"),
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Map<String, Object> model = new HashMap<>(CaseFileController.model(file, RIGA));
    model.put(
        "reads",
        new CaseReads.Latest(
            List.of(
                new CaseReads.CaseRead(AT, "<b>handler</b>", CaseReads.Kind.LETTER, 9L),
                new CaseReads.CaseRead(AT, "registrar", CaseReads.Kind.POST_ROOM_LETTER, 5L),
                new CaseReads.CaseRead(AT, "handler", CaseReads.Kind.CASE_FILE, null)),
            60));

    String html = StaffTemplates.render(CaseFileController.TEMPLATE, model);

    assertThat(html)
        .contains("Who read this case")
        .contains("The latest 3 of 60 reads.")
        .contains("&lt;b&gt;handler&lt;/b&gt;")
        .contains("letter 9")
        .contains("post room letter, message 5")
        .contains("case file")
        .doesNotContain("<b>handler");
    assertThat(render(file)).doesNotContain("Who read this case");
  }

  @Test
  void inTheStaffLanguageTheCaseFileSpeaksItWithItsDatesAndCodesAsWords() {
    CaseFile file =
        new CaseFile(
            complaint("Anna"),
            Map.of(SUGGESTED_CATEGORY, "BILLING"),
            List.of(),
            List.of(new TimelineEntry(AT, "REGISTERED", "system", null, true)),
            List.of(),
            List.of(new ExternalInquiry(3, "Ūdens", AT, null, null, null)),
            List.of(),
            List.of());

    String html =
        StaffTemplates.render(
            CaseFileController.TEMPLATE,
            CaseFileController.model(file, RIGA, StaffTexts.of(Language.lv)));

    assertThat(html)
        .startsWith("<!DOCTYPE html><html lang=\"lv\">")
        .contains("<title>Lietas materiāli: iesniegums 2026-000001</title>")
        .contains("<p class=\"muted\">Statuss Tiek izskatīts · atkārtota sūdzība</p>")
        .contains("<dt>Saņemts</dt><dd>02.03.2026. 10:15</dd>")
        .contains("<dt>Atbildes termiņš</dt><dd>02.03.2026. 10:15 (pagarināts)</dd>")
        .contains("<dt>Joma</dt><dd>Rēķini un maksājumi</dd>")
        .contains("<dt>Kanāls</dt><dd>Tīmekļa veidlapa</dd>")
        .contains("<td>e-pasts nav sūtīts: sazinieties pa tālruni vai pastu</td>")
        .contains("<td>Reģistrēts</td><td>system</td>")
        .contains("<td>jā</td>")
        .doesNotContain(
            "Customer", "Timeline", "Attachments", "not e-mailed", "BILLING", "2026-03-02");
    assertThat(
            StaffTemplates.render(
                CaseFileController.TEMPLATE,
                CaseFileController.model(file, RIGA, StaffTexts.of(Language.ru))))
        .startsWith("<!DOCTYPE html><html lang=\"ru\">")
        .contains("<dt>Поступило</dt><dd>02.03.2026 10:15</dd>", "<h2>Ход рассмотрения</h2>");
    assertThat(
            StaffTemplates.render(
                CaseFileController.TEMPLATE,
                CaseFileController.model(file, RIGA, StaffTexts.of(Language.lt))))
        .startsWith("<!DOCTYPE html><html lang=\"lt\">")
        .contains("<dt>Gauta</dt><dd>2026-03-02 10:15</dd>", "<dt>Sritis</dt>");
  }

  private static String render(CaseFile file) {
    return StaffTemplates.render(CaseFileController.TEMPLATE, CaseFileController.model(file, RIGA));
  }

  private static Complaint complaint(String name) {
    return new Complaint(
        1,
        "2026-000001",
        Channel.WEB_FORM,
        Language.lv,
        name,
        "peteris@example.lv",
        null,
        null,
        "Cēsis",
        PreferredContact.EMAIL,
        "Rēķins",
        "Apraksts",
        null,
        "BILLING",
        AT,
        AT,
        true,
        null,
        ComplaintStatus.IN_PROGRESS,
        "SERVICE_COMPLAINT",
        "BILLING",
        "NORMAL",
        true,
        "pi",
        null,
        null,
        null,
        null,
        null);
  }
}
