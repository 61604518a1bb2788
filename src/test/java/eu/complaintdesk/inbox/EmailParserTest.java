package eu.complaintdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import eu.complaintdesk.register.Language;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the inbox reads from an e-mail: text from HTML, the language, the sender. */
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
}
