package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What the inbox reads from an e-mail: text from HTML, the language, the sender, the e-mails it
 * answers, whether a machine sent it, and a key that stays the same.
 */
class EmailParserTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void htmlBecomesTextWithoutMarkupScriptsOrEntities() {
    String html =
        "<html><head><title>x</title><style>p{}</style></head><body>"
            + "<script>alert(1)</script><!-- note --><p>Labdien,</p>"
            + "<div>rēķins &amp; skaitītājs&nbsp;nr.&nbsp;5<br/>Anna</div></body></html>";

    assertThat(EmailParser.htmlToText(html).strip())
        .isEqualTo("Labdien,\nrēķins & skaitītājs nr. 5\nAnna");
  }

  @Test
  void languageIsGuessedFromTheLettersElseTheDefault() {
    assertThat(EmailParser.guess("Здравствуйте, счёт неверный", Language.lv))
        .isEqualTo(Language.ru);
    assertThat(EmailParser.guess("Lūdzu pārrēķināt rēķinu", Language.en)).isEqualTo(Language.lv);
    assertThat(EmailParser.guess("Prašau perskaičiuoti sąskaitą už šildymą", Language.en))
        .isEqualTo(Language.lt);
    assertThat(EmailParser.guess("Please check my bill, the amount is wrong", Language.lv))
        .isEqualTo(Language.en);
    assertThat(EmailParser.guess("Sveiki 12345", Language.lt)).isEqualTo(Language.lt);
  }

  @Test
  void contentLanguageHeaderWinsAndTheSenderIsRead() throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("\"Jānis Kalniņš\" <janis@example.lv>"));
    message.setSubject("Rēķins", "UTF-8");
    message.setHeader("Content-Language", "ru-RU");
    message.setText("Lūdzu pārrēķināt", "UTF-8");
    message.saveChanges();

    IncomingEmail email = EmailParser.parse(message, Language.en, NOW);

    assertThat(email.language()).isEqualTo(Language.ru);
    assertThat(email.fromAddress()).isEqualTo("janis@example.lv");
    assertThat(email.fromName()).isEqualTo("Jānis Kalniņš");
    assertThat(email.text()).isEqualTo("Lūdzu pārrēķināt");
    assertThat(email.receivedAt()).isEqualTo(NOW);
    assertThat(email.messageKey()).hasSize(64);
  }

  @Test
  void controlCharactersAreDroppedSoTheEmailIsNeverRefused() throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("janis@example.lv", "J\u0007nis Kalniņš", "UTF-8"));
    message.setSubject("Rēķins\u0000 nr\u001b. 5", "UTF-8");
    message.setText("Lūdzu\u0007 pārrēķināt\u0085\nPaldies", "UTF-8");
    message.saveChanges();

    IncomingEmail email = EmailParser.parse(message, Language.lv, NOW);

    assertThat(email.fromName()).isEqualTo("Jnis Kalniņš");
    assertThat(email.subject()).isEqualTo("Rēķins nr. 5");
    assertThat(email.text()).isEqualTo("Lūdzu pārrēķināt\nPaldies");
  }

  @Test
  void referencedMessageIdsAreReadFromReferencesAndInReplyTo() throws Exception {
    MimeMessage message = message("anna@example.lv");
    message.setHeader("References", "<first@example.lv>\r\n <outbound-7.abc@desk.example>");
    message.setHeader("In-Reply-To", "<outbound-9.def@desk.example> (our e-mail)");

    assertThat(EmailParser.parse(message, Language.lv, NOW).referencedMessageIds())
        .containsExactly(
            "<first@example.lv>", "<outbound-7.abc@desk.example>", "<outbound-9.def@desk.example>");
  }

  @Test
  void machineSentEmailsAreRecognised() throws Exception {
    assertThat(automatic("anna@example.lv", "Auto-Submitted", "auto-replied")).isTrue();
    assertThat(automatic("anna@example.lv", "Auto-Submitted", "auto-generated; owner")).isTrue();
    assertThat(automatic("anna@example.lv", "X-Autoreply", "yes")).isTrue();
    assertThat(automatic("anna@example.lv", "X-Autorespond", "1")).isTrue();
    assertThat(automatic("anna@example.lv", "Precedence", "Bulk")).isTrue();
    assertThat(automatic("anna@example.lv", "Precedence", "junk")).isTrue();
    assertThat(automatic("anna@example.lv", "Precedence", "list")).isTrue();
    assertThat(automatic("anna@example.lv", "Return-Path", "<>")).isTrue();
    assertThat(automatic("MAILER-DAEMON@mx.example.lv", null, null)).isTrue();
    assertThat(automatic("postmaster@example.lv", null, null)).isTrue();

    assertThat(automatic("anna@example.lv", "Auto-Submitted", "No")).isFalse();
    assertThat(automatic("anna@example.lv", "Precedence", "first-class")).isFalse();
    assertThat(automatic("anna@example.lv", "Return-Path", "<anna@example.lv>")).isFalse();
    assertThat(automatic("postmaster.anna@example.lv", null, null)).isFalse();
  }

  @Test
  void ourOwnEmailComingBackIsRecognisedAsAutomatic() throws Exception {
    String ours = "<outbound-42.0123456789abcdef0123456789abcdef@desk.example>";

    assertThat(automatic("anna@example.lv", "Message-ID", ours)).isTrue();
    // A customer's reply names our e-mail, but has its own Message-ID.
    MimeMessage reply = message("anna@example.lv");
    reply.setHeader("In-Reply-To", ours);
    assertThat(EmailParser.parse(reply, Language.lv, NOW).automatic()).isFalse();
    assertThat(automatic("anna@example.lv", "Message-ID", "<outbound-42@mail.example.lv>"))
        .isFalse();
  }

  @Test
  void deliveryReportIsRecognisedAsAutomatic() throws Exception {
    MimeMessage report = message("bounces@mx.example.lv");
    MimeMultipart body = new MimeMultipart("report; report-type=delivery-status");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Delivery failed", "UTF-8");
    body.addBodyPart(text);
    report.setContent(body);
    report.saveChanges();

    assertThat(EmailParser.parse(report, Language.lv, NOW).automatic()).isTrue();
  }

  @Test
  void keyIsTheSameAtEveryReadingWithOrWithoutMessageId() throws Exception {
    MimeMessage withId = message("anna@example.lv");
    MimeMessage withoutId = message("anna@example.lv");
    withoutId.removeHeader("Message-ID");
    withoutId.setSentDate(new java.util.Date(1_700_000_000_000L));

    assertThat(EmailParser.messageKey(withId))
        .isEqualTo(EmailParser.parse(withId, Language.lv, NOW).messageKey())
        .isEqualTo(EmailParser.messageKey(withId));
    assertThat(EmailParser.messageKey(withoutId))
        .isEqualTo(EmailParser.parse(withoutId, Language.lv, NOW).messageKey())
        .isNotEqualTo(EmailParser.messageKey(withId));
  }

  private static boolean automatic(String from, String header, String value) throws Exception {
    MimeMessage message = message(from);
    if (header != null) {
      message.setHeader(header, value);
    }
    return EmailParser.parse(message, Language.lv, NOW).automatic();
  }

  private static MimeMessage message(String from) throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress(from));
    message.setSubject("Rēķins", "UTF-8");
    message.setText("Lūdzu pārrēķināt", "UTF-8");
    message.saveChanges();
    return message;
  }
}
